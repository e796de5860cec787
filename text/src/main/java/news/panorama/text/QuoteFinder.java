package news.panorama.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import news.panorama.core.Mention;
import news.panorama.core.Quote;
import org.jspecify.annotations.Nullable;

/**
 * Finds direct quotations in every common quote style ({@code “ ”}, {@code " "}, {@code « »},
 * {@code „ “}, {@code 「 」}, {@code ‘ ’}, {@code ' '}, newswire's {@code `` ''}) and attributes each to a speaker: a named
 * person next to a speech verb in the same sentence ({@code X said}, {@code said X},
 * {@code according to X}, {@code сказал X}, {@code selon X}), or, for a pronoun ({@code he said}),
 * the last person named before the quotation. Stateless and thread-safe.
 */
final class QuoteFinder {
  /** Quotes longer than this are taken for unbalanced marks. */
  private static final int MAX_QUOTE = 1500;
  /** How far around a quotation the speaker is looked for. */
  private static final int WINDOW = 160;
  /** How far back the subject of a sentence is looked for, for a pronoun before a speech verb. */
  private static final int MAX_SENTENCE = 600;

  private static final String OPENERS = "“„«»「『‘\"'‹";
  /** Marks that may be left at the ends of a quotation by doubled or mixed quote marks. */
  private static final String STRAY_MARKS = "'\"`‘’“”";

  private static final Pattern SPEECH = Pattern.compile(
      "\\b(?:said|says|say|told|tells|added|adds|stated|states|noted|stressed|warned|insisted|argued|explained"
          + "|wrote|writes|asked|declared|announced|confirmed|criticized|criticised|claimed|replied|according to"
          + "|continued|responded|conceded|admitted|acknowledged|recalled|complained"
          + "|a déclaré|a dit|a affirmé|a ajouté|a estimé|a souligné|a expliqué|déclare|affirme|estime|selon|dit"
          + "|sagte|sagt|erklärte|betonte|so|laut|meinte|schrieb|dijo|afirmó|declaró|aseguró|señaló|según|explicó"
          + "|ha detto|ha dichiarato|secondo|disse|afirmou|declarou|segundo|сказал\\p{L}*|заявил\\p{L}*|отметил\\p{L}*"
          + "|сообщил\\p{L}*|подчеркнул\\p{L}*|по словам|сказав|сказала|заявив|заявила|зазначив|зазначила|наголосив"
          + "|за словами|повідомив|написав|написала|наголосила|dedi|diye|diyen|söyledi|açıkladı|belirtti|ifade etti"
          + "|ifadelerini|göre|powiedział\\p{L}*|zei|zegt|و?قال\\p{L}*|و?أضاف\\p{L}*|و?أكد\\p{L}*|مؤكدا\\p{M}*"
          + "|و?أعلن\\p{L}*|و?صرح\\p{L}*|و?أوضح\\p{L}*|بحسب|وفقا)\\b"
          + "|と述べ|と語っ|と話し|によると|表示|说",
      Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.UNICODE_CHARACTER_CLASS);
  /** Speech verbs whose object is the one spoken to ({@code told AFP}, {@code a déclaré à}, {@code dijo a}). */
  private static final Pattern TELLS = Pattern.compile(
      "(?:told|tells|telling)\\b|(?:a déclaré|a dit|a confié) à|(?:dijo|declaró|ha detto|disse) a\\b",
      Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.UNICODE_CHARACTER_CLASS);
  /** Speech verbs that refer back to the subject of their sentence ({@code …, adding “…”}, {@code مؤكداً أن «…»}). */
  private static final Pattern PARTICIPLE = Pattern.compile(
      "\\b(?:adding|saying|stressing|noting|insisting|warning|en ajoutant|ajoutant|añadiendo|aggiungendo|acrescentando"
          + "|hinzufügend|добавив|подчеркнув|отметив|додавши|наголосивши|diyerek|ekleyerek|مؤكدا\\p{M}*|مضيفا\\p{M}*"
          + "|مشيرا\\p{M}*)\\b",
      Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.UNICODE_CHARACTER_CLASS);
  private static final Pattern PRONOUN = Pattern.compile(
      "\\b(?:he|she|il|elle|er|sie|él|ella|lui|lei|ele|ela|он|она|він|вона|o)\\b",
      Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.UNICODE_CHARACTER_CLASS);

  private QuoteFinder() {}

  /**
   * The quotations of {@code text}; {@code mentions} are the article's named things in text order,
   * {@code sentenceOf} maps an offset to its sentence index.
   */
  static List<Quote> find(String text, List<Mention> allMentions, java.util.function.IntUnaryOperator sentenceOf) {
    return find(text, "", allMentions, sentenceOf);
  }

  /**
   * As {@link #find(String, List, java.util.function.IntUnaryOperator)}, for a text in {@code language}:
   * Japanese and Chinese speakers come only from their reporting constructions ({@link #cjkSpeaker}).
   */
  static List<Quote> find(String text, String language, List<Mention> allMentions,
      java.util.function.IntUnaryOperator sentenceOf) {
    boolean cjk = Folding.writtenWithoutSpaces(language);
    // the name finders of a language may report their names out of text order (Japanese: the
    // dictionary's names, then Latin ones); every search below reads them in order
    List<Mention> mentions = new ArrayList<>(withoutListeners(text, allMentions));
    // the place of a wire dateline (BRUSSELS, Belgium (AP) -) is where the report was filed, not who spoke
    int dateline = Datelines.end(text);
    mentions.removeIf(m -> m.start() < dateline);
    mentions.sort(java.util.Comparator.comparingInt(Mention::start));
    List<Quote> out = new ArrayList<>();
    Speaker previous = null;
    int previousEnd = -1;
    int i = 0;
    int n = text.length();
    while (i < n) {
      char c = text.charAt(i);
      boolean ticks = text.startsWith("``", i); // newswire's ``…'' (LDC, Penn Treebank)
      if (!ticks && OPENERS.indexOf(c) < 0 || !canOpen(text, i)) {
        i++;
        continue;
      }
      int close = ticks ? findTicksClose(text, i) : findClose(text, i);
      if (close < 0) {
        i++;
        continue;
      }
      int s = i + (ticks ? 2 : 1);
      int e = close;
      int afterClose = close + (ticks ? 2 : 1);
      // newswire doubles its marks (''…,''): a mark left at either end is not the speaker's
      while (s < e && (Character.isWhitespace(text.charAt(s)) || STRAY_MARKS.indexOf(text.charAt(s)) >= 0)) s++;
      while (e > s && (Character.isWhitespace(text.charAt(e - 1)) || text.charAt(e - 1) == ','
          || STRAY_MARKS.indexOf(text.charAt(e - 1)) >= 0 && e - 2 >= s && !Character.isLetter(text.charAt(e - 2)))) e--;
      if (isQuotation(text, s, e)) {
        Speaker who = cjk ? cjkSpeaker(text, i, afterClose, mentions) : speaker(text, i, afterClose, mentions);
        if (who == BY_PRONOUN) who = byPronoun(text, i, previous, previousEnd, mentions, sentenceOf);
        if (who == null && !cjk && continuesQuotation(text, previousEnd, i)) who = previous; // a second quotation, same speaker
        if (who == UNNAMED) who = null;
        previous = who;
        previousEnd = afterClose;
        out.add(new Quote(text.substring(s, e), s, e, sentenceOf.applyAsInt(s),
            who == null ? "" : who.name, who == null ? null : who.entity));
      }
      i = afterClose;
    }
    return out;
  }

  private record Speaker(String name, String entity) {}

  /** Japanese verbs of saying, after {@code と} and the speaker ({@code 「…」とサルキス観光相は語った}). */
  private static final Pattern JA_SAYS = Pattern.compile("語っ|語る|述べ|話し|話す|説明し|強調し|明らかにし|指摘し|発表し|主張し|語り");
  /** Chinese verbs of saying, between the speaker and the quotation ({@code 毛宁表示，“…”}). */
  private static final Pattern ZH_SAYS = Pattern.compile("(?:表示|说|称|指出|强调|宣布)[，,:：]?\\s*$");

  /**
   * The speaker of a Japanese or Chinese quotation, from its reporting construction only: a name
   * between {@code と} and a verb of saying after it ({@code 「…」とサルキス観光相は語った}), the subject
   * before it when {@code と} and the verb follow it directly ({@code 山田首相は「…」と述べた}), or the name
   * right before a Chinese verb of saying ({@code 毛宁表示，“…”}). Without one, none: a quotation mark
   * there more often cites a title ({@code 『…』。中日新聞、2006年2月15日}) than a speaker's words, and the
   * first name of the sentence is as often a place.
   */
  private static @Nullable Speaker cjkSpeaker(String text, int open, int afterClose, List<Mention> mentions) {
    int end = clauseEnd(text, afterClose);
    if (afterClose < text.length() && text.charAt(afterClose) == 'と') {
      Matcher says = JA_SAYS.matcher(text).region(afterClose, Math.min(end, afterClose + 40));
      if (says.find()) {
        Speaker between = firstNamed(mentions, afterClose + 1, says.start());
        if (between != null) return between;
        if (says.start() == afterClose + 1) return firstNamed(mentions, clauseStart(text, open), open);
      }
      return null;
    }
    int start = clauseStart(text, open);
    Matcher says = ZH_SAYS.matcher(text).region(start, open);
    if (says.find()) return lastNamed(mentions, start, says.start());
    return null;
  }

  /** The first person or name of unknown kind in {@code [from, to)}. */
  private static @Nullable Speaker firstNamed(List<Mention> mentions, int from, int to) {
    return named(mentions, from, to, true);
  }

  /** The last person or name of unknown kind in {@code [from, to)}. */
  private static @Nullable Speaker lastNamed(List<Mention> mentions, int from, int to) {
    return named(mentions, from, to, false);
  }

  private static @Nullable Speaker named(List<Mention> mentions, int from, int to, boolean first) {
    Speaker found = null;
    for (int k = firstStartingAtOrAfter(mentions, from); k < mentions.size() && mentions.get(k).end() <= to; k++) {
      Mention m = mentions.get(k);
      if (!m.type().equals(NameFinder.PERSON) && !m.type().equals(NameFinder.NAME)) continue;
      found = new Speaker(m.text(), m.entity());
      if (first) break;
    }
    return found;
  }

  /** A reporting clause whose subject is a document: {@code ,'' said the statement}, {@code ,'' the faxed statement said}. */
  private static final Pattern DOCUMENT = Pattern.compile(
      "[\\p{P}\\s]*(?:\\p{L}+\\s+)?(?:the|a|an|its|their)\\s+(?:\\p{L}+\\s+)?"
          + "(?:statement|letter|communiqu[eé]|declaration|report)\\b",
      Pattern.CASE_INSENSITIVE);

  /** What {@link #speaker} answers for a speaker its reporting clause describes without a name ({@code ,'' officials said}). */
  private static final Speaker UNNAMED = new Speaker("", "");

  /** What {@link #speaker} answers for a pronoun reporting a quotation ({@code ,” he added}): {@link #byPronoun} resolves it. */
  private static final Speaker BY_PRONOUN = new Speaker("", "");

  /**
   * The person a pronoun reporting a quotation stands for: the speaker of the quotation just before
   * ({@code “…,” said Swedlund. “…,” he added}) unless a sentence between them opens with another name
   * ({@code “…,” said Clinton. Netanyahu disagreed. “…,” he said}); without a quotation shortly before,
   * the subject of the last sentence naming a person.
   */
  private static @Nullable Speaker byPronoun(String text, int open, @Nullable Speaker previous, int previousEnd,
      List<Mention> mentions, java.util.function.IntUnaryOperator sentenceOf) {
    int here = sentenceOf.applyAsInt(open);
    if (previous != null && previousEnd > 0) {
      int then = sentenceOf.applyAsInt(previousEnd - 1);
      if (here - then <= 2) {
        int lastSentence = -1;
        for (int k = firstStartingAtOrAfter(mentions, previousEnd); k < mentions.size() && mentions.get(k).start() < open; k++) {
          Mention m = mentions.get(k);
          boolean opensSentence = m.sentence() != lastSentence && m.sentence() > then;
          lastSentence = m.sentence();
          if (opensSentence && !m.type().equals(NameFinder.PLACE) && !m.entity().equals(previous.entity())
              && text.substring(sentenceStart(text, m.start()), m.start()).isBlank()) {
            return new Speaker(m.text(), m.entity());
          }
        }
        return previous;
      }
    }
    return lastSubjectBefore(mentions, clauseStart(text, open));
  }

  /**
   * Whether a quotation at {@code open} continues the one that ended at {@code previousEnd}: the same
   * paragraph, with at most one sentence of attribution between them ({@code “…,” Zelensky said. “…”}).
   */
  private static boolean continuesQuotation(String text, int previousEnd, int open) {
    if (previousEnd < 0 || open - previousEnd > WINDOW) return false;
    for (int k = previousEnd; k < open; k++) {
      if (text.charAt(k) == '\n') return false;
    }
    return clauseStart(text, open) >= open - 1;
  }

  /** Apostrophes and inch marks are not openers: an opener follows a space, a line start or a bracket. */
  private static boolean canOpen(String text, int i) {
    char c = text.charAt(i);
    boolean prevOk = i == 0 || Character.isWhitespace(text.charAt(i - 1)) || "([—–-:".indexOf(text.charAt(i - 1)) >= 0
        || writtenWithoutSpaces(text.charAt(i - 1)); // Chinese writes its marks against the words: 表示，“…”
    if (c == '»' || c == '‹') return prevOk; // Danish/German »…« style
    if (c == '\'' || c == '‘' || c == '"' || c == '“') {
      return prevOk && i + 1 < text.length() && !Character.isWhitespace(text.charAt(i + 1));
    }
    return true;
  }

  /**
   * Where the {@code ''} closing a {@code ``} at {@code open} begins, or -1: not past a line break or
   * another {@code ``} (newswire leaves a quotation that runs on into the next paragraph open).
   */
  private static int findTicksClose(String text, int open) {
    int limit = Math.min(text.length() - 1, open + MAX_QUOTE);
    for (int j = open + 2; j < limit; j++) {
      char c = text.charAt(j);
      if (c == '\n' || text.startsWith("``", j)) return -1;
      if (c == '\'' && text.charAt(j + 1) == '\'') return j;
    }
    return -1;
  }

  /** A Han or kana character, or the punctuation written with them. */
  private static boolean writtenWithoutSpaces(char c) {
    Character.UnicodeScript script = Character.UnicodeScript.of(c);
    return script == Character.UnicodeScript.HAN || script == Character.UnicodeScript.HIRAGANA
        || script == Character.UnicodeScript.KATAKANA || "，。：；、！？（《".indexOf(c) >= 0;
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

  /**
   * The speaker of the quotation {@code [open, afterClose)}: a person named in the reporting clause
   * after it ({@code ," said Peskov}, {@code », a déclaré M. Erdogan}, {@code », — заявил Зеленский});
   * else, when that clause has no name ({@code ," he said}, {@code », a déclaré le joueur},
   * {@code " dedi}, {@code ”, sublinhou}), the subject before the quotation in its sentence
   * ({@code Erdoğan, … "…" dedi}) or of the last sentence naming a person; a person named before it with
   * a speech verb or a colon ({@code Peskov said, "…"}, {@code وقال أردوغان: «…»}); and for words quoted
   * inside a sentence, the sentence's subject ({@code Moscow condemned the accord as "…"}).
   */
  private static @Nullable Speaker speaker(String text, int open, int afterClose, List<Mention> mentions) {
    int afterEnd = clauseEnd(text, afterClose);
    String after = text.substring(afterClose, afterEnd);
    Matcher verb = SPEECH.matcher(after);
    boolean verbAfter = verb.find() && verb.start() < 60
        // a quotation that ends its sentence (``…war.'' Greece has not responded to…): the next
        // sentence's verb reports it only right after its subject (``…war.'' Smith said.)
        && !(endsWithTerminal(text, open, afterClose) && wordsIn(after.substring(0, verb.start())) > 2);
    boolean comma = opensReportingClause(text, open, afterClose);
    boolean reporting = verbAfter || comma;
    if (reporting) {
      // ,'' he added: the person the pronoun stands for, whatever the clause names after the verb
      if (verbAfter && pronounBefore(text, afterClose, afterClose + verb.start())) return BY_PRONOUN;
      int clauseLimit = Math.min(afterEnd, afterClose + 120);
      // ,'' said the statement / ,'' officials said: the clause describes who spoke
      boolean described = verbAfter && comma
          && unnamedReporter(text, afterClose, afterClose + verb.start(), afterClose + verb.end(), afterEnd);
      Speaker named = nearestPerson(text, mentions, afterClose, clauseLimit, verbAfter ? afterClose + verb.start() : afterClose);
      // ,'' said a senior White House official: a name qualifying the describing noun is not who spoke
      if (named != null && described && qualifiesNoun(text, mentions, named, afterClose, clauseLimit)) named = null;
      if (named == null && verbAfter) {
        named = nameBeside(text, mentions, afterClose, clauseLimit, afterClose + verb.start(), afterClose + verb.end());
      }
      if (named != null) return named;
      // the clause describes who spoke and names nobody: no speaker, not even the previous quotation's,
      // unless what speaks is a document (,'' said the statement), which is the previous speaker's
      if (described && DOCUMENT.matcher(text).region(afterClose, afterEnd).lookingAt()) return null;
      if (described) {
        // ,'' the Lebanese prime minister said: the person named earlier with that role
        String phrase = rolePhrase(text, afterClose, afterClose + verb.start(), afterClose + verb.end(), afterEnd);
        Speaker role = byRole(text, mentions, open, phrase);
        return role != null ? role : UNNAMED;
      }
    }
    int beforeStart = clauseStart(text, open);
    String before = text.substring(beforeStart, open);
    Matcher v = SPEECH.matcher(before);
    int verbAt = -1;
    int verbEnd = -1;
    while (v.find()) {
      verbAt = beforeStart + v.start();
      verbEnd = beforeStart + v.end();
    }
    boolean colon = before.stripTrailing().endsWith(":");
    Speaker subject = firstPerson(mentions, beforeStart, open);
    if (verbAt >= 0 && TELLS.matcher(text).region(verbAt, open).lookingAt()) {
      // X told AFP that U.S. support…: “…”: the speaker stands before the verb; a name after it is the
      // one told or part of what was said, so an unnamed teller ("an official told…") stays unnamed
      Speaker teller = nearestPerson(text, mentions, beforeStart, verbAt, verbAt);
      if (teller != null) return teller;
      return pronounBefore(text, beforeStart, verbAt) ? lastSubjectBefore(mentions, beforeStart) : null;
    }
    if (verbAt >= 0 && (PARTICIPLE.matcher(text).region(verbAt, verbEnd).lookingAt() || pronounBefore(text, beforeStart, verbAt))) {
      // he stated Putin remains “…”: the pronoun's person, the sentence's subject before the verb, not
      // the nearest name; a long sentence's subject may stand further back than the clause window
      int sentenceStart = sentenceStart(text, verbAt);
      Speaker ownSubject = firstPerson(mentions, sentenceStart, verbAt);
      return ownSubject != null ? ownSubject : lastSubjectBefore(mentions, sentenceStart);
    }
    if (verbAt >= 0 || colon) {
      // Gates asked…: “…”: a surname right before the verb is its subject, before a person named further off
      Speaker named = verbAt >= 0 ? nameBeside(text, mentions, beforeStart, verbAt, verbAt, verbAt) : null;
      if (named == null) named = nearestPerson(text, mentions, beforeStart, open, verbAt >= 0 ? verbAt : open);
      if (named != null) return named;
    }
    if (verbAt < 0 && !colon) {
      // X “…” or Y and “…” when…, Trump said: the sentence's closing reporting clause names the speaker
      Speaker closing = closingReporter(text, afterClose, mentions);
      if (closing != null) return closing;
      // a paragraph of its own after one that ends with a colon: the speaker is that sentence's subject
      Speaker introduced = introducedBy(text, open, mentions);
      if (introduced != null) return introduced;
      // The Sam Rainsy Party… accused Hun Sen of being “…”: the name opening the clause is its subject
      Speaker opening = clauseSubject(text, mentions, beforeStart, open);
      if (opening != null) return opening;
    }
    if (subject != null) return subject;
    if (reporting || verbAt >= 0 || colon || PRONOUN.matcher(before).find()) return lastSubjectBefore(mentions, beforeStart);
    return null;
  }

  /**
   * The person named in the reporting clause that closes the sentence holding a quotation
   * ({@code …, Trump said in mid-October.}, {@code …, said Peskov.}): the last comma-separated clause of
   * the sentence, with a speech verb and a person, and no quotation mark after the quotation's end.
   */
  private static @Nullable Speaker closingReporter(String text, int afterClose, List<Mention> mentions) {
    int end = afterClose;
    while (end < text.length() && end - afterClose < MAX_SENTENCE && !endsSentence(text, end)) end++;
    int comma = text.lastIndexOf(',', end - 1);
    if (comma < afterClose) return null;
    for (int k = comma; k < end; k++) {
      if (OPENERS.indexOf(text.charAt(k)) >= 0 || "”’»」』".indexOf(text.charAt(k)) >= 0) return null;
    }
    Matcher verb = SPEECH.matcher(text).region(comma + 1, end);
    if (!verb.find() || TELLS.matcher(text).region(verb.start(), end).lookingAt()) return null;
    Speaker person = nearestPerson(text, mentions, comma + 1, end, verb.start());
    return person != null ? person : nameBeside(text, mentions, comma + 1, end, verb.start(), verb.end());
  }

  private static final Pattern OF_BEFORE = Pattern.compile("\\b(?:of|from)\\s+$");

  /** Nothing, or one adverb, between a name and its speech verb: {@code , Clinton later said}. */
  private static final Pattern ADVERB = Pattern.compile("\\s*(?:(?:\\p{Ll}+ly|later|also|then|again|earlier|once|still)\\s+)?");

  /**
   * A name of unknown kind right before (but for an adverb) or after the speech verb in
   * {@code [from, to)} ({@code , Trump said}, {@code '' Sihanouk wrote}, {@code , said Peskov}, {@code ,
   * Clinton later said}): a surname alone, which the name finder cannot type, speaks there.
   */
  private static @Nullable Speaker nameBeside(String text, List<Mention> mentions, int from, int to, int verbStart, int verbEnd) {
    for (int k = firstStartingAtOrAfter(mentions, from); k < mentions.size() && mentions.get(k).end() <= to; k++) {
      Mention m = mentions.get(k);
      // (not a place qualifying the speaker before it: Rep. Nancy Johnson of Connecticut said)
      boolean beside = m.end() <= verbStart && ADVERB.matcher(text.substring(m.end(), verbStart)).matches()
          && !OF_BEFORE.matcher(text.substring(Math.max(from, m.start() - 6), m.start())).find()
          || m.start() >= verbEnd && text.substring(verbEnd, m.start()).isBlank();
      if (m.type().equals(NameFinder.NAME) && beside) return new Speaker(m.text(), m.entity());
    }
    return null;
  }

  /**
   * For a quotation that opens a paragraph right after one ending with a colon ({@code Guy Faulconbridge …
   * wrote on X that…:}), the subject of that sentence: the person named first before its speech verb.
   */
  private static @Nullable Speaker introducedBy(String text, int open, List<Mention> mentions) {
    int k = open - 1;
    boolean newline = false;
    while (k >= 0 && Character.isWhitespace(text.charAt(k))) {
      if (text.charAt(k) == '\n') newline = true;
      k--;
    }
    if (!newline || k < 0 || text.charAt(k) != ':') return null;
    int start = sentenceStart(text, k);
    Matcher verb = SPEECH.matcher(text).region(start, k);
    if (!verb.find()) return null;
    return firstPerson(mentions, start, verb.start()) instanceof Speaker who && isPersonLikeName(mentions, who) ? who : null;
  }

  private static boolean isPersonLikeName(List<Mention> mentions, Speaker who) {
    for (Mention m : mentions) {
      if (m.entity().equals(who.entity())) return isPersonLike(m);
    }
    return false;
  }

  /** The word before a name that makes it the one spoken to, not the speaker: "told AFP", "gegenüber der dpa". */
  private static final Pattern LISTENER = Pattern.compile(
      "\\b(?:told|tells|telling|gegenüber(?: de[rmn])?|a déclaré à|a dit à|a confié à|dijo a|declaró a|ha detto a|disse a)\\s+(?:the\\s+|l'|la\\s+|le\\s+)?$",
      Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.UNICODE_CHARACTER_CLASS);

  /**
   * The mentions that can speak: a name right after "told" (and its like in other languages) is the
   * listener — usually a news agency ("told AFP") — so it is left out of the speaker search.
   */
  private static List<Mention> withoutListeners(String text, List<Mention> mentions) {
    List<Mention> out = new ArrayList<>(mentions.size());
    for (Mention m : mentions) {
      int from = Math.max(0, m.start() - 30);
      if (!LISTENER.matcher(text.substring(from, m.start())).find()) out.add(m);
    }
    return out;
  }

  /** Whether the quoted words end with a full stop, a question or an exclamation mark inside the closing mark. */
  private static boolean endsWithTerminal(String text, int open, int afterClose) {
    int k = afterClose - 1;
    while (k > open && (STRAY_MARKS.indexOf(text.charAt(k)) >= 0 || "”’»」』".indexOf(text.charAt(k)) >= 0)) k--;
    return k > open && ".!?。！？".indexOf(text.charAt(k)) >= 0;
  }

  /** Whether the quotation is followed by its reporting clause: {@code ,"} {@code ",} {@code » —} {@code " dedi}. */
  private static boolean opensReportingClause(String text, int open, int afterClose) {
    int inside = afterClose - 2;
    // (the second mark of a closing '' too)
    while (inside > open && (Character.isWhitespace(text.charAt(inside)) || text.charAt(inside) == '\'')) inside--;
    if (inside > open && ",，".indexOf(text.charAt(inside)) >= 0) return true;
    int k = afterClose;
    while (k < text.length() && text.charAt(k) == ' ') k++;
    return k < text.length() && ",—–-，".indexOf(text.charAt(k)) >= 0;
  }

  /** Where the clause after a quotation ends: the end of its sentence, a line, or {@link #WINDOW} characters. */
  private static int clauseEnd(String text, int from) {
    int e = from;
    while (e < text.length() && e - from < WINDOW && !endsSentence(text, e)) e++;
    return e;
  }

  /** Where the sentence holding {@code at} starts, at most {@link #WINDOW} characters back. */
  private static int clauseStart(String text, int at) {
    return sentenceStart(text, at, WINDOW);
  }

  /** Where the sentence holding {@code at} starts, at most {@link #MAX_SENTENCE} characters back. */
  private static int sentenceStart(String text, int at) {
    return sentenceStart(text, at, MAX_SENTENCE);
  }

  private static int sentenceStart(String text, int at, int limit) {
    int s = at;
    while (s > 0 && at - s < limit && !endsSentence(text, s - 1)) s--;
    return s;
  }

  /** A line break or terminal punctuation, but not the dot of an abbreviation ({@code M.}, {@code Dr.}, {@code U.S.}). */
  private static boolean endsSentence(String text, int i) {
    char c = text.charAt(i);
    if ("\n!?。".indexOf(c) >= 0) return true;
    if (c != '.') return false;
    int w = i;
    while (w > 0 && Character.isLetter(text.charAt(w - 1))) w--;
    return !(i - w >= 1 && i - w <= 3 && Character.isUpperCase(text.charAt(w)));
  }

  /** Whether the word just before {@code verbAt} is a personal pronoun ({@code he said}, {@code er sagte}). */
  private static boolean pronounBefore(String text, int from, int verbAt) {
    int e = verbAt;
    while (e > from && text.charAt(e - 1) == ' ') e--;
    int s = e;
    while (s > from && Character.isLetter(text.charAt(s - 1))) s--;
    return s < e && PRONOUN.matcher(text).region(s, e).matches();
  }

  /**
   * The first person named in {@code [from, to)}, the subject of a sentence in most word orders (a
   * mention typed as a person first); else the first place or organization ({@code Moscow condemned…}).
   */
  private static @Nullable Speaker firstPerson(List<Mention> mentions, int from, int to) {
    Mention personLike = null;
    Mention other = null;
    for (int k = firstStartingAtOrAfter(mentions, from); k < mentions.size() && mentions.get(k).end() <= to; k++) {
      Mention m = mentions.get(k);
      if (m.type().equals(NameFinder.PERSON)) return new Speaker(m.text(), m.entity());
      if (personLike == null && isPersonLike(m)) personLike = m;
      if (other == null) other = m;
    }
    Mention best = personLike != null ? personLike : other;
    return best == null ? null : new Speaker(best.text(), best.entity());
  }

  private static final Pattern DETERMINER = Pattern.compile("\\b(?:the|a|an|his|her|its|their|one|two|three|several|some)\\b",
      Pattern.CASE_INSENSITIVE);

  /**
   * Whether the reporting clause after a quotation (set off by a comma) gives its speaker as a
   * description, not a name:
   * words between the quotation and the verb ({@code ,'' officials said}), or a determiner right after
   * it ({@code ,'' said the statement}). A verb alone after the quotation ({@code " dedi}) leaves the
   * speaker to the words before it.
   */
  private static boolean unnamedReporter(String text, int afterClose, int verbStart, int verbEnd, int clauseEnd) {
    String before = text.substring(afterClose, verbStart).replaceAll("[\\p{P}\\s]+", " ").strip();
    if (!before.isEmpty()) return true;
    String after = text.substring(verbEnd, clauseEnd).stripLeading();
    return DETERMINER.matcher(after).lookingAt();
  }

  /** Role nouns that stand before a person's name as a title, or after it in apposition ({@code Prime Minister Rafik Hariri}). */
  private static final Set<String> ROLES = Set.of("president", "minister", "premier", "chancellor", "king", "queen", "pope",
      "spokesman", "spokeswoman", "spokesperson", "secretary", "governor", "mayor", "senator", "commissioner", "chairman",
      "chairwoman", "ambassador", "envoy", "general", "prosecutor", "judge", "leader", "speaker", "chief", "director");
  private static final Pattern ROLE_PHRASE_END = Pattern.compile(
      "[,.;:(]|\\s(?:who|in|at|on|after|to|from|with|during|that|when|before|of)\\s");

  /**
   * The words describing the speaker in a reporting clause: before the verb ({@code the Lebanese prime
   * minister said}) or after it ({@code said the ambassador}).
   */
  private static String rolePhrase(String text, int afterClose, int verbStart, int verbEnd, int clauseEnd) {
    String before = text.substring(afterClose, verbStart).replaceAll("^[\\p{P}\\s]+", "").strip();
    if (!before.isEmpty()) return before;
    String after = text.substring(verbEnd, clauseEnd);
    Matcher end = ROLE_PHRASE_END.matcher(after);
    return (end.find() ? after.substring(0, end.start()) : after).strip();
  }

  /**
   * The person last named before {@code open} with the role a describing phrase ends with ({@code the
   * Lebanese prime minister}): as a title before the name ({@code Lebanese Prime Minister Rafik Hariri}) or in
   * apposition after it ({@code Rafik Hariri, the Lebanese prime minister,}), with every other word of
   * the phrase (Lebanese, prime) beside it too; null when the phrase ends with no role or nobody has it.
   */
  private static @Nullable Speaker byRole(String text, List<Mention> mentions, int open, String phrase) {
    String[] words = phrase.split("\\s+");
    String role = words[words.length - 1].toLowerCase(java.util.Locale.ROOT);
    if (!ROLES.contains(role) || !DETERMINER.matcher(phrase).lookingAt()) return null;
    Pattern asTitle = Pattern.compile("(?i)\\b" + role + "\\s+$");
    Pattern inApposition = Pattern.compile("^,\\s+(?:the|a|an)\\s+[^,.;]*?\\b" + role + "\\b", Pattern.CASE_INSENSITIVE);
    for (int k = firstStartingAtOrAfter(mentions, open) - 1; k >= 0; k--) {
      Mention m = mentions.get(k);
      if (!m.type().equals(NameFinder.PERSON) || m.end() > open) continue;
      String titleBefore = text.substring(Math.max(0, m.start() - 60), m.start());
      String apposition = text.substring(m.end(), Math.min(open, m.end() + 80));
      boolean titled = asTitle.matcher(titleBefore).find();
      Matcher app = inApposition.matcher(apposition);
      boolean apposed = app.find();
      if (!titled && !apposed) continue;
      // every word of the phrase there too: the opposition leader is not "Cambodian leader Hun Sen"
      String beside = titled ? titleRun(titleBefore) : apposition.substring(0, app.end());
      Set<String> context = new java.util.HashSet<>(
          java.util.Arrays.asList(beside.toLowerCase(java.util.Locale.ROOT).split("[^\\p{L}\\p{M}'-]+")));
      boolean sameQualifiers = true;
      for (String w : words) {
        if (!DETERMINER.matcher(w).matches() && !context.contains(w.toLowerCase(java.util.Locale.ROOT))) sameQualifiers = false;
      }
      if (sameQualifiers) return new Speaker(m.text(), m.entity());
    }
    return null;
  }

  /** The capitalized words that end {@code before}, right before a name: its title ({@code Lebanese Foreign Minister}). */
  private static String titleRun(String before) {
    int start = before.length();
    int k = before.length();
    while (k > 0) {
      while (k > 0 && before.charAt(k - 1) == ' ') k--;
      int w = k;
      while (w > 0 && (Character.isLetter(before.charAt(w - 1)) || before.charAt(w - 1) == '-')) w--;
      if (w == k || !Character.isUpperCase(before.charAt(w)) || w > 0 && before.charAt(w - 1) != ' ') break;
      start = w;
      k = w;
    }
    return before.substring(start);
  }

  /**
   * Whether the mention of {@code who} in {@code [from, to)} qualifies the lower-case noun right after
   * it ({@code a senior White House official}, {@code a House Democratic aide}) rather than standing as
   * a name of its own, in a phrase a determiner opens.
   */
  private static boolean qualifiesNoun(String text, List<Mention> mentions, Speaker who, int from, int to) {
    for (int k = firstStartingAtOrAfter(mentions, from); k < mentions.size() && mentions.get(k).end() <= to; k++) {
      Mention m = mentions.get(k);
      if (!m.entity().equals(who.entity())) continue;
      int w = m.end();
      while (w < to && text.charAt(w) == ' ') w++;
      if (!(w > m.end() && w < to && Character.isLowerCase(text.charAt(w))) || SPEECH.matcher(text).region(w, to).lookingAt()) return false;
      // and a determiner opens the phrase (not ,'' Clinton later said)
      Matcher det = DETERMINER.matcher(text).region(from, m.start());
      return det.find();
    }
    return false;
  }

  /**
   * The name that opens the clause {@code [from, to)} (after at most an article), when it stands alone
   * rather than qualifying the next name ({@code Kremlin spokesperson Dmitry Peskov}): the clause's
   * subject, whatever its kind.
   */
  private static @Nullable Speaker clauseSubject(String text, List<Mention> mentions, int from, int to) {
    int k = firstStartingAtOrAfter(mentions, from);
    if (k >= mentions.size() || mentions.get(k).end() > to) return null;
    Mention m = mentions.get(k);
    String lead = text.substring(from, m.start()).strip();
    if (!lead.isEmpty() && !lead.equalsIgnoreCase("the")) return null;
    if (k + 1 < mentions.size() && mentions.get(k + 1).end() <= to) {
      Mention next = mentions.get(k + 1);
      // a name overlapping the next (Japanese names can nest) or two words or fewer before it qualifies it
      if (next.start() < m.end() || wordsIn(text.substring(m.end(), next.start())) <= 2) return null;
    }
    return new Speaker(m.text(), m.entity());
  }

  private static int wordsIn(String s) {
    String t = s.strip();
    return t.isEmpty() ? 0 : t.split("\\s+").length;
  }

  /** The person a pronoun or a role refers to: the first person named in the last sentence naming one. */
  private static @Nullable Speaker lastSubjectBefore(List<Mention> mentions, int before) {
    int k = firstStartingAtOrAfter(mentions, before) - 1;
    Mention subject = null;
    for (int seen = 0; k >= 0 && seen < 50; k--, seen++) {
      Mention m = mentions.get(k);
      if (subject != null && m.sentence() != subject.sentence()) break;
      if (m.end() <= before && isPersonLike(m)) subject = m;
    }
    return subject == null ? null : new Speaker(subject.text(), subject.entity());
  }

  /**
   * The person mention inside {@code [from, to)} closest to {@code anchor}; of two names side by side,
   * the second, which the first qualifies ({@code пресс-секретарь Владимира Путина Дмитрий Песков}).
   */
  private static @Nullable Speaker nearestPerson(String text, List<Mention> mentions, int from, int to, int anchor) {
    int best = -1;
    int bestDistance = Integer.MAX_VALUE;
    // a name known to be a person's speaks before a multiword name of unknown kind, which is as often
    // an organisation ("el director general de Altamira, Héctor Villarreal")
    boolean person = false;
    for (int k = firstStartingAtOrAfter(mentions, from); k < mentions.size() && mentions.get(k).start() < to; k++) {
      if (mentions.get(k).end() <= to && mentions.get(k).type().equals(NameFinder.PERSON)) person = true;
    }
    int k = firstStartingAtOrAfter(mentions, from);
    for (; k < mentions.size() && mentions.get(k).start() < to; k++) {
      Mention m = mentions.get(k);
      if (m.end() > to || !isPersonLike(m) || person && !m.type().equals(NameFinder.PERSON) || possessive(text, m)) continue;
      int d = m.end() <= anchor ? anchor - m.end() : m.start() - anchor;
      if (d < bestDistance) {
        best = k;
        bestDistance = d;
      }
    }
    if (best < 0) return null;
    Mention m = mentions.get(best);
    if (best + 1 < mentions.size()) {
      Mention next = mentions.get(best + 1);
      if (next.end() <= to && isPersonLike(next) && m.sentence() == next.sentence() && next.start() - m.end() <= 1) m = next;
    }
    return new Speaker(m.text(), m.entity());
  }

  /** Whether the name is written as a possessive ({@code after Livingston's resignation}): it qualifies what follows. */
  private static boolean possessive(String text, Mention m) {
    int e = m.end();
    return e + 1 < text.length() && (text.charAt(e) == '\'' || text.charAt(e) == '’') && text.charAt(e + 1) == 's'
        && (e + 2 == text.length() || !Character.isLetter(text.charAt(e + 2)));
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
