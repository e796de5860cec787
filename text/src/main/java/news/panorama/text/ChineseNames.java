package news.panorama.text;

import com.hankcs.hanlp.HanLP;
import com.hankcs.hanlp.seg.Segment;
import com.hankcs.hanlp.seg.common.Term;
import java.util.ArrayList;
import java.util.List;

/**
 * Names in Chinese, which has no capitals to mark them and no spaces between words: HanLP's segmenter,
 * with its dictionaries and its role tagging of person, place and organisation names, tags them
 * ({@code nr} 习近平, {@code nrf} 马克龙 a transliterated foreign name, {@code ns} 北京, {@code nt}
 * 外交部, 清华大学). A name of one character is left out (its role is a guess). Stateless; the
 * segmenter is one per thread.
 */
final class ChineseNames {
  private static final ThreadLocal<Segment> SEGMENT = ThreadLocal.withInitial(
      () -> HanLP.newSegment().enablePlaceRecognize(true).enableOrganizationRecognize(true).enableOffset(true));

  private ChineseNames() {}

  /** The names in {@code text[from, to)}, in order. */
  static List<NameSpan> find(String text, int from, int to) {
    List<NameSpan> out = new ArrayList<>();
    for (Term t : SEGMENT.get().seg(text.substring(from, to))) {
      String kind = kindOf(t.nature.toString());
      if (kind == null || t.word.codePointCount(0, t.word.length()) < 2) continue;
      int start = from + t.offset;
      out.add(new NameSpan(start, start + t.word.length(), kind, Folding.fold(t.word), ""));
    }
    return out;
  }

  private static String kindOf(String nature) {
    if (nature.startsWith("nr")) return NameFinder.PERSON;
    if (nature.startsWith("ns")) return NameFinder.PLACE;
    if (nature.startsWith("nt")) return NameFinder.ORG;
    return null;
  }
}
