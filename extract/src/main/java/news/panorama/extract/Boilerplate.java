package news.panorama.extract;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;

/**
 * The rules that tell page furniture from article text, in one place: which class and id names mark
 * menus, share bars, comment blocks and the like; which mark captions; which short lines are calls
 * to action, bylines or notices. Each rule is a small predicate or word list; adding a rule means
 * adding a word or one line to {@link #LINES}. Stateless and thread-safe.
 */
final class Boilerplate {
  private Boilerplate() {}

  /** Class or id tokens that mark furniture when a token starts with one of them. */
  static final List<String> FURNITURE_PREFIXES = List.of(
      "menu", "navbar", "navigation", "cookie", "consent", "gdpr", "banner", "share", "sharing",
      "social", "related", "comment", "newsletter", "subscri", "promo", "advert", "breadcrumb",
      "footer", "sidebar", "popup", "modal", "outbrain", "taboola", "recirc", "recommend",
      "popular", "trending", "signup", "login", "masthead", "toolbar", "byline",
      "disqus", "sponsor", "pagination", "pager", "skiplink", "authorbio", "bio", "tagline", "topics",
      "keywords", "rating", "jump");
  /** Class or id tokens that mark furniture when a token is exactly one of them. */
  static final Set<String> FURNITURE_TOKENS = Set.of("ad", "ads", "adv", "dfp", "nav", "meta",
      "tags", "hidden", "hide", "print", "date", "sr", "header", "tools", "utility", "author",
      "more", "next", "prev", "previous", "subnav", "also", "timestamp", "skip");
  /** A class or id token starting with this marks an embedded post, which is never furniture. */
  static final String EMBED = "embed";
  /** ARIA roles of furniture. */
  static final Set<String> FURNITURE_ROLES = Set.of("navigation", "banner", "contentinfo",
      "complementary", "dialog", "alertdialog", "alert", "search", "menu", "menubar", "toolbar");
  /** Words that mark image captions and credits anywhere in a class or id ("imageEmbedCaption"). */
  static final List<String> CAPTION_PREFIXES = List.of("caption", "figcaption", "credit",
      "photocredit", "imagecredit", "copyright");

  private static final Pattern TOKEN_SPLIT = Pattern.compile("[^a-z0-9]+");
  /** Elements whose class, id or role are never furniture, whatever their names say. */
  private static final Set<String> NEVER = Set.of("html", "body", "main", "article");

  private static final Pattern GALLERY_COUNTER = Pattern.compile(
      "(?iu)(image|photo|picture|slide|foto|bild)\\s+\\d+\\s*(of|/|von|de|di|sur)\\s*\\d+");

  /** Lines dropped from the body: short calls to action and notices that sit inside articles. */
  static final List<Predicate<String>> LINES = List.of(
      new PhraseRule(160, List.of(
          "leave a reply", "leave a comment", "post a comment", "required fields are marked",
          "your email address will not be published", "download on the app store",
          "get it on google play", "sign up for our", "subscribe to our", "all rights reserved",
          "click here to", "related articles", "you may also like", "recommended for you",
          "this site uses cookies", "this website uses cookies", "we use cookies",
          "accept cookies", "accept all cookies", "cookie policy", "cookie settings",
          "sign up for the", "get the latest", "newsletter", "follow us on", "join our",
          "continue reading", "read the full", "story continues below", "read more about",
          "©", "(c) copyright", "please enable javascript", "your browser does not support",
          "requires javascript", "click here for more", "like this story", "share this story",
          "share this article")),
      new OpeningRule(100, List.of("share this", "share on", "follow us", "read more",
          "subscribe now", "sign up now", "advertisement", "related:", "see also:", "also read",
          "more:", "photo:", "image:", "video:", "watch:", "listen:", "read also", "click to",
          "tags:", "filed under", "posted in", "categories:", "image source", "photograph:")),
      new ExactRule(Set.of("advertisement", "advertising", "advert", "sponsored", "anzeige", "werbung",
          "publicidad", "publicité", "pubblicità", "publicidade", "реклама", "read more", "share", "tweet",
          "comments", "print", "email", "facebook", "twitter", "whatsapp", "linkedin", "ad",
          "reddit", "pinterest", "copy link", "close", "menu", "search", "home", "top")),
      // a gallery's counter: "Image 3 of 12"
      line -> line.length() <= 30 && GALLERY_COUNTER.matcher(line).matches());


  private static final Pattern BYLINE = Pattern.compile(
      "(?iu)^(by|von|par|por|door|av|от|автор|di|da)\\s*:?\\s+\\p{Lu}.*"
          + "|^(published|updated|posted|last updated|written by|reporting by)\\b.*");
  private static final Pattern SENTENCE_CLOSE = Pattern.compile("[.!?。！？।؟۔።။][\"'”’»)]*$");
  private static final Pattern SENTENCE_END = Pattern.compile("[.!?。！？।؟۔።။…]");

  /** Whether an element's class, id or role names a menu, banner, share bar, comment block and the like. */
  static boolean isFurnitureName(Element e) {
    if (NEVER.contains(e.normalName())) return false;
    String role = e.attr("role");
    if (!role.isEmpty() && FURNITURE_ROLES.contains(role.toLowerCase(Locale.ROOT).strip())) return true;
    if (e.attr("aria-hidden").equals("true")) return true;
    String names = names(e);
    if (names.isEmpty()) return false;
    String[] tokens = TOKEN_SPLIT.split(names);
    for (String token : tokens) {
      // a post embedded in the article ("social-media-embed") is quoted material, not a share bar
      if (token.startsWith(EMBED)) return false;
    }
    for (String token : tokens) {
      if (token.isEmpty()) continue;
      if (FURNITURE_TOKENS.contains(token)) return true;
      for (String p : FURNITURE_PREFIXES) {
        if (token.startsWith(p)) return true;
      }
    }
    return false;
  }

  /** Whether an element's class or id names an image caption or credit. */
  static boolean isCaptionName(Element e) {
    if (NEVER.contains(e.normalName())) return false;
    String names = names(e);
    if (names.isEmpty()) return false;
    for (String p : CAPTION_PREFIXES) {
      if (names.contains(p)) return true;
    }
    return false;
  }

  /** A form with a text area or an e-mail, password or search field: comment, sign-up, search. */
  static boolean isInteractiveForm(Element form) {
    return form.selectFirst("textarea, input[type=email], input[type=password], input[type=search]") != null
        && form.selectFirst("p, article") == null;
  }

  /** Whether an inline style hides the element. */
  static boolean isHiddenByStyle(Element e) {
    String style = e.attr("style");
    if (style.isEmpty()) return false;
    String s = style.toLowerCase(Locale.ROOT).replace(" ", "");
    return s.contains("display:none") || s.contains("visibility:hidden");
  }

  /** Whether a text line is boilerplate by any line rule. */
  static boolean isBoilerplateLine(String line) {
    for (Predicate<String> rule : LINES) {
      if (rule.test(line)) return true;
    }
    return false;
  }

  /** Whether a short line is a byline or a date line ("By Jane Doe", "Updated 5 March"). */
  static boolean isByline(String line) {
    return line.length() <= 120 && BYLINE.matcher(line).matches();
  }

  /** Whether the text holds sentence-ending punctuation of any script. */
  static boolean hasSentenceEnd(CharSequence text) {
    return SENTENCE_END.matcher(text).find();
  }

  /** Whether the text ends a sentence: sentence punctuation, perhaps followed by a closing quote. */
  static boolean endsSentence(String text) {
    return SENTENCE_CLOSE.matcher(text).find();
  }

  private static String names(Element e) {
    String c = e.attr("class");
    String id = e.attr("id");
    if (c.isEmpty() && id.isEmpty()) return "";
    return (c + " " + id).toLowerCase(Locale.ROOT);
  }

  /** Matches lines of at most {@code maxLength} characters that contain one of the phrases. */
  record PhraseRule(int maxLength, List<String> phrases) implements Predicate<String> {
    @Override
    public boolean test(String line) {
      if (line.length() > maxLength) return false;
      String l = line.toLowerCase(Locale.ROOT);
      for (String p : phrases) {
        if (l.contains(p)) return true;
      }
      return false;
    }
  }

  /** Matches lines of at most {@code maxLength} characters that start with one of the openings. */
  record OpeningRule(int maxLength, List<String> openings) implements Predicate<String> {
    @Override
    public boolean test(String line) {
      if (line.length() > maxLength) return false;
      String l = line.toLowerCase(Locale.ROOT);
      for (String o : openings) {
        if (l.startsWith(o)) return true;
      }
      return false;
    }
  }

  /** Matches lines that are exactly one of the words, ignoring case and trailing punctuation. */
  record ExactRule(Set<String> words) implements Predicate<String> {
    private static final Pattern TRAILING = Pattern.compile("[\\p{Punct}\\s]+$");

    @Override
    public boolean test(String line) {
      if (line.length() > 40) return false;
      String l = TRAILING.matcher(line.toLowerCase(Locale.ROOT)).replaceAll("").trim();
      return words.contains(l);
    }
  }
}
