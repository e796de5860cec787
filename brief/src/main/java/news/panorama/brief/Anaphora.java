package news.panorama.brief;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Whether a sentence opens with a personal pronoun ("He said the party…", "It just means…"): read
 * alone, as a timeline entry or an agreement is, it does not say who or what it is about. Personal
 * pronouns only, per language; determiners ("This year…") are not counted. Stateless.
 */
final class Anaphora {
  private static final Map<String, Set<String>> PRONOUNS = Map.of(
      "en", Set.of("he", "she", "it", "they", "his", "her", "its", "their"),
      "fr", Set.of("il", "elle", "ils", "elles"),
      "de", Set.of("er", "sie", "es"),
      "es", Set.of("él", "ella", "ellos", "ellas"),
      "it", Set.of("lui", "lei", "esso", "essa", "essi", "esse"),
      "pt", Set.of("ele", "ela", "eles", "elas"),
      "ru", Set.of("он", "она", "оно", "они"),
      "uk", Set.of("він", "вона", "воно", "вони"),
      "tr", Set.of("o", "onlar"));

  private Anaphora() {}

  static boolean opensWithPronoun(String sentence, String language) {
    Set<String> pronouns = PRONOUNS.get(language);
    if (pronouns == null) return false;
    String s = sentence.strip();
    int i = 0;
    while (i < s.length() && !Character.isLetter(s.charAt(i))) i++;
    int j = i;
    while (j < s.length() && Character.isLetter(s.charAt(j))) j++;
    return j > i && pronouns.contains(s.substring(i, j).toLowerCase(Locale.ROOT));
  }
}
