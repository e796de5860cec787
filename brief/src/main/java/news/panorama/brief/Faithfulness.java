package news.panorama.brief;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import news.panorama.core.Bullet;
import news.panorama.core.Citation;

/**
 * Checks that a bullet says nothing its citations do not: every number and every capitalised word
 * (a name, a place, a month — the first word of the bullet aside) must occur in the text of the
 * sentences it cites. Scripts without capitals are checked on their numbers. A bullet that fails is
 * not shown; extractive bullets pass by construction, rewritten ones (a summarizing backend) must.
 * Public so that the optional rewriting ({@code news.panorama.llm}) applies the same check.
 */
public final class Faithfulness {
  private static final Pattern NUMBER = Pattern.compile("\\p{Nd}+(?:[.,]\\p{Nd}+)*");
  private static final Pattern CAPITALISED = Pattern.compile("\\b\\p{Lu}[\\p{L}\\p{M}'’-]*");

  private Faithfulness() {}

  /** The numbers and names of the bullet that none of its cited sentences contains; empty when faithful. */
  public static List<String> unsupported(Bullet bullet) {
    StringBuilder cited = new StringBuilder();
    for (Citation c : bullet.citations()) cited.append(c.quote()).append('\n');
    String source = cited.toString();
    List<String> missing = new ArrayList<>();
    Matcher n = NUMBER.matcher(bullet.text());
    while (n.find()) {
      if (!source.contains(n.group())) missing.add(n.group());
    }
    Matcher w = CAPITALISED.matcher(bullet.text());
    while (w.find()) {
      if (w.start() == firstLetter(bullet.text())) continue;
      if (!source.contains(w.group())) missing.add(w.group());
    }
    return missing;
  }

  public static boolean faithful(Bullet bullet) {
    return unsupported(bullet).isEmpty();
  }

  private static int firstLetter(String s) {
    for (int i = 0; i < s.length(); i++) if (Character.isLetter(s.charAt(i))) return i;
    return -1;
  }
}
