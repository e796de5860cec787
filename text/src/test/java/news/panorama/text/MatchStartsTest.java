package news.panorama.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class MatchStartsTest {
  private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.UNICODE_CHARACTER_CLASS;
  private static final List<String> WORDS = List.of("nov", "november", "mid-", "in ", "ноябр", "листопад", "salı",
      "i̇stanbul", "ß", "前天", "y");

  private static List<String> scanned(Pattern p, String text, MatchStarts starts) {
    List<String> out = new ArrayList<>();
    MatchStarts.forEachMatch(p, text, starts, m -> out.add(m.start() + ":" + m.group()));
    return out;
  }

  private static List<String> found(Pattern p, String text) {
    List<String> out = new ArrayList<>();
    Matcher m = p.matcher(text);
    while (m.find()) out.add(m.start() + ":" + m.group());
    return out;
  }

  @Test
  void findsWhatFindFinds_forCaseInsensitiveWordsAndDigits() {
    Pattern p = Pattern.compile("(?<![\\p{L}\\d])(?:" + String.join("|", WORDS.stream().map(Pattern::quote).toList())
        + ")\\p{L}{0,2}(?:\\s+\\d+)?|\\d+\\s?%", FLAGS);
    MatchStarts starts = MatchStarts.caseInsensitive(WORDS).or(MatchStarts.DIGIT);
    String[] pieces = {"Nov", "NOVEMBER", "november", "Mid-", "IN ", "in", "Ноября", "ЛИСТОПАДА", "SALI", "Salı", "İstanbul",
        "ISTANBUL", "SS", "ẞ", "前天", "Y", " ", " ", "\n", "x", "é", "12", "٣", "%", ".", "-", "\uD835\uDFCE"};
    long seed = new Random().nextLong();
    Random random = new Random(seed);
    for (int round = 0; round < 2000; round++) {
      StringBuilder b = new StringBuilder();
      for (int k = random.nextInt(30); k > 0; k--) b.append(pieces[random.nextInt(pieces.length)]);
      String text = b.toString();
      assertThat(scanned(p, text, starts)).as("seed %d, text %s", seed, text).isEqualTo(found(p, text));
    }
  }

  @Test
  void triesThePatternEverywhere_whenAWordCannotBeChecked() {
    assertThat(MatchStarts.caseInsensitive(List.of("may", ""))).isSameAs(MatchStarts.ANYWHERE);
  }
}
