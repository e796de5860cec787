package news.panorama.text;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A wire dateline opening a text ({@code NAIROBI, Kenya (AP) _ }, {@code BRUSSELS, Belgium (AP) - }):
 * where the report was filed, not part of its first sentence.
 */
public final class Datelines {
  private Datelines() {}

  /**
   * {@code CITY, Region (Agency) _ }: an upper-case place, optionally its region and the agency,
   * then a dash; a bare {@code WORD - } counts only with an underscore, double or long dash.
   */
  private static final Pattern DATELINE = Pattern.compile(
      "^\\p{Lu}{2,}[\\p{Lu}\\p{M} .'’-]{0,40}?(?<region>,\\s*\\p{Lu}[\\p{L}\\p{M}. ]{1,30})?"
          + "\\s*(?<agency>\\([\\p{L}\\p{M} -]{1,25}\\))?\\s*(?<dash>_|--|-|—|–)\\s+(?=[\\p{L}\\p{N}\"“`'])");

  /** Where the dateline that opens {@code text} ends (the first character after its dash), or 0 when none does. */
  public static int end(String text) {
    if (text.length() < 2 || !Character.isUpperCase(text.charAt(0)) || !Character.isUpperCase(text.charAt(1))) return 0;
    Matcher d = DATELINE.matcher(text);
    if (!d.find()) return 0;
    return d.group("region") != null || d.group("agency") != null || !d.group("dash").equals("-") ? d.end() : 0;
  }
}
