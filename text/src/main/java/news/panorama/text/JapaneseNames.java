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
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;

/**
 * Names in Japanese, which has no capitals to mark them and no spaces between words: Lucene's Kuromoji
 * morphological analyzer, with its IPADIC dictionary, tags proper nouns ({@code 名詞-固有名詞}) as
 * person, place or organisation names ({@code 小泉 純一郎}, {@code 宮城}, {@code 千葉ロッテ}). A run of
 * proper nouns is one name, of the kind of its last word ({@code タイ 国防省}, an office); a place takes
 * its administrative suffix ({@code 宮城県}); katakana words joined by {@code ・} are a foreign name
 * ({@code レフ・カチンスキ}), which the dictionary does not know.
 * A person's surname alone names the person the article named in full before ({@code 小泉}). One
 * instance per article.
 */
final class JapaneseNames {
  /** A name over characters {@code [start, end)} of the text, of a {@link NameFinder} kind. */
  record Found(int start, int end, String kind, String key) {}

  private static final String PROPER = "名詞-固有名詞";
  private static final String PLACE_SUFFIX = "名詞-接尾-地域";
  /** The tokenizer holds a reader and its state: one per thread, the dictionary shared. */
  private static final ThreadLocal<JapaneseTokenizer> TOKENIZER =
      ThreadLocal.withInitial(() -> new JapaneseTokenizer(null, true, JapaneseTokenizer.Mode.NORMAL));

  private final Map<String, String> fullNamesBySurname = new HashMap<>();

  /** A word of the text, its part of speech as the dictionary gives it. */
  private record Word(int start, int end, String pos) {}

  /** The names in {@code text[from, to)}, in order. */
  List<Found> find(String text, int from, int to) {
    List<Word> words = words(text, from, to);
    List<Found> out = new ArrayList<>();
    int i = 0;
    while (i < words.size()) {
      int j = i;
      String kind = null;
      boolean surname = false;
      while (j < words.size() && (j == i || words.get(j).start() == words.get(j - 1).end())
          && words.get(j).pos().startsWith(PROPER)) {
        kind = kindOf(words.get(j).pos()); // the last word is the head: タイ国防省 is an office
        surname |= words.get(j).pos().endsWith("人名-姓") && j == i;
        j++;
      }
      int foreignEnd = foreignNameEnd(text, words, i);
      if (foreignEnd > j) {
        j = foreignEnd;
        kind = NameFinder.NAME;
      }
      if (j == i) {
        i++;
        continue;
      }
      if (NameFinder.PLACE.equals(kind) && j < words.size() && words.get(j).start() == words.get(j - 1).end()
          && words.get(j).pos().equals(PLACE_SUFFIX)) {
        j++;
      }
      int start = words.get(i).start();
      int end = words.get(j - 1).end();
      String name = text.substring(start, end);
      if (name.codePointCount(0, name.length()) >= 2) {
        String key = Folding.fold(name);
        String full = j - i == 1 ? fullNamesBySurname.get(key) : null;
        if (full != null) {
          key = full; // the dictionary may read a surname alone as a place too (小泉)
          kind = NameFinder.PERSON;
        } else if (kind.equals(NameFinder.PERSON) && surname && j - i >= 2) {
          fullNamesBySurname.putIfAbsent(Folding.fold(text.substring(start, words.get(i).end())), key);
        }
        out.add(new Found(start, end, kind, key));
      }
      i = j;
    }
    return out;
  }

  /**
   * The end (exclusive, in words) of a foreign name starting at word {@code i}: katakana words, one
   * after another or joined by a {@code ・}, with at least one {@code ・} (the dictionary cuts a name it
   * does not know into pieces: カチン スキ); else {@code i}.
   */
  private static int foreignNameEnd(String text, List<Word> words, int i) {
    if (!isKatakana(text, words.get(i))) return i;
    int j = i + 1;
    int dots = 0;
    while (j < words.size() && isKatakana(text, words.get(j))) {
      int gap = words.get(j).start() - words.get(j - 1).end();
      if (gap == 1 && text.charAt(words.get(j - 1).end()) == '・') {
        dots++;
      } else if (gap != 0) {
        break;
      }
      j++;
    }
    return dots > 0 ? j : i;
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
    List<Word> out = new ArrayList<>();
    try {
      tokenizer.setReader(new StringReader(text.substring(from, to)));
      tokenizer.reset();
      while (tokenizer.incrementToken()) {
        String p = pos.getPartOfSpeech();
        out.add(new Word(from + offset.startOffset(), from + offset.endOffset(), p == null ? "" : p));
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
