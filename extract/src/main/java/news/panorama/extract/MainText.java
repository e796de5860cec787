package news.panorama.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;
import org.jspecify.annotations.Nullable;

/**
 * Finds the article body of a page in three steps, in one walk of the document and two linear
 * passes over its text blocks:
 *
 * <ol>
 *   <li><b>Blocks.</b> The walk cuts the visible text into blocks at block-level tags (and at double
 *       line breaks), skipping subtrees that never hold article text (scripts, navigation, forms…).
 *       Each block knows its length, how much of it is link text, its kind (paragraph, heading, list
 *       item, quote), and whether it sits in a caption or in an element whose class or id names
 *       page furniture ({@link Boilerplate#isFurnitureName}).
 *   <li><b>Container.</b> Every block gets a weight: prose counts for its length, link lists,
 *       captions, furniture and short fragments count against. The container is the element whose
 *       blocks have the largest total weight: it grows to take in prose and stops where menus,
 *       link lists and teasers would cost more than they bring. Since blocks are in document order,
 *       each element's total is a difference of two prefix sums.
 *   <li><b>Blocks of the container.</b> Inside it, furniture, captions, link lists and call-to-action
 *       lines are dropped, and so are the bylines, dates and labels that sit before the first and
 *       after the last prose block (unlinked list items and their headings stay). Teasers (a block
 *       opening with a headline link, then its summary) count against and are dropped; a sentence
 *       mostly covered by one link stays; an opening standfirst set apart from the paragraphs is
 *       left to the subtitle.
 * </ol>
 *
 * Stateless; the document is read, never modified. Cost is linear in the size of the document.
 */
final class MainText {
  /** Subtrees that never hold article text. */
  static final Set<String> SKIPPED = Set.of("head", "script", "style", "noscript", "template", "svg",
      "canvas", "iframe", "object", "embed", "button", "select", "input", "textarea", "option",
      "nav", "aside", "footer", "dialog", "menu", "audio", "video", "map", "math");
  /** Tags that end the block before them and start a new one. */
  static final Set<String> BLOCK_TAGS = Set.of("html", "body", "p", "div", "section", "article",
      "main", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "dl", "dt", "dd", "blockquote",
      "pre", "table", "thead", "tbody", "tfoot", "tr", "caption", "figure", "figcaption",
      "form", "fieldset", "address", "details", "summary", "center", "hr", "legend", "hgroup");
  private static final Set<String> HEADINGS = Set.of("h1", "h2", "h3", "h4", "h5", "h6");

  /** Blocks with more of their text inside links than this are link lists, not prose. */
  static final double MAX_LINK_DENSITY = 0.5;
  /** Blocks at least this long (weighted characters) with sentence punctuation are prose. */
  static final int PROSE_LENGTH = 60;
  /** Blocks shorter than this are fragments (labels, dates, buttons) when they stand alone. */
  static final int FRAGMENT_LENGTH = 20;

  /** A furniture or caption name is ignored on an element holding this share of the page's prose. */
  static final double OVERRIDE_SHARE = 0.8;

  /** What an isolated prose block (a teaser's summary) is worth, as a share of its length. */
  static final double ISOLATED_SHARE = 0.3;

  /** How much weight a wider container may lose and still be preferred when it holds more prose. */
  static final double WIDEN_TOLERANCE = 0.15;

  /** A block opening with a link at least this long (weighted characters) is a headline teaser. */
  static final int TEASER_HEADLINE = 30;

  /** Lines right after an image shorter than this may be its caption. */
  static final int CAPTION_LENGTH = 100;

  private MainText() {}

  /** A block of text as the walk found it. */
  static final class Raw {
    final String text;
    final int length;
    final int linkLength;
    final Block.Kind kind;
    final boolean title;
    /** Length of the link that opens the block when a new sentence follows it: a teaser's headline. */
    int headlineLength;
    boolean caption;
    boolean furniture;
    /** Prose blocks of the same group are neighbours: paragraphs of one text, not one teaser each. */
    @Nullable Element group;
    boolean isolated;

    Raw(String text, int length, int linkLength, Block.Kind kind, boolean title) {
      this.text = text;
      this.length = length;
      this.linkLength = linkLength;
      this.kind = kind;
      this.title = title;
    }

    double linkDensity() {
      return length == 0 ? 0 : (double) linkLength / length;
    }

    /** Whether the block opens with a headline-long link followed by more text: a teaser card. */
    boolean teaser() {
      return headlineLength >= TEASER_HEADLINE && headlineLength < length;
    }

    boolean prose() {
      return length >= PROSE_LENGTH && !teaser() && linkDensity() <= MAX_LINK_DENSITY && !caption && !title
          && kind != Block.Kind.HEADING && Boilerplate.hasSentenceEnd(text);
    }
  }

  /** An element's blocks: indices {@code [start, end)} into the block list. */
  record Span(Element element, int start, int end) {}

  /**
   * The body blocks of the page under {@code root}, without the {@code standfirst} (the page's
   * summary, kept as subtitle) when the body opens with it in an element of its own; empty when the
   * page has no prose.
   */
  static List<Block> of(Element root, String standfirst) {
    Walker w = new Walker();
    NodeTraversor.filter(w, root);
    w.flush();
    List<Raw> blocks = w.blocks;
    if (blocks.isEmpty()) return List.of();
    mark(blocks, w.furniture, w.captions);
    markIsolated(blocks);
    Span best = bestContainer(blocks, w.containers);
    if (best == null) return List.of();
    return keptBlocks(blocks, best.start(), best.end(), standfirst.strip());
  }

  /**
   * Why the body came out as it did, for people tuning the rules: the chosen container, the top
   * candidate containers, and every block with its weight and flags. Costs as much as {@link #of}.
   */
  static String explain(Element root, int width) {
    Walker w = new Walker();
    NodeTraversor.filter(w, root);
    w.flush();
    List<Raw> blocks = w.blocks;
    mark(blocks, w.furniture, w.captions);
    markIsolated(blocks);
    double[] sum = new double[blocks.size() + 1];
    for (int i = 0; i < blocks.size(); i++) sum[i + 1] = sum[i] + weight(blocks.get(i));
    StringBuilder out = new StringBuilder();
    Span best = bestContainer(blocks, w.containers);
    w.containers.stream()
        .sorted(java.util.Comparator.comparingDouble((Span s) -> -(sum[s.end()] - sum[s.start()])))
        .limit(6)
        .forEach(s -> out.append(String.format(java.util.Locale.ROOT, "%s%8.0f [%d,%d) %s%n",
            s == best ? "*" : " ", sum[s.end()] - sum[s.start()], s.start(), s.end(), describe(s.element()))));
    for (int i = 0; i < blocks.size(); i++) {
      Raw b = blocks.get(i);
      String t = b.text.replace('\n', ' ');
      out.append(String.format(java.util.Locale.ROOT, "%4d %s%7.0f %-10s %s%s%s %s%n", i,
          best != null && i >= best.start() && i < best.end() ? ">" : " ", weight(b), b.kind.label(),
          b.furniture ? "F" : "-", b.caption ? "C" : "-", b.prose() ? "P" : "-",
          t.length() > width ? t.substring(0, width) : t));
    }
    return out.toString();
  }

  private static String describe(Element e) {
    String c = e.className();
    return e.normalName() + (e.id().isEmpty() ? "" : "#" + e.id())
        + (c.isEmpty() ? "" : "." + (c.length() > 60 ? c.substring(0, 60) : c).replace(' ', '.'));
  }

  /**
   * Marks the blocks inside furniture-named and caption elements, unless the element holds most of
   * the page's prose: then its name is a false alarm ("article-body share-enabled") and it is the
   * article.
   */
  static void mark(List<Raw> blocks, List<Span> furniture, List<Span> captions) {
    if (furniture.isEmpty() && captions.isEmpty()) return;
    long[] prose = new long[blocks.size() + 1];
    for (int i = 0; i < blocks.size(); i++) {
      Raw b = blocks.get(i);
      prose[i + 1] = prose[i] + (b.prose() ? b.length : 0);
    }
    long total = prose[blocks.size()];
    for (Span f : furniture) {
      if (holdsTheArticle(blocks, f, prose, total)) continue;
      for (int i = f.start(); i < f.end(); i++) blocks.get(i).furniture = true;
    }
    for (Span c : captions) {
      if (holdsTheArticle(blocks, c, prose, total)) continue;
      for (int i = c.start(); i < c.end(); i++) blocks.get(i).caption = true;
    }
  }

  /**
   * What a block is worth to the container holding it: its text outside links, minus a penalty for
   * its link text that is mild in prose (a linked name in a sentence) and heavy elsewhere (menus,
   * lists of headlines). Furniture, captions and fragments count against.
   */
  static double weight(Raw b) {
    if (b.furniture || b.caption) return -b.length;
    if (b.kind == Block.Kind.HEADING || b.title) return b.linkDensity() > MAX_LINK_DENSITY ? -b.length : 0;
    if (b.teaser()) return -0.5 * b.length;
    int plain = b.length - b.linkLength;
    boolean sentence = Boilerplate.hasSentenceEnd(b.text);
    if (b.length < FRAGMENT_LENGTH || !sentence && b.length < PROSE_LENGTH) {
      return -0.25 * plain - 1.5 * b.linkLength;
    }
    double w = sentence && plain >= FRAGMENT_LENGTH * 2 ? plain - 0.5 * b.linkLength
        : (sentence ? plain : plain / 2.0) - 1.5 * b.linkLength;
    return b.isolated && w > 0 ? w * ISOLATED_SHARE : w;
  }

  /**
   * Marks prose blocks that have no other prose block in their group (the block element two levels
   * above their own): a teaser's summary in a card, as opposed to a paragraph among paragraphs.
   */
  static void markIsolated(List<Raw> blocks) {
    java.util.IdentityHashMap<Element, Integer> prose = new java.util.IdentityHashMap<>();
    for (Raw b : blocks) {
      if (b.prose() && !b.furniture && b.group != null) prose.merge(b.group, 1, Integer::sum);
    }
    for (Raw b : blocks) {
      b.isolated = b.group != null && prose.getOrDefault(b.group, 0) <= 1;
    }
  }

  /** Whether a span holds most of the page's prose, in several blocks: then it is the article. */
  private static boolean holdsTheArticle(List<Raw> blocks, Span s, long[] prose, long total) {
    long inside = prose[s.end()] - prose[s.start()];
    if (total == 0 || inside < OVERRIDE_SHARE * total) return false;
    int proseBlocks = 0;
    for (int i = s.start(); i < s.end() && proseBlocks < 2; i++) {
      if (blocks.get(i).prose()) proseBlocks++;
    }
    return proseBlocks >= 2;
  }

  /**
   * Whether a block's own text, outside links, reads as prose even when links dominate it: long
   * enough outside its links, or a whole sentence in a paragraph whose link covers most of it.
   */
  static boolean linkedProse(Raw b) {
    int plain = b.length - b.linkLength;
    return plain >= PROSE_LENGTH && Boilerplate.hasSentenceEnd(b.text)
        || b.kind == Block.Kind.PARAGRAPH && b.length >= PROSE_LENGTH && plain >= FRAGMENT_LENGTH
            && Boilerplate.endsSentence(b.text);
  }

  /**
   * The span whose blocks weigh most, widened to an enclosing span that weighs nearly as much and
   * holds more prose: a lone long paragraph should not beat the article around it over a few
   * labels or bullet points.
   */
  static @Nullable Span bestContainer(List<Raw> blocks, List<Span> containers) {
    double[] sum = new double[blocks.size() + 1];
    int[] prose = new int[blocks.size() + 1];
    for (int i = 0; i < blocks.size(); i++) {
      sum[i + 1] = sum[i] + weight(blocks.get(i));
      prose[i + 1] = prose[i] + (blocks.get(i).prose() && !blocks.get(i).isolated ? 1 : 0);
    }
    Span best = null;
    double bestWeight = 0;
    // spans are listed children first, so a parent of equal weight does not replace its child
    for (Span s : containers) {
      double w = sum[s.end()] - sum[s.start()];
      if (w > bestWeight) {
        best = s;
        bestWeight = w;
      }
    }
    if (best == null) return null;
    double floor = bestWeight * (1 - WIDEN_TOLERANCE);
    Span widened = best;
    for (Span s : containers) {
      if (s.start() <= best.start() && s.end() >= best.end()
          && sum[s.end()] - sum[s.start()] >= floor
          && prose[s.end()] - prose[s.start()] > prose[widened.end()] - prose[widened.start()]) {
        widened = s;
      }
    }
    return widened;
  }

  /**
   * The blocks of {@code [start, end)} that belong to the article, in order, without an opening
   * standfirst that sits apart from the paragraphs after it (the extraction keeps it as subtitle).
   */
  static List<Block> keptBlocks(List<Raw> blocks, int start, int end, String standfirst) {
    List<Raw> kept = new ArrayList<>();
    for (int i = start; i < end; i++) {
      Raw b = blocks.get(i);
      if (b.furniture || b.caption || b.title
          || b.linkDensity() > MAX_LINK_DENSITY && !linkedProse(b) || b.teaser()
          || Boilerplate.isBoilerplateLine(b.text)) {
        continue;
      }
      if (!kept.isEmpty() && kept.get(kept.size() - 1).text.equals(b.text)) continue;
      kept.add(b);
    }
    int first = -1;
    int last = -1;
    for (int i = 0; i < kept.size(); i++) {
      if (kept.get(i).prose()) {
        if (first < 0) first = i;
        last = i;
      }
    }
    if (first < 0) return List.of();
    List<Block> out = new ArrayList<>();
    for (int i = 0; i < kept.size(); i++) {
      Raw b = kept.get(i);
      boolean edge = i < first || i > last;
      if (edge && !looksLikeContent(b, i > last) && !headsContent(kept, i, last)) continue;
      if (out.isEmpty() && i + 1 < kept.size() && !standfirst.isEmpty() && b.text.equals(standfirst)
          && b.group != kept.get(i + 1).group) {
        continue;
      }
      out.add(new Block(b.kind, b.text));
    }
    return out;
  }

  /**
   * Whether a heading after the last prose block introduces article text that is kept (a subheading
   * over a closing list), rather than a box of links or a sign-off.
   */
  private static boolean headsContent(List<Raw> kept, int i, int last) {
    if (i <= last || i + 1 >= kept.size() || kept.get(i).kind != Block.Kind.HEADING) return false;
    Raw next = kept.get(i + 1);
    return next.kind != Block.Kind.HEADING && looksLikeContent(next, true);
  }

  /** Whether a block before the first or after the last prose block still reads as article text. */
  private static boolean looksLikeContent(Raw b, boolean trailing) {
    if (b.kind == Block.Kind.HEADING || Boilerplate.isByline(b.text)) return false;
    boolean sentence = Boilerplate.hasSentenceEnd(b.text);
    if (b.kind == Block.Kind.LIST_ITEM && b.linkLength == 0 && b.length >= FRAGMENT_LENGTH) return true;
    if (!trailing) return b.length >= PROSE_LENGTH / 2 && sentence;
    return b.length >= PROSE_LENGTH || sentence && b.linkLength == 0
        && (b.length >= PROSE_LENGTH / 2 || b.kind == Block.Kind.LIST_ITEM || b.kind == Block.Kind.QUOTE);
  }

  /**
   * Whether a block right after an image reads as its caption although no class says so: short,
   * and ending in a parenthesised credit ("Protesters on Monday (Image: Getty)").
   */
  static boolean isUnmarkedCaption(String text, int length) {
    return length < CAPTION_LENGTH && text.endsWith(")");
  }

  /** Weighted length: ideographic and kana characters carry about a word each, so they count double. */
  static int weightedLength(CharSequence s) {
    int n = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isWhitespace(c)) continue;
      n += c >= 0x3040 && c <= 0x9FFF || c >= 0xF900 && c <= 0xFAFF ? 2 : 1;
    }
    return n;
  }

  /** The walk: cuts text into blocks and records the block range of every element of interest. */
  private static final class Walker implements NodeFilter {
    final List<Raw> blocks = new ArrayList<>();
    final List<Span> containers = new ArrayList<>();
    final List<Span> furniture = new ArrayList<>();
    final List<Span> captions = new ArrayList<>();
    private final StringBuilder text = new StringBuilder();
    private int length;
    private int linkLength;
    /** Link text seen before the block's first character outside a link; -1 once there is one. */
    private int openingLink;
    /** The opening link's length when a new sentence follows it, else 0. */
    private int headlineLink;
    private int linkDepth;
    private int headingDepth;
    private int titleDepth;
    private int listDepth;
    private int quoteDepth;
    private int preDepth;
    /** Block index at which each open element started, by depth (elements only). */
    private int[] starts = new int[64];
    private boolean[] isFurniture = new boolean[64];
    private boolean[] isCaption = new boolean[64];
    private int depth;
    /** Whether an image came after the last block: the next short line may be its caption. */
    private boolean afterImage;
    private Element[] blockElements = new Element[64];
    private int blockDepth;

    @Override
    public FilterResult head(Node node, int d) {
      if (node instanceof TextNode t) {
        append(t);
        return FilterResult.CONTINUE;
      }
      if (!(node instanceof Element e)) return FilterResult.SKIP_ENTIRELY;
      String tag = e.normalName();
      if (SKIPPED.contains(tag) || tag.equals("form") && Boilerplate.isInteractiveForm(e)
          || e.hasAttr("hidden") || Boilerplate.isHiddenByStyle(e)) {
        return FilterResult.SKIP_ENTIRELY;
      }
      if (tag.equals("br")) {
        lineBreak();
        return FilterResult.CONTINUE;
      }
      if (tag.equals("img") || tag.equals("picture")) afterImage = true;
      boolean block = BLOCK_TAGS.contains(tag);
      if (block) {
        flush();
        if (blockDepth == blockElements.length) blockElements = java.util.Arrays.copyOf(blockElements, blockDepth * 2);
        blockElements[blockDepth++] = e;
      } else if (tag.equals("td") || tag.equals("th")) {
        int last = text.length() - 1;
        if (last >= 0 && text.charAt(last) != ' ') text.append(' ');
      }
      if (depth == starts.length) {
        starts = java.util.Arrays.copyOf(starts, depth * 2);
        isFurniture = java.util.Arrays.copyOf(isFurniture, depth * 2);
        isCaption = java.util.Arrays.copyOf(isCaption, depth * 2);
      }
      starts[depth] = blocks.size();
      isFurniture[depth] = block && Boilerplate.isFurnitureName(e);
      isCaption[depth] = tag.equals("figcaption") || tag.equals("caption")
          || block && Boilerplate.isCaptionName(e);
      depth++;
      switch (tag) {
        case "a" -> linkDepth++;
        case "h1" -> { headingDepth++; titleDepth++; }
        case "h2", "h3", "h4", "h5", "h6" -> headingDepth++;
        case "li", "dd", "dt" -> listDepth++;
        case "blockquote" -> quoteDepth++;
        case "pre" -> preDepth++;
        default -> { }
      }
      return FilterResult.CONTINUE;
    }

    @Override
    public FilterResult tail(Node node, int d) {
      if (!(node instanceof Element e)) return FilterResult.CONTINUE;
      String tag = e.normalName();
      if (tag.equals("br")) return FilterResult.CONTINUE;
      boolean block = BLOCK_TAGS.contains(tag);
      if (block) {
        flush();
        blockDepth--;
      }
      depth--;
      switch (tag) {
        case "a" -> linkDepth--;
        case "h1" -> { headingDepth--; titleDepth--; }
        case "h2", "h3", "h4", "h5", "h6" -> headingDepth--;
        case "li", "dd", "dt" -> listDepth--;
        case "blockquote" -> quoteDepth--;
        case "pre" -> preDepth--;
        default -> { }
      }
      if (block) {
        Span s = new Span(e, starts[depth], blocks.size());
        if (s.end() > s.start()) {
          containers.add(s);
          if (isFurniture[depth]) furniture.add(s);
          if (isCaption[depth]) captions.add(s);
        }
      }
      return FilterResult.CONTINUE;
    }

    private void append(TextNode t) {
      String s = t.getWholeText();
      if (preDepth > 0) {
        text.append(s);
        int n = weightedLength(s);
        length += n;
        if (linkDepth > 0) linkLength += n;
        return;
      }
      for (int i = 0; i < s.length(); i++) {
        char c = s.charAt(i);
        if (Character.isWhitespace(c) || c == '\u00a0' || c == '\u200b') {
          int last = text.length() - 1;
          if (last >= 0 && text.charAt(last) != ' ' && text.charAt(last) != '\n') text.append(' ');
        } else {
          text.append(c);
          int n = c >= 0x3040 && c <= 0x9FFF || c >= 0xF900 && c <= 0xFAFF ? 2 : 1;
          length += n;
          if (linkDepth > 0) {
            linkLength += n;
            if (openingLink >= 0) openingLink += n;
          } else if (openingLink >= 0 && Character.isLetterOrDigit(c)) {
            // a headline link is followed by a new sentence, a link in prose by the rest of its own
            headlineLink = Character.isUpperCase(c) && !Boilerplate.hasSentenceEnd(text) ? openingLink : 0;
            openingLink = -1;
          }
        }
      }
    }

    private void lineBreak() {
      int last = text.length() - 1;
      while (last >= 0 && text.charAt(last) == ' ') text.setLength(last--);
      if (last < 0) return;
      if (text.charAt(last) == '\n') {
        flush();
      } else {
        text.append('\n');
      }
    }

    void flush() {
      if (length > 0) {
        String s = preDepth > 0 ? text.toString().strip() : text.toString().strip().replace(" \n", "\n");
        Block.Kind kind = preDepth > 0 ? Block.Kind.PREFORMATTED
            : headingDepth > 0 ? Block.Kind.HEADING
            : quoteDepth > 0 ? Block.Kind.QUOTE
            : listDepth > 0 ? Block.Kind.LIST_ITEM
            : Block.Kind.PARAGRAPH;
        Raw r = new Raw(s, length, linkLength, kind, titleDepth > 0);
        r.headlineLength = headlineLink;
        r.caption = afterImage && kind == Block.Kind.PARAGRAPH && linkLength == 0 && isUnmarkedCaption(s, length);
        afterImage = false;
        r.group = blockElements[Math.max(0, blockDepth - 3)];
        blocks.add(r);
      }
      text.setLength(0);
      length = 0;
      linkLength = 0;
      openingLink = 0;
      headlineLink = 0;
    }
  }

  static boolean isHeadingTag(String tag) {
    return HEADINGS.contains(tag);
  }
}
