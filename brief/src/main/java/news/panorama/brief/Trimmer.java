package news.panorama.brief;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.IntPredicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import news.panorama.text.Datelines;

/**
 * Shortens an overview sentence by deleting words that state no fact of the story, so the word
 * budget goes to facts: a wire dateline ({@code NAIROBI, Kenya (AP) _}) and, in English, a bare
 * weekday that was past when the article appeared ({@code on Friday}, {@code said Tuesday}): in a
 * briefing drawn from several days' reports it no longer says which day it was (the timeline
 * section gives the dates), while an upcoming weekday says when something will happen and stays.
 * Deletion rules of this kind are the sentence compression of DUC-era extractive summarizers
 * (CLASSY, Trimmer).
 *
 * <p>It only deletes: the words shown are words of the cited sentence, in order, so the citation
 * still points at the sentence the bullet came from and the {@link Faithfulness} check holds.
 * Attributions ({@code , officials said}) are kept: without them a claim would read as a fact.
 * Stateless and thread-safe.
 */
final class Trimmer {
  /** The shortened text and the words it lost (whose terms leave the sentence's). */
  record Trimmed(String text, List<String> removed) {}

  private static final String WEEKDAYS = "Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday";
  private static final String WEEKDAY = "(?:" + WEEKDAYS + ")";

  /**
   * An English weekday with its "on" and part of the day, after a word and before a word or a
   * comma/period: "Hun Sen on Friday rejected", "said Tuesday that", "was arrested Friday.". Not when
   * the day is the object of another word or modifies a noun, where deleting it breaks the sentence
   * or its meaning: "a Friday deadline", "until Friday", "possibly on Monday", "spent Friday",
   * "Friday's vote", "Monday and Tuesday", "Tuesday, Nov. 3", and not opening the sentence.
   */
  private static final Pattern EN_WEEKDAY = Pattern.compile(
      "(?<![\\p{L}'’])(?<!\\b(?i:a|an|the|this|that|next|last|every|each|by|until|till|since|before|after"
          + "|from|through|on|and|or|to|of|for|in|at|as|during|late|early|past|coming|starting|beginning|even|then"
          + "|possibly|probably|perhaps|likely|maybe|only|just|again|spent|spend|spends|spending|" + WEEKDAYS + ")\\s)"
          + "(?<=\\S\\s)(?:on\\s+)?(?<day>" + WEEKDAYS + ")" + "(?:\\s+(?:morning|afternoon|evening|night))?"
          + "(?![\\p{L}'’-]|\\s+(?:morning|afternoon|evening|night)\\b|\\s+(?:and|or|through|to)\\s+" + WEEKDAY + ")"
          + "(?=\\s+[\\p{L}\\p{N}`\"“]|[.,;:](?!\\s*(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)))");

  private Trimmer() {}

  /**
   * The sentence with its dateline and (English) past weekdays deleted; {@code pastDay} tells
   * whether the weekday at an offset of the stripped sentence names a day not after the article's.
   */
  static Trimmed trim(String sentence, String language, IntPredicate pastDay) {
    String text = sentence.strip();
    List<int[]> cuts = new ArrayList<>();
    int dateline = Datelines.end(text);
    if (dateline > 0 && NoiseFilter.words(text.substring(dateline)) >= NoiseFilter.MIN_WORDS) cuts.add(new int[] {0, dateline});
    if (language.equals("en") && text.contains("day")) {
      Matcher m = EN_WEEKDAY.matcher(text);
      while (m.find()) {
        if (pastDay.test(m.start("day"))) cuts.add(new int[] {m.start(), m.end()});
      }
    }
    if (cuts.isEmpty()) return new Trimmed(text, List.of());
    cuts.sort((a, b) -> Integer.compare(a[0], b[0]));
    StringBuilder out = new StringBuilder();
    List<String> removed = new ArrayList<>();
    int at = 0;
    for (int[] cut : cuts) {
      if (cut[0] < at) continue; // overlaps an earlier cut
      int from = cut[0];
      while (from > at && Character.isWhitespace(text.charAt(from - 1))) from--; // the space before goes too
      out.append(text, at, from);
      removed.addAll(tokens(text.substring(cut[0], cut[1])));
      at = cut[1];
    }
    out.append(text, at, text.length());
    // a comma left doubled or before the final stop, and any double space
    String trimmed = out.toString().replaceAll(",(\\s*,)+", ",").replaceAll(",(\\s*[.;:])", "$1")
        .replaceAll("\\s{2,}", " ").strip();
    return new Trimmed(trimmed, removed);
  }

  /** The lower-case letter-or-digit runs of a deleted piece, as the text stage would fold them. */
  static List<String> tokens(String s) {
    List<String> out = new ArrayList<>();
    for (String t : s.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}\\p{M}]+")) {
      if (!t.isEmpty()) out.add(t);
    }
    return out;
  }

  /**
   * The sentence's terms without those of the deleted words: a term leaves with a deleted word it
   * equals or is the light stem of (plural -s, -ies to -y), once per deleted word. Stop words were
   * never terms, so deleted ones match nothing.
   */
  static List<String> remaining(List<String> terms, List<String> removed) {
    if (removed.isEmpty()) return terms;
    List<String> out = new ArrayList<>(terms);
    for (String w : removed) {
      for (int i = 0; i < out.size(); i++) {
        String t = out.get(i);
        if (t.equals(w) || w.startsWith(t) && w.length() - t.length() <= 2
            || w.endsWith("ies") && t.endsWith("y") && w.startsWith(t.substring(0, t.length() - 1))) {
          out.remove(i);
          break;
        }
      }
    }
    return out;
  }
}
