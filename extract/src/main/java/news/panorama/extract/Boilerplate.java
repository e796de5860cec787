package news.panorama.extract;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;

/**
 * The rules that tell page furniture from article text, in one place: which elements to remove
 * before scoring, and which short lines to drop after. Each rule is a small predicate; adding a
 * rule means adding one line to {@link #ELEMENTS} or {@link #LINES}. Stateless and thread-safe.
 */
final class Boilerplate {
  private Boilerplate() {}

  /** Elements that never hold article text, removed by tag. */
  static final Predicate<Element> FURNITURE_TAGS = new TagRule(Set.of(
      "script", "style", "nav", "header", "footer", "aside", "form", "noscript", "iframe",
      "svg", "button", "select", "template", "dialog"));

  /** Elements whose class, id or role names a menu, banner, share bar, comment block and the like. */
  static final Predicate<Element> FURNITURE_NAMES = new NameRule(List.of(
      "menu", "nav", "cookie", "consent", "gdpr", "banner", "share", "sharing", "social",
      "related", "comment", "newsletter", "subscri", "promo", "advert", "breadcrumb", "footer",
      "sidebar", "popup", "modal", "paywall", "outbrain", "taboola"),
      Set.of("navigation", "banner", "contentinfo", "complementary", "dialog", "alert", "search"));

  /** Element rules in the order they are applied. */
  static final List<Predicate<Element>> ELEMENTS = List.of(FURNITURE_TAGS, FURNITURE_NAMES);

  /** Lines dropped from the text: short calls to action and notices that sit inside articles. */
  static final List<Predicate<String>> LINES = List.of(
      new PhraseRule(160, List.of(
          "leave a reply", "leave a comment", "post a comment", "required fields are marked",
          "your email address will not be published", "download on the app store",
          "get it on google play", "sign up for our", "subscribe to our", "all rights reserved",
          "click here to", "related articles", "you may also like", "recommended for you",
          "this site uses cookies", "this website uses cookies", "we use cookies",
          "accept cookies", "accept all cookies", "cookie policy", "cookie settings")),
      new OpeningRule(80, List.of("share this", "share on", "follow us", "read more:",
          "subscribe now", "sign up now", "advertisement")),
      new ExactRule(Set.of("advertisement", "advertising", "read more", "share", "tweet",
          "comments", "print", "email", "facebook", "twitter", "whatsapp", "linkedin", "ad")));

  /** Whether an element is furniture by any element rule. */
  static boolean isFurniture(Element e) {
    for (Predicate<Element> rule : ELEMENTS) {
      if (rule.test(e)) return true;
    }
    return false;
  }

  /** Whether a text line is boilerplate by any line rule. */
  static boolean isBoilerplateLine(String line) {
    for (Predicate<String> rule : LINES) {
      if (rule.test(line)) return true;
    }
    return false;
  }

  /** Matches elements by tag name. */
  record TagRule(Set<String> tags) implements Predicate<Element> {
    @Override
    public boolean test(Element e) {
      return tags.contains(e.normalName());
    }
  }

  /**
   * Matches elements whose class or id has a token starting with a furniture word ("share-bar",
   * "comments", "site-navigation"), or whose ARIA role is a furniture role. Never matches the
   * document's html, body or main element, so a {@code <body class="has-sidebar">} keeps its page.
   */
  record NameRule(List<String> prefixes, Set<String> roles) implements Predicate<Element> {
    private static final Pattern TOKEN_SPLIT = Pattern.compile("[^a-z0-9]+");
    private static final Set<String> NEVER = Set.of("html", "body", "main");

    @Override
    public boolean test(Element e) {
      if (NEVER.contains(e.normalName())) return false;
      String role = e.attr("role").toLowerCase(Locale.ROOT).trim();
      if (!role.isEmpty() && roles.contains(role)) return true;
      String names = (e.className() + " " + e.id()).toLowerCase(Locale.ROOT);
      if (names.isBlank()) return false;
      for (String token : TOKEN_SPLIT.split(names)) {
        if (token.isEmpty()) continue;
        for (String p : prefixes) {
          if (token.startsWith(p)) return true;
        }
      }
      return false;
    }
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
    @Override
    public boolean test(String line) {
      String l = line.toLowerCase(Locale.ROOT).replaceAll("[\\p{Punct}\\s]+$", "").trim();
      return words.contains(l);
    }
  }
}
