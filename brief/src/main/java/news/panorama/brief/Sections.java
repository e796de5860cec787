package news.panorama.brief;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import news.panorama.core.Annotated;
import news.panorama.core.Article;
import news.panorama.core.Citation;
import news.panorama.core.DateMention;
import news.panorama.core.Quote;
import news.panorama.core.Sentence;
import news.panorama.core.StorySections;
import news.panorama.text.QuoteLinker;

/**
 * A briefing's sections beyond the overview, from the articles' annotations: each outlet's take,
 * the world's take by country ({@link WorldTake}), the days the sources name (each with the sentence
 * that best says what happened then), the quotations merged across outlets ({@link QuoteLinker}:
 * one quotation in several wordings), where sources agree ({@link Agreements}) and where they differ
 * ({@link Differences}). Related stories need the other stories and are left to the caller.
 */
final class Sections {
  static final int MAX_EVENTS = 8;
  static final int MAX_QUOTES = 8;
  /** A quoted word or two ("deep concern", a chant) is a phrase, not what someone said. */
  static final int MIN_QUOTE_WORDS = 3;
  static final int MAX_CITATIONS = 4;

  private Sections() {}

  static StorySections of(List<Annotated> articles) {
    return of(articles, List.of(), new Usable());
  }

  /**
   * The sections of a story whose overview is {@code overview}: a fact the overview already states
   * (one of its cited sentences) is not repeated under "where sources agree". {@code usable} is the
   * briefing's, so a sentence the overview already judged is not judged again.
   */
  static StorySections of(List<Annotated> articles, List<news.panorama.core.Bullet> overview, Usable usable) {
    Set<String> shown = new HashSet<>();
    for (news.panorama.core.Bullet b : overview) {
      for (Citation c : b.citations()) shown.add(c.articleId() + "#" + c.sentence());
    }
    List<StorySections.Agreement> agreements = Agreements.of(articles, usable).stream()
        .filter(a -> a.citations().stream().noneMatch(c -> shown.contains(c.articleId() + "#" + c.sentence())))
        .toList();
    return new StorySections(takes(articles), WorldTake.of(articles, usable), timeline(articles, usable),
        quotes(articles), agreements, Differences.of(articles, usable), List.of());
  }

  /** Who tells an article: its outlet's name, or the article itself when the outlet is unknown. */
  static String outlet(Annotated a) {
    String s = a.article().source();
    return s == null || s.isBlank() ? a.id() : s;
  }

  private static List<StorySections.Take> takes(List<Annotated> articles) {
    List<StorySections.Take> out = new ArrayList<>();
    for (Annotated a : articles) {
      Article x = a.article();
      out.add(new StorySections.Take(x.id(), x.source(), x.country(), a.language(), Headlines.clean(x.title()), x.url()));
    }
    return out;
  }

  /**
   * Day-exact dates named in usable sentences, the most cited first, then shown earliest first; each
   * day told by its most representative sentence ({@link #representative}).
   */
  private static List<StorySections.Event> timeline(List<Annotated> articles, Usable usable) {
    Map<String, List<Told>> told = new LinkedHashMap<>();
    for (Annotated a : articles) {
      for (DateMention d : a.dates()) {
        if (!"day".equals(d.granularity()) || d.value().length() != 10) continue;
        if (d.sentence() < 0 || d.sentence() >= a.sentences().size()) continue;
        Sentence s = a.sentences().get(d.sentence());
        if (!usable.test(s)) continue;
        List<Told> day = told.computeIfAbsent(d.value(), k -> new ArrayList<>());
        if (day.stream().noneMatch(t -> t.article() == a)) day.add(new Told(a, s)); // one sentence per article and day
      }
    }
    List<String> days = new ArrayList<>(told.keySet());
    days.sort(Comparator.comparingInt((String day) -> -told.get(day).size()).thenComparing(day -> day));
    // the most cited days first choose their sentences: a sentence naming two days ("…their first
    // session since Aug. 6 on Thursday") tells one of them, and a day left with no sentence of its own
    // is not shown
    Map<String, StorySections.Event> chosen = new TreeMap<>();
    Set<String> usedText = new HashSet<>();
    Vectors.Vector story = Vectors.Vector.of(ExtractiveBriefer.centroid(articles));
    for (String day : days) {
      if (chosen.size() == MAX_EVENTS) break;
      List<Told> all = told.get(day);
      List<Told> candidates = all.stream().filter(t -> !usedText.contains(t.sentence().text().strip())).toList();
      // a sentence opening with a pronoun ("He said the party would announce its decision Thursday")
      // does not tell the day on its own
      List<Told> alone = candidates.stream()
          .filter(t -> !Anaphora.opensWithPronoun(t.sentence().text(), t.article().language())).toList();
      if (alone.isEmpty()) continue;
      candidates = alone;
      Sentence s = representative(candidates.stream().map(Told::sentence).toList(), story);
      Told shown = candidates.stream().filter(t -> t.sentence() == s).findFirst().orElseThrow();
      usedText.add(s.text().strip());
      // the shown sentence is cited first, then the other articles naming the day
      List<Citation> cites = new ArrayList<>();
      cites.add(ExtractiveBriefer.cite(shown.article(), s));
      for (Told t : all) {
        if (cites.size() == MAX_CITATIONS) break;
        if (t != shown) cites.add(ExtractiveBriefer.cite(t.article(), t.sentence()));
      }
      chosen.put(day, new StorySections.Event(day, s.text(), cites));
    }
    return new ArrayList<>(chosen.values());
  }

  /** A sentence of an article that names a day. */
  private record Told(Annotated article, Sentence sentence) {}


  /** Sentences longer than this are passed over for a timeline entry when a shorter one tells the day. */
  static final int TIMELINE_MAX_WORDS = 30;

  /**
   * Of the sentences naming one day (one per article), the one that says what the story's sources
   * say: the most alike to the others naming that day and to the story as a whole, so an entry reads
   * as the story's event of that day, not an aside that happens to name it ("The deputy arrived in
   * Madrid late Wednesday…"); a sentence of more than {@link #TIMELINE_MAX_WORDS} words only when all are;
   * on a tie the shorter.
   */
  static Sentence representative(List<Sentence> candidates, Vectors.Vector story) {
    if (candidates.size() == 1) return candidates.get(0);
    List<Vectors.Vector> vectors = candidates.stream().map(s -> Vectors.of(s.terms())).toList();
    boolean anyShort = candidates.stream().anyMatch(s -> NoiseFilter.words(s.text()) <= TIMELINE_MAX_WORDS);
    Sentence best = null;
    double bestScore = -1;
    for (int i = 0; i < candidates.size(); i++) {
      Sentence s = candidates.get(i);
      if (anyShort && NoiseFilter.words(s.text()) > TIMELINE_MAX_WORDS) continue;
      double others = 0;
      for (int j = 0; j < vectors.size(); j++) if (j != i) others += Vectors.cosine(vectors.get(i), vectors.get(j));
      double score = others / (vectors.size() - 1) + Vectors.cosine(vectors.get(i), story);
      if (best == null || score > bestScore + 1e-12 || Math.abs(score - bestScore) <= 1e-12 && s.text().length() < best.text().length()) {
        best = s;
        bestScore = score;
      }
    }
    return best;
  }

  /** Quotations with a known speaker, one entry per quotation however many outlets and wordings. */
  private static List<StorySections.Said> quotes(List<Annotated> articles) {
    QuoteLinker linker = new QuoteLinker(Map.of()); // within one story, speakers' entity keys already agree
    articles.forEach(linker::add);
    Map<String, String> ids = linker.ids();
    Map<String, List<Citation>> citations = new LinkedHashMap<>();
    Map<String, List<String>> wordings = new LinkedHashMap<>();
    Map<String, String> speakers = new LinkedHashMap<>();
    Map<String, String> speakerEntities = new HashMap<>();
    Map<String, Set<String>> reporting = new LinkedHashMap<>();
    Map<String, String> verbatim = new HashMap<>();
    for (Annotated a : articles) {
      for (int i = 0; i < a.quotes().size(); i++) {
        Quote q = a.quotes().get(i);
        if (q.speaker().isBlank() || q.sentence() < 0 || q.sentence() >= a.sentences().size()) continue;
        if (NoiseFilter.words(q.text()) < MIN_QUOTE_WORDS) continue;
        // the same words from the same speaker are one quotation, however short (the linker keeps short ones apart)
        String who = q.speakerEntity() != null ? q.speakerEntity() : q.speaker();
        String said = who + "\u0000" + q.text().strip().toLowerCase(java.util.Locale.ROOT);
        String linked = ids.get(QuoteLinker.key(a.id(), i));
        String id = verbatim.computeIfAbsent(said, k -> linked);
        if (!reporting.computeIfAbsent(id, k -> new HashSet<>()).add(a.id())) continue;
        speakers.putIfAbsent(id, q.speaker());
        if (q.speakerEntity() != null) speakerEntities.putIfAbsent(id, q.speakerEntity());
        List<String> w = wordings.computeIfAbsent(id, k -> new ArrayList<>());
        if (!w.contains(q.text())) w.add(q.text());
        List<Citation> c = citations.computeIfAbsent(id, k -> new ArrayList<>());
        if (c.size() < MAX_CITATIONS) c.add(ExtractiveBriefer.cite(a, a.sentences().get(q.sentence())));
      }
    }
    // a speaker is shown by the fullest name the story gives them ("Billy Hunter", not "Hunter"),
    // spelled as most of its articles do ("Volodymyr Zelensky" over one outlet's "Zelenskyy")
    Map<String, Map<String, Integer>> surfaces = new HashMap<>();
    for (Annotated a : articles) {
      for (news.panorama.core.Mention m : a.mentions()) {
        if (!m.entity().isEmpty()) surfaces.computeIfAbsent(m.entity(), k -> new HashMap<>()).merge(m.text(), 1, Integer::sum);
      }
    }
    speakers.replaceAll((id, name) -> {
      Map<String, Integer> forms = surfaces.get(speakerEntities.getOrDefault(id, ""));
      if (forms == null) return name;
      return forms.entrySet().stream()
          .max(Comparator.comparingInt((Map.Entry<String, Integer> e) -> NoiseFilter.words(e.getKey()))
              .thenComparingInt(Map.Entry::getValue)
              .thenComparing(Map.Entry::getKey, Comparator.reverseOrder()))
          .map(Map.Entry::getKey).orElse(name);
    });
    List<String> order = new ArrayList<>(citations.keySet());
    order.sort(Comparator.comparingInt((String id) -> -reporting.get(id).size()));
    List<StorySections.Said> out = new ArrayList<>();
    for (String id : order.subList(0, Math.min(MAX_QUOTES, order.size()))) {
      List<String> w = wordings.get(id);
      out.add(new StorySections.Said(speakers.get(id), w.get(0), w.subList(1, w.size()), citations.get(id)));
    }
    return out;
  }
}
