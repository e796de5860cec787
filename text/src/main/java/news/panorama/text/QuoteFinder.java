package news.panorama.text;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import news.panorama.core.Mention;
import news.panorama.core.Quote;
import org.jspecify.annotations.Nullable;

/**
 * Finds direct quotations in every common quote style ({@code “ ”}, {@code " "}, {@code « »},
 * {@code „ “}, {@code 「 」}, {@code ‘ ’}, {@code ' '}) and attributes each to a speaker: a named
 * person next to a speech verb in the same sentence ({@code X said}, {@code said X},
 * {@code according to X}, {@code сказал X}, {@code selon X}), or, for a pronoun ({@code he said}),
 * the last person named before the quotation. Stateless and thread-safe.
 */
final class QuoteFinder {
  /** Quotes longer than this are taken for unbalanced marks. */
  private static final int MAX_QUOTE = 1500;
  /** How far around a quotation the speaker is looked for. */
  private static final int WINDOW = 160;

  private static final String OPENERS = "“„«»「『‘\"'‹";

  private static final Pattern SPEECH = Pattern.compile(
      "\\b(?:said|says|say|told|tells|added|adds|stated|states|noted|stressed|warned|insisted|argued|explained"
          + "|wrote|writes|asked|declared|announced|confirmed|criticized|criticised|claimed|replied|according to"
          + "|a déclaré|a dit|a affirmé|a ajouté|a estimé|a souligné|a expliqué|déclare|affirme|estime|selon|dit"
          + "|sagte|sagt|erklärte|betonte|so|laut|meinte|schrieb|dijo|afirmó|declaró|aseguró|señaló|según|explicó"
          + "|ha detto|ha dichiarato|secondo|disse|afirmou|declarou|segundo|сказал\\p{L}*|заявил\\p{L}*|отметил\\p{L}*"
          + "|сообщил\\p{L}*|подчеркнул\\p{L}*|по словам|сказав|сказала|заявив|заявила|зазначив|зазначила|наголосив"
          + "|за словами|повідомив|dedi|söyledi|açıkladı|belirtti|ifade etti|göre|powiedział\\p{L}*|zei|zegt)\\b"
          + "|と述べ|と語っ|と話し|によると|表示|说",
      Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.UNICODE_CHARACTER_CLASS);
  private static final Pattern PRONOUN = Pattern.compile(
      "\\b(?:he|she|il|elle|er|sie|él|ella|lui|lei|ele|ela|он|она|він|вона|o)\\b",
      Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.UNICODE_CHARACTER_CLASS);

  private QuoteFinder() {}

  /**
   * The quotations of {@code text}; {@code mentions} are the article's named things in text order,
   * {@code sentenceOf} maps an offset to its sentence index.
   */
  static List<Quote> find(String text, List<Mention> mentions, java.util.function.IntUnaryOperator sentenceOf) {
    List<Quote> out = new ArrayList<>();
    int i = 0;
    int n = text.length();
    while (i < n) {
      char c = text.charAt(i);
      if (OPENERS.indexOf(c) < 0 || !canOpen(text, i)) {
        i++;
        continue;
      }
      int close = findClose(text, i);
      if (close < 0) {
        i++;
        continue;
      }
      int s = i + 1;
      int e = close;
      while (s < e && Character.isWhitespace(text.charAt(s))) s++;
      while (e > s && (Character.isWhitespace(text.charAt(e - 1)) || text.charAt(e - 1) == ',')) e--;
      if (isQuotation(text, s, e)) {
        Speaker who = speaker(text, i, close + 1, mentions);
        out.add(new Quote(text.substring(s, e), s, e, sentenceOf.applyAsInt(s),
            who == null ? "" : who.name, who == null ? null : who.entity));
      }
      i = close + 1;
    }
    return out;
  }

  private record Speaker(String name, String entity) {}

  /** Apostrophes and inch marks are not openers: an opener follows a space, a line start or a bracket. */
  private static boolean canOpen(String text, int i) {
    char c = text.charAt(i);
    boolean prevOk = i == 0 || Character.isWhitespace(text.charAt(i - 1)) || "([—–-:".indexOf(text.charAt(i - 1)) >= 0;
    if (c == '»' || c == '‹') return prevOk; // Danish/German »…« style
    if (c == '\'' || c == '‘' || c == '"' || c == '“') {
      return prevOk && i + 1 < text.length() && !Character.isWhitespace(text.charAt(i + 1));
    }
    return true;
  }

  private static int findClose(String text, int open) {
    char o = text.charAt(open);
    String closers = switch (o) {
      case '“' -> "”“\"";
      case '„' -> "“”\"";
      case '«' -> "»";
      case '»' -> "«";
      case '‹' -> "›";
      case '「' -> "」";
      case '『' -> "』";
      case '‘' -> "’";
      case '\'' -> "'’";
      default -> "\"”";
    };
    int limit = Math.min(text.length(), open + MAX_QUOTE);
    for (int j = open + 1; j < limit; j++) {
      char c = text.charAt(j);
      if (c == '\n' && (o == '\'' || o == '‘' || o == '"')) return -1;
      if (closers.indexOf(c) < 0) continue;
      if ((c == '’' || c == '\'') && j + 1 < text.length() && Character.isLetter(text.charAt(j + 1))) continue;
      if ((c == '’' || c == '\'') && Character.isWhitespace(text.charAt(j - 1))) continue;
      return j;
    }
    return -1;
  }

  /** At least two words (or four CJK characters): a single quoted word is a term, not a quotation. */
  private static boolean isQuotation(String text, int s, int e) {
    if (e - s < 4) return false;
    for (int k = s; k < e; k++) {
      if (Character.isWhitespace(text.charAt(k))) return true;
      if (Character.isIdeographic(text.charAt(k)) || Character.UnicodeBlock.of(text.charAt(k))
          == Character.UnicodeBlock.HIRAGANA) {
        return e - s >= 4;
      }
    }
    return false;
  }

  private static @Nullable Speaker speaker(String text, int open, int afterClose, List<Mention> mentions) {
    // after the quotation, up to the end of its sentence: ," Peskov said. / ,” said Peskov. / ,” he said.
    int afterEnd = afterClose;
    while (afterEnd < text.length() && afterEnd - afterClose < WINDOW && "\n.!?。".indexOf(text.charAt(afterEnd)) < 0) {
      afterEnd++;
    }
    String after = text.substring(afterClose, afterEnd);
    Matcher verb = SPEECH.matcher(after);
    if (verb.find() && verb.start() < 60) {
      Speaker named = nearestPerson(mentions, afterClose, afterEnd, afterClose + verb.start());
      if (named != null) return named;
      if (PRONOUN.matcher(after).find()) return lastPersonBefore(mentions, open);
    }
    // before it, in the same sentence: Peskov said, “… / According to Peskov, “… / Peskov: «…»
    int beforeStart = open;
    while (beforeStart > 0 && open - beforeStart < WINDOW && "\n.!?。".indexOf(text.charAt(beforeStart - 1)) < 0) {
      beforeStart--;
    }
    String before = text.substring(beforeStart, open);
    Matcher v = SPEECH.matcher(before);
    int verbAt = -1;
    while (v.find()) verbAt = beforeStart + v.start();
    boolean colon = before.stripTrailing().endsWith(":");
    if (verbAt >= 0 || colon) {
      Speaker named = nearestPerson(mentions, beforeStart, open, verbAt >= 0 ? verbAt : open);
      if (named != null) return named;
      if (PRONOUN.matcher(before).find()) return lastPersonBefore(mentions, beforeStart);
    }
    return null;
  }

  /** The person mention inside {@code [from, to)} closest to {@code anchor}. */
  private static @Nullable Speaker nearestPerson(List<Mention> mentions, int from, int to, int anchor) {
    Mention best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (int k = firstStartingAtOrAfter(mentions, from); k < mentions.size() && mentions.get(k).start() < to; k++) {
      Mention m = mentions.get(k);
      if (m.end() > to || !isPersonLike(m)) continue;
      int d = m.end() <= anchor ? anchor - m.end() : m.start() - anchor;
      if (d < bestDistance) {
        best = m;
        bestDistance = d;
      }
    }
    return best == null ? null : new Speaker(best.text(), best.entity());
  }

  /** The last person named before {@code before}, among the 50 mentions preceding it. */
  private static @Nullable Speaker lastPersonBefore(List<Mention> mentions, int before) {
    int k = firstStartingAtOrAfter(mentions, before) - 1;
    for (int seen = 0; k >= 0 && seen < 50; k--, seen++) {
      Mention m = mentions.get(k);
      if (m.end() <= before && isPersonLike(m)) return new Speaker(m.text(), m.entity());
    }
    return null;
  }

  /** Index of the first mention starting at or after {@code offset} (mentions are in text order). */
  private static int firstStartingAtOrAfter(List<Mention> mentions, int offset) {
    int lo = 0;
    int hi = mentions.size();
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (mentions.get(mid).start() < offset) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  private static boolean isPersonLike(Mention m) {
    return m.type().equals(NameFinder.PERSON) || m.type().equals(NameFinder.NAME) && m.entity().indexOf(' ') > 0;
  }
}
