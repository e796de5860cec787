package news.panorama.text;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.ja.JapaneseTokenizer;
import org.apache.lucene.analysis.ja.tokenattributes.PartOfSpeechAttribute;
import org.apache.lucene.analysis.ja.tokenattributes.ReadingAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;

/**
 * Names in Japanese, which has no capitals to mark them and no spaces between words: Lucene's Kuromoji
 * morphological analyzer, with its IPADIC dictionary, tags proper nouns ({@code 名詞-固有名詞}) as
 * person, place or organisation names ({@code 小泉 純一郎}, {@code 宮城}, {@code 千葉ロッテ}). A run of
 * proper nouns is one name, of the kind of its last word ({@code タイ 国防省}, an office); a place takes
 * its administrative suffix ({@code 宮城県}); katakana words in a row are one foreign word the
 * dictionary did not know and cut in pieces, a name when a piece is a proper noun ({@code アリ カンテ})
 * or a {@code ・} joins them ({@code レフ・カチンスキ}); two countries in a row are two
 * ({@code 日米}), and a country written with one character ({@code 米}) is that country. A katakana
 * word of four characters or more that the dictionary does not have is a foreign name
 * ({@code イズミル}, {@code メルケル}).
 * A person's surname alone names the person the article named in full before ({@code 小泉}). Words
 * in Latin letters alone are left to the capitalised-name scan (the dictionary takes every unknown one
 * for an organisation: {@code com}, {@code km}, {@code October}). One instance per article.
 */
final class JapaneseNames {
  private static final String PROPER = "名詞-固有名詞";
  private static final String PLACE_SUFFIX = "名詞-接尾-地域";
  private static final String COUNTRY = "名詞-固有名詞-地域-国";
  /**
   * The one-character names of countries in headlines and compounds (日米 is Japan and the United
   * States, 露外相 Russia's foreign minister), taken only where the dictionary reads the character as a
   * country.
   */
  private static final Map<String, String> COUNTRY_CHARACTERS = Map.ofEntries(Map.entry("日", "JP"),
      Map.entry("米", "US"), Map.entry("英", "GB"), Map.entry("仏", "FR"), Map.entry("独", "DE"), Map.entry("露", "RU"),
      Map.entry("中", "CN"), Map.entry("韓", "KR"), Map.entry("朝", "KP"), Map.entry("伊", "IT"), Map.entry("豪", "AU"),
      Map.entry("加", "CA"), Map.entry("印", "IN"), Map.entry("比", "PH"), Map.entry("台", "TW"), Map.entry("蘭", "NL"),
      Map.entry("西", "ES"), Map.entry("墨", "MX"), Map.entry("伯", "BR"), Map.entry("泰", "TH"), Map.entry("越", "VN"),
      Map.entry("葡", "PT"), Map.entry("希", "GR"), Map.entry("土", "TR"), Map.entry("埃", "EG"));
  /**
   * Countries Japanese news names by a short form CLDR does not list (it has アメリカ合衆国 and
   * イギリス): 米国, 英国.
   */
  private static final Map<String, String> SHORT_COUNTRY_NAMES = Map.of("米国", "US", "英国", "GB");
  /** The tokenizer holds a reader and its state: one per thread, the dictionary shared. */
  private static final ThreadLocal<JapaneseTokenizer> TOKENIZER =
      ThreadLocal.withInitial(() -> new JapaneseTokenizer(null, true, JapaneseTokenizer.Mode.NORMAL));

  private final Map<String, String> fullNamesBySurname = new HashMap<>();

  /** A word of the text, its part of speech as the dictionary gives it, and whether the dictionary has it. */
  private record Word(int start, int end, String pos, boolean known) {}
  /** The fewest characters of a katakana word the dictionary does not have that make it a name. */
  private static final int UNKNOWN_NAME_MIN_LENGTH = 4;

  /** The names in {@code text[from, to)}, in order. */
  List<NameSpan> find(String text, int from, int to) {
    List<Word> words = words(text, from, to);
    List<NameSpan> out = new ArrayList<>();
    int i = 0;
    while (i < words.size()) {
      int j = i;
      String kind = null;
      boolean surname = false;
      while (j < words.size() && (j == i || words.get(j).start() == words.get(j - 1).end()
              && !(words.get(j).pos().equals(COUNTRY) && words.get(j - 1).pos().equals(COUNTRY)))
          && words.get(j).pos().startsWith(PROPER)) {
        kind = kindOf(words.get(j).pos()); // the last word is the head: タイ国防省 is an office
        surname |= words.get(j).pos().endsWith("人名-姓") && j == i;
        j++;
      }
      int katakanaEnd = katakanaRunEnd(text, words, i);
      if (katakanaEnd > i + 1) {
        // katakana words in a row are one foreign word the dictionary cut into pieces (アリ カンテ):
        // a name when a piece is a proper noun or a ・ joins them (レフ・カチンスキ), else a loanword
        if (!isName(text, words, i, katakanaEnd)) {
          i = katakanaEnd;
          continue;
        }
        if (katakanaEnd >= j) {
          j = katakanaEnd;
          kind = NameFinder.NAME;
        }
      } else if (j == i && katakanaEnd == i + 1 && !words.get(i).known()
          && words.get(i).end() - words.get(i).start() >= UNKNOWN_NAME_MIN_LENGTH) {
        // a foreign name the dictionary does not have, written alone: イズミル, メルケル
        j = i + 1;
        kind = NameFinder.NAME;
      }
      if (j == i) {
        i++;
        continue;
      }
      if (allLatin(text, words, i, j)) {
        // the dictionary reads any word in Latin letters as an organisation (com of asahi.com, km, UTC,
        // October): Latin names are the capitalised-name scan's; a run with a Japanese word in it stays
        i = j;
        continue;
      }
      if (NameFinder.PLACE.equals(kind) && j < words.size() && words.get(j).start() == words.get(j - 1).end()
          && words.get(j).pos().equals(PLACE_SUFFIX)) {
        j++;
      }
      int start = words.get(i).start();
      int end = words.get(j - 1).end();
      String name = text.substring(start, end);
      String code = j - i == 1 && words.get(i).pos().equals(COUNTRY) ? COUNTRY_CHARACTERS.get(name) : null;
      if (code == null && j - i == 1) code = SHORT_COUNTRY_NAMES.get(name);
      if (code != null) {
        out.add(new NameSpan(start, end, NameFinder.PLACE, Gazetteer.get().term(code), code));
      } else if (name.codePointCount(0, name.length()) >= 2) {
        String key = Folding.fold(name);
        String full = j - i == 1 ? fullNamesBySurname.get(key) : null;
        if (full != null) {
          key = full; // the dictionary may read a surname alone as a place too (小泉)
          kind = NameFinder.PERSON;
        } else if (kind.equals(NameFinder.PERSON) && surname && j - i >= 2) {
          fullNamesBySurname.putIfAbsent(Folding.fold(text.substring(start, words.get(i).end())), key);
        }
        out.add(new NameSpan(start, end, kind, key, ""));
      }
      i = j;
    }
    return out;
  }

  /** The end (exclusive, in words) of the katakana words from {@code i} on, one after another or joined by a ・. */
  private static int katakanaRunEnd(String text, List<Word> words, int i) {
    int j = i;
    while (j < words.size() && isKatakana(text, words.get(j))
        && (j == i || words.get(j).start() == words.get(j - 1).end() || isDotBefore(text, words, j))) {
      j++;
    }
    return j;
  }

  private static boolean isName(String text, List<Word> words, int from, int to) {
    for (int k = from; k < to; k++) {
      if (words.get(k).pos().startsWith(PROPER) || k > from && isDotBefore(text, words, k)) return true;
    }
    return false;
  }

  /** Whether words {@code [from, to)} are written in Latin letters, digits and punctuation only. */
  private static boolean allLatin(String text, List<Word> words, int from, int to) {
    for (int k = words.get(from).start(); k < words.get(to - 1).end(); k++) {
      char c = text.charAt(k);
      if (Character.isLetter(c) && Character.UnicodeScript.of(c) != Character.UnicodeScript.LATIN) return false;
    }
    return true;
  }

  /** Whether word {@code j} follows the word before it after a ・ alone. */
  private static boolean isDotBefore(String text, List<Word> words, int j) {
    int end = words.get(j - 1).end();
    return words.get(j).start() == end + 1 && text.charAt(end) == '・';
  }

  private static boolean isKatakana(String text, Word w) {
    for (int k = w.start(); k < w.end(); k++) {
      char c = text.charAt(k);
      if (Character.UnicodeBlock.of(c) != Character.UnicodeBlock.KATAKANA && c != 'ー') return false;
    }
    return w.end() > w.start();
  }

  private static String kindOf(String pos) {
    if (pos.contains("人名")) return NameFinder.PERSON;
    if (pos.contains("地域")) return NameFinder.PLACE;
    if (pos.contains("組織")) return NameFinder.ORG;
    return NameFinder.NAME;
  }

  private static List<Word> words(String text, int from, int to) {
    JapaneseTokenizer tokenizer = TOKENIZER.get();
    OffsetAttribute offset = tokenizer.addAttribute(OffsetAttribute.class);
    PartOfSpeechAttribute pos = tokenizer.addAttribute(PartOfSpeechAttribute.class);
    ReadingAttribute reading = tokenizer.addAttribute(ReadingAttribute.class);
    List<Word> out = new ArrayList<>();
    try {
      tokenizer.setReader(new StringReader(text.substring(from, to)));
      tokenizer.reset();
      while (tokenizer.incrementToken()) {
        String p = pos.getPartOfSpeech();
        out.add(new Word(from + offset.startOffset(), from + offset.endOffset(), p == null ? "" : p,
            reading.getReading() != null));
      }
      tokenizer.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      try {
        tokenizer.close();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return out;
  }
}
