package news.panorama.translate;

import com.ibm.icu.lang.UScript;
import com.ibm.icu.text.BreakIterator;
import com.ibm.icu.text.Normalizer2;
import com.ibm.icu.util.ULocale;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import news.panorama.core.Translation;
import news.panorama.core.TranslationException;
import news.panorama.core.Translator;
import org.jspecify.annotations.Nullable;

/**
 * The offline fallback: glosses a headline or a text into English word by word and name by name,
 * from data that ships with Panorama or that Debian installs, with no service at all. In order, a
 * phrase becomes
 * <ol>
 *   <li>its English name when CLDR (in ICU4J) names it in the source language: countries, regions,
 *       cities, languages, currencies, months, weekdays ({@code Turquie}, {@code トルコ} → Turkey);
 *   <li>the English of a grammatical word from Panorama's hand-written lists, or nothing for an
 *       article or a particle ({@code le}, {@code の} → {@code 's}, {@code は} → nothing);
 *   <li>the first sense an installed FreeDict dictionary gives it, trying the dictionary forms
 *       its ending suggests ({@code appellent} → {@code appeler} → call), German compounds split;
 *   <li>else, if written in another script, the word romanized as English news would print a name
 *       ({@code Зеленський} → Zelenskyy); a Latin word stays as written.
 * </ol>
 * Numbers are written the English way ({@code 1,2} → 1.2, {@code 8,000万} → 80 million). The result
 * is a gloss, not a translation: word order stays the source's, and it is labelled
 * {@link Translation.Kind#GLOSS} with backend {@value #NAME}.
 *
 * <p>Thread-safe and meant to be shared: CLDR tables and dictionaries are loaded per language on
 * first use (a dictionary's index in a third of a second to a second, up to about 15 MB of heap for
 * the largest) and kept; a title then takes about a millisecond when its words are new (their
 * entries are read from disk) and a fraction of that once they were seen (docs/benchmarks.md).
 */
public final class Gloss implements Translator {
  public static final String NAME = "gloss";
  /** The only target language: the dictionaries and word lists are into English. */
  static final String ENGLISH = "en";
  /** Most tokens (words, spaces, hyphens) a name or dictionary phrase may span. */
  private static final int MAX_SPAN = 9;
  private static final Normalizer2 NFKC = Normalizer2.getNFKCInstance();
  private static final Normalizer2 NFC = Normalizer2.getNFCInstance();
  /** Marks after which a new sentence (or a quotation) starts. */
  private static final String SENTENCE_OPENERS = ".!?:;。！？：«“„\"「『";
  /** A reading in kana written in brackets after Chinese characters (furigana in running text): {@code 寛仁(ともひと)}. */
  private static final Pattern FURIGANA = Pattern.compile("(?<=\\p{IsHan})[(（][\\p{IsHiragana}\\p{IsKatakana}ー・]+[)）]");
  /** Languages that capitalise every noun, so a capital does not mark a name. */
  private static final java.util.Set<String> CAPITALISED_NOUNS = java.util.Set.of("de", "lb");

  private final FreeDict dictionaries;

  /** @param dictionaryFolders folders searched for FreeDict dictionaries ({@code freedict-fra-eng.index}…) */
  public Gloss(List<Path> dictionaryFolders) {
    this.dictionaries = new FreeDict(dictionaryFolders, ENGLISH);
  }

  /** A gloss reading the dictionaries where Debian installs them. */
  public static Gloss withDebianDictionaries() {
    return new Gloss(List.of(FreeDict.DEBIAN));
  }

  @Override
  public String backend() {
    return NAME;
  }

  /** Languages (ISO 639-1) with an installed dictionary into English; the others are glossed from CLDR names alone. */
  public List<String> dictionaryLanguages() {
    return dictionaries.installed();
  }

  /** Dictionaries that were installed but could not be read (the gloss goes on without them), with the reason. */
  public List<String> problems() {
    return dictionaries.problems();
  }

  @Override
  public Translation translate(String text, String sourceLanguage, String targetLanguage) {
    if (!targetLanguage.equals(ENGLISH)) {
      throw new TranslationException(NAME, "glosses only into English (en), not into '" + targetLanguage
          + "'; configure translate.backend=libretranslate or openai for other target languages");
    }
    if (sourceLanguage.equals(targetLanguage) || text.isBlank()) return Translation.original(text, targetLanguage, NAME);
    return new Translation(gloss(text, sourceLanguage).text(), sourceLanguage, targetLanguage, NAME, Translation.Kind.GLOSS);
  }

  /**
   * A text glossed, and how much of it: {@code words} counted in the source, of which
   * {@code glossed} were given English (or dropped as grammar) and {@code names} kept or romanized
   * as names; the rest were left as written.
   */
  public record Glossed(String text, String language, int words, int glossed, int names) {
    /** Share of the source's words that were glossed, 0 when there were none. */
    public double share() {
      return words == 0 ? 0 : glossed / (double) words;
    }
  }

  /**
   * Glosses {@code text}, written in {@code language} (ISO 639-1; empty to guess from the script:
   * kana is Japanese, Cyrillic Russian or Ukrainian, Arabic script Arabic…). A text in Latin letters
   * of an unknown language comes back unchanged.
   */
  public Glossed gloss(String text, String language) {
    String lang = language.isEmpty() ? guessLanguage(text) : language.toLowerCase(Locale.ROOT);
    Counts counts = new Counts();
    StringBuilder out = new StringBuilder(text.length() + 16);
    String[] lines = text.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      if (i > 0) out.append('\n');
      out.append(lang.isEmpty() || lang.equals(ENGLISH) ? lines[i] : line(lines[i], lang, counts));
    }
    return new Glossed(out.toString(), lang, counts.words, counts.glossed, counts.names);
  }

  private static final class Counts {
    int words;
    int glossed;
    int names;
  }

  /** A piece of the source line: a word, a number, spaces, or a punctuation mark. */
  private record Tok(int start, int end, String text, Type type) {
    enum Type { WORD, NUMBER, SPACE, PUNCT }
  }

  private String line(String raw, String lang, Counts counts) {
    boolean cjk = lang.equals("ja") || lang.equals("zh") || lang.equals("ko");
    String s = (cjk ? NFKC.normalize(raw) : NFC.normalize(raw)).replace('’', '\'');
    if (lang.equals("ja")) s = FURIGANA.matcher(s).replaceAll("");
    if (lang.equals("ja") || lang.equals("zh")) s = Numbers.cjk(s);
    List<Tok> toks = tokens(s, lang);
    if (lang.equals("ja")) joinForeignWords(toks, lang);
    EnglishLine out = new EnglishLine();
    boolean sentenceStart = true;
    for (int i = 0; i < toks.size(); ) {
      Tok t = toks.get(i);
      switch (t.type()) {
        case SPACE -> {
          i++;
          continue;
        }
        case PUNCT -> {
          out.punct(t.text(), spaceAt(s, t.start() - 1), spaceAt(s, t.end()), i > 0 && toks.get(i - 1).type() == Tok.Type.WORD
              && i + 1 < toks.size() && toks.get(i + 1).type() == Tok.Type.WORD);
          if (SENTENCE_OPENERS.indexOf(t.text().charAt(0)) >= 0) sentenceStart = true; // a capital after these is no name
          i++;
          continue;
        }
        default -> { }
      }
      Phrase p = phrase(s, toks, i, lang);
      if (p == null && isCjk(lang)) p = acrossTokens(toks, i, lang);
      if (p != null) {
        out.word(p.english());
        counts.words += p.words();
        counts.glossed += p.words();
        i = p.end();
        sentenceStart = false;
        continue;
      }
      if (t.type() == Tok.Type.NUMBER) {
        out.word(Numbers.number(t.text(), lang));
        i++;
        sentenceStart = false;
        continue;
      }
      boolean nextIsName = false;
      FunctionWords fw = FunctionWords.of(lang);
      for (int j = i + 1; j < toks.size(); j++) {
        Tok n = toks.get(j);
        if (n.type() == Tok.Type.SPACE || n.type() == Tok.Type.WORD && fw.find(n.text()).map(FunctionWords.Gloss::dropped).orElse(false)) {
          continue; // "à la SNCF": the article between does not count
        }
        nextIsName = n.type() == Tok.Type.WORD && Character.isUpperCase(n.text().codePointAt(0));
        break;
      }
      counts.words++;
      word(t.text(), lang, sentenceStart, nextIsName, out, counts);
      i++;
      sentenceStart = false;
    }
    String result = out.toString();
    return startsUpper(raw) || !hasCase(raw) ? Romanizer.capitalise(result) : result;
  }

  /** A phrase of several tokens (or one, for CLDR names) that CLDR, the function words or the dictionary know. */
  private record Phrase(String english, int end, int words) {}

  private @Nullable Phrase phrase(String s, List<Tok> toks, int i, String lang) {
    FreeDict.Dictionary dict = dictionaries.into(lang).orElse(null);
    FunctionWords fw = FunctionWords.of(lang);
    Phrase best = null;
    int words = 0;
    for (int j = i; j < toks.size() && j < i + MAX_SPAN; j++) {
      Tok t = toks.get(j);
      if (t.type() == Tok.Type.PUNCT && !isJoiner(t.text())) break;
      if (t.type() == Tok.Type.SPACE || t.type() == Tok.Type.PUNCT) continue;
      words++;
      String span = s.substring(toks.get(i).start(), t.end());
      if (span.length() > 60) break;
      String k = CldrNames.key(span);
      boolean cldr = CldrNames.hasPrefix(lang, k);
      if (!cldr && !fw.hasPrefix(k) && (dict == null || !dict.hasPrefix(k))) break; // nothing longer can match
      CldrNames.Name name = cldr ? CldrNames.findKey(lang, k) : null;
      if (name != null && (!name.capitalised() || !hasCase(span) || startsUpper(span))) {
        best = new Phrase(name.english(), j + 1, words);
        continue;
      }
      if (words < 2) continue;
      FunctionWords.Gloss f = fw.findKey(k);
      if (f != null) {
        best = new Phrase(f.english(), j + 1, words);
        continue;
      }
      if (dict != null && dict.contains(k) && !(isCjk(lang) && isKana(span) && span.length() <= 2) && !allFunctionWords(toks, i, j, fw)) {
        Optional<String> g = dict.gloss(span);
        if (g.isPresent()) best = new Phrase(g.get(), j + 1, words);
      }
    }
    return best;
  }

  /**
   * A Chinese or Japanese word the word breaker split in the wrong place: an unknown token that,
   * with the start of the next one, is a dictionary word whose rest is known too ({@code 鳥取|県議会}
   * → {@code 鳥取県} + {@code 議会}). The next token is shortened to that rest. Null when there is none.
   */
  private @Nullable Phrase acrossTokens(List<Tok> toks, int i, String lang) {
    FreeDict.Dictionary dict = dictionaries.into(lang).orElse(null);
    if (dict == null || i + 1 >= toks.size()) return null;
    Tok t = toks.get(i);
    Tok next = toks.get(i + 1);
    if (next.type() != Tok.Type.WORD || next.start() != t.end() || known(t.text(), lang, dict)) return null;
    for (int cut = next.text().length() - 1; cut >= 1; cut--) {
      String word = t.text() + next.text().substring(0, cut);
      String rest = next.text().substring(cut);
      CldrNames.Name name = CldrNames.findKey(lang, CldrNames.key(word));
      Optional<String> g = name != null ? Optional.of(name.english()) : dict.gloss(word);
      if (g.isPresent() && known(rest, lang, dict)) {
        toks.set(i + 1, new Tok(next.start() + cut, next.end(), rest, Tok.Type.WORD));
        return new Phrase(g.get(), i + 1, 1);
      }
    }
    return null;
  }

  /**
   * Katakana tokens that ICU's dictionary split although no source knows either part are one
   * foreign word ({@code ウェン|ディーズ} → {@code ウェンディーズ}); a known word next to an unknown
   * one stays apart ({@code リオデジャネイロ|オリンピック}).
   */
  private void joinForeignWords(List<Tok> toks, String lang) {
    FreeDict.Dictionary dict = dictionaries.into(lang).orElse(null);
    for (int i = toks.size() - 1; i > 0; i--) {
      Tok a = toks.get(i - 1);
      Tok b = toks.get(i);
      if (a.end() != b.start() || !isKatakana(a.text()) || !isKatakana(b.text())) continue;
      if (dict != null && (known(a.text(), lang, dict) || known(b.text(), lang, dict))) continue;
      toks.set(i - 1, new Tok(a.start(), b.end(), a.text() + b.text(), Tok.Type.WORD));
      toks.remove(i);
    }
  }

  private static boolean known(String word, String lang, FreeDict.Dictionary dict) {
    String k = CldrNames.key(word);
    return CldrNames.findKey(lang, k) != null || FunctionWords.of(lang).findKey(k) != null || dict.contains(k);
  }

  /** Whether every word from token i to j is a function word ("à la" is no phrase to look up). */
  private static boolean allFunctionWords(List<Tok> toks, int i, int j, FunctionWords fw) {
    for (int k = i; k <= j; k++) {
      Tok t = toks.get(k);
      if (t.type() == Tok.Type.WORD && fw.find(t.text()).isEmpty() && fw.elidedPrefix(t.text()) == null) return false;
    }
    return true;
  }

  private void word(String w, String lang, boolean sentenceStart, boolean nextIsName, EnglishLine out, Counts counts) {
    FunctionWords fw = FunctionWords.of(lang);
    Optional<FunctionWords.Gloss> f = fw.find(w);
    boolean capitalisedMidSentence = !sentenceStart && hasCase(w) && Character.isUpperCase(w.codePointAt(0));
    if (f.isPresent() && capitalisedMidSentence && w.length() > 1 && !CAPITALISED_NOUNS.contains(lang)) {
      counts.names++; // "Le Pen", "La Paz", "Los Angeles": an article written with a capital inside a title is part of a name
      out.word(w);
      return;
    }
    if (f.isPresent()) {
      counts.glossed++;
      emit(out, nextIsName ? f.get().beforeName() : f.get().english());
      return;
    }
    String prefix = fw.elidedPrefix(w);
    if (prefix != null) {
      String rest = w.substring(prefix.length());
      emit(out, fw.find(prefix).map(g -> Character.isUpperCase(rest.codePointAt(0)) ? g.beforeName() : g.english()).orElse(""));
      word(rest, lang, false, nextIsName, out, counts);
      return;
    }
    String suffix = fw.apostropheSuffix(w);
    if (suffix != null) {
      String stem = w.substring(0, w.length() - suffix.length());
      String english = fw.find(suffix).map(FunctionWords.Gloss::english).orElse("");
      // Turkish writes a case ending after an apostrophe only on a name: the stem is glossed as a name
      if (!english.startsWith("'")) emit(out, english);
      name(stem, lang, out, counts);
      if (english.startsWith("'")) out.attach(english);
      return;
    }
    boolean latin = Romanizer.isLatin(w);
    boolean capitalised = Character.isUpperCase(w.codePointAt(0));
    boolean nameLike = capitalised && !sentenceStart && hasCase(w) && !CAPITALISED_NOUNS.contains(lang);
    Optional<FreeDict.Dictionary> dict = dictionaries.into(lang);
    for (WordForms.Form form : WordForms.candidates(w, lang)) {
      Optional<CldrNames.Name> name = CldrNames.find(lang, form.word());
      if (name.isPresent() && (!name.get().capitalised() || !hasCase(w) || capitalised)) {
        counts.glossed++;
        emit(out, form.prefixEnglish());
        out.word(name.get().english());
        return;
      }
      if (nameLike || dict.isEmpty() || isCjk(lang) && isKana(form.word()) && form.word().length() <= 2) continue;
      Optional<String> g = dict.get().gloss(form.word(), CAPITALISED_NOUNS.contains(lang) && !sentenceStart);
      if (g.isPresent() && capitalised && !sentenceStart && !form.word().equals(w)
          && Romanizer.stripMarks(g.get()).equalsIgnoreCase(Romanizer.stripMarks(form.word()))) {
        break; // a name cut down to a word that means itself (Macron → macro): keep the name
      }
      if (g.isPresent()) {
        counts.glossed++;
        emit(out, form.prefixEnglish());
        out.word(g.get());
        return;
      }
    }
    if (dict.isPresent() && !nameLike && lang.equals("de") && compound(w, dict.get(), out)) {
      counts.glossed++;
      return;
    }
    if (isCjk(lang) && !latin && segmentCjk(w, lang, dict.orElse(null), out, counts)) return;
    if (isCjk(lang) && isHiragana(w)) {
      counts.glossed++; // inflection and particles the lists do not know: grammar, dropped
      return;
    }
    counts.names += latin ? (capitalised ? 1 : 0) : 1;
    out.word(latin ? w : Romanizer.romanize(w, lang, capitalised || !hasCase(w)));
  }

  /** A proper name: its English form when CLDR has one, else as written (romanized in another script). */
  private static void name(String w, String lang, EnglishLine out, Counts counts) {
    for (WordForms.Form form : WordForms.candidates(w, lang)) {
      Optional<CldrNames.Name> name = CldrNames.find(lang, form.word());
      if (name.isPresent()) {
        counts.glossed++;
        out.word(name.get().english());
        return;
      }
    }
    counts.names++;
    out.word(Romanizer.isLatin(w) ? w : Romanizer.romanize(w, lang, true));
  }

  private static void emit(EnglishLine out, String english) {
    if (english.isEmpty()) return;
    if (english.startsWith("'")) out.attach(english); else out.word(english);
  }

  /**
   * A German compound the dictionary lacks, as its parts: {@code Friedensgesprächen} →
   * {@code Frieden(s)} + {@code Gesprächen} → "peace talks". The head (the last part) is looked
   * up with its word forms; a linking {@code s}, {@code es}, {@code n} or {@code en} may join them.
   */
  private static boolean compound(String w, FreeDict.Dictionary dict, EnglishLine out) {
    String lower = w.toLowerCase(Locale.ROOT);
    if (lower.length() < 8) return false;
    for (int cut = lower.length() - 4; cut >= 4; cut--) {
      String head = lower.substring(cut);
      Optional<String> headGloss = Optional.empty();
      for (WordForms.Form f : WordForms.candidates(head, "de")) {
        headGloss = dict.gloss(f.word());
        if (headGloss.isPresent()) break;
      }
      if (headGloss.isEmpty()) continue;
      String first = lower.substring(0, cut);
      for (String m : new String[] {first, strip(first, "s"), strip(first, "es"), strip(first, "n"), strip(first, "en"), first + "e"}) {
        if (m.length() < 3) continue;
        Optional<String> g = dict.gloss(m);
        if (g.isPresent()) {
          out.word(g.get());
          out.word(headGloss.get());
          return true;
        }
      }
    }
    return false;
  }

  private static String strip(String s, String ending) {
    return s.endsWith(ending) ? s.substring(0, s.length() - ending.length()) : s;
  }

  /**
   * A run of Chinese characters and kana that no source knows whole, as the longest pieces that
   * the function words, CLDR or the dictionary know, left to right; a run in which only single
   * characters are known is a name (Japanese: read through the dictionary's kana, {@code 荒川} →
   * Arakawa). False when nothing in it is known.
   */
  private boolean segmentCjk(String w, String lang, FreeDict.@Nullable Dictionary dict, EnglishLine out, Counts counts) {
    List<String> pieces = new ArrayList<>();
    List<String> glosses = new ArrayList<>();
    FunctionWords fw = FunctionWords.of(lang);
    boolean longPiece = false;
    StringBuilder unknown = new StringBuilder();
    for (int p = 0; p < w.length(); ) {
      String found = null;
      String english = null;
      for (int len = Math.min(8, w.length() - p); len >= 1 && found == null; len--) {
        String piece = w.substring(p, p + len);
        Optional<CldrNames.Name> name = CldrNames.find(lang, piece);
        Optional<FunctionWords.Gloss> f = fw.find(piece);
        Optional<String> g = dict == null || isKana(piece) && len <= 2 ? Optional.empty() : dict.gloss(piece);
        if (name.isPresent()) english = name.get().english();
        else if (f.isPresent()) english = f.get().english();
        else if (g.isPresent()) english = g.get();
        if (english != null) found = piece;
      }
      if (found == null) {
        unknown.append(w.charAt(p));
        p++;
        continue;
      }
      if (!unknown.isEmpty()) {
        pieces.add(unknown.toString());
        glosses.add(null);
        unknown.setLength(0);
      }
      longPiece |= found.length() >= 2;
      pieces.add(found);
      glosses.add(english);
      p += found.length();
    }
    if (!unknown.isEmpty()) {
      pieces.add(unknown.toString());
      glosses.add(null);
    }
    boolean anyUnknown = glosses.stream().anyMatch(java.util.Objects::isNull);
    if (!longPiece && lang.equals("ja") && w.length() >= 2 && isHan(w) && dict != null) {
      counts.names++; // only single characters known: a name, read as the dictionary reads its characters
      out.word(readingOf(w, dict));
      return true;
    }
    if (glosses.stream().allMatch(java.util.Objects::isNull)) return false;
    if (isKatakana(w) && (anyUnknown || pieces.stream().anyMatch(p -> p.length() < 2))) return false; // one foreign word
    counts.glossed++;
    for (int k = 0; k < pieces.size(); k++) {
      String g = glosses.get(k);
      String piece = pieces.get(k);
      if (g != null) emit(out, g);
      else if (lang.equals("ja") && isHan(piece) && dict != null) out.word(readingOf(piece, dict));
      else if (!isHiragana(piece)) out.word(Romanizer.romanize(piece, lang, true));
    }
    return true;
  }

  /**
   * A Japanese name in Latin letters from the kana readings the dictionary gives its characters,
   * a character it does not read through Mandarin pinyin (the last resort).
   */
  private static String readingOf(String w, FreeDict.Dictionary dict) {
    StringBuilder latin = new StringBuilder();
    for (int i = 0; i < w.length(); ) {
      int cp = w.codePointAt(i);
      String c = new String(Character.toChars(cp));
      latin.append(Romanizer.romanize(dict.reading(c).orElse(c), "ja", false).replace(" ", ""));
      i += Character.charCount(cp);
    }
    return Romanizer.capitalise(latin.toString());
  }

  private static List<Tok> tokens(String s, String lang) {
    BreakIterator words = BreakIterator.getWordInstance(new ULocale(lang));
    words.setText(s);
    List<Tok> out = new ArrayList<>();
    int start = words.first();
    for (int end = words.next(); end != BreakIterator.DONE; start = end, end = words.next()) {
      String text = s.substring(start, end);
      int status = words.getRuleStatus();
      Tok.Type type;
      if (status >= BreakIterator.WORD_NUMBER && status < BreakIterator.WORD_NUMBER_LIMIT) type = Tok.Type.NUMBER;
      else if (status >= BreakIterator.WORD_LETTER) type = Tok.Type.WORD;
      else if (text.isBlank()) type = Tok.Type.SPACE;
      else if (text.codePoints().anyMatch(Character::isLetter)) type = Tok.Type.WORD;
      else type = Tok.Type.PUNCT;
      out.add(new Tok(start, end, text, type));
    }
    return out;
  }

  private static boolean isJoiner(String punct) {
    return punct.equals("-") || punct.equals("'") || punct.equals(".") || punct.equals("・");
  }

  private static boolean spaceAt(String s, int i) {
    return i < 0 || i >= s.length() || Character.isWhitespace(s.charAt(i));
  }

  private static boolean isCjk(String lang) {
    return lang.equals("ja") || lang.equals("zh");
  }

  private static boolean isKana(String s) {
    return !s.isEmpty() && s.codePoints().allMatch(c -> {
      int sc = UScript.getScript(c);
      return sc == UScript.HIRAGANA || sc == UScript.KATAKANA || c == 'ー';
    });
  }

  private static boolean isHiragana(String s) {
    return !s.isEmpty() && s.codePoints().allMatch(c -> UScript.getScript(c) == UScript.HIRAGANA || c == 'ー');
  }

  private static boolean isKatakana(String s) {
    return !s.isEmpty() && s.codePoints().allMatch(c -> UScript.getScript(c) == UScript.KATAKANA || c == 'ー');
  }

  private static boolean isHan(String s) {
    return s.codePoints().allMatch(c -> UScript.getScript(c) == UScript.HAN);
  }

  /** Whether the text's script has capitals (Latin, Cyrillic, Greek…), judged by its first letter. */
  private static boolean hasCase(String s) {
    for (int i = 0; i < s.length(); ) {
      int c = s.codePointAt(i);
      if (Character.isLetter(c)) return Character.isUpperCase(c) || Character.isLowerCase(c);
      i += Character.charCount(c);
    }
    return false;
  }

  private static boolean startsUpper(String s) {
    for (int i = 0; i < s.length(); ) {
      int c = s.codePointAt(i);
      if (Character.isLetter(c)) return Character.isUpperCase(c);
      i += Character.charCount(c);
    }
    return false;
  }

  /** The language of a text from its script, when no one said: empty for Latin letters (many languages). */
  static String guessLanguage(String text) {
    boolean kana = false;
    int cyrillic = 0;
    boolean ukrainian = false;
    int han = 0;
    int other = UScript.COMMON;
    for (int i = 0; i < text.length(); ) {
      int c = text.codePointAt(i);
      i += Character.charCount(c);
      int sc = UScript.getScript(c);
      switch (sc) {
        case UScript.HIRAGANA, UScript.KATAKANA -> kana = true;
        case UScript.HAN -> han++;
        case UScript.CYRILLIC -> {
          cyrillic++;
          if ("іїєґІЇЄҐ".indexOf(c) >= 0) ukrainian = true;
        }
        case UScript.COMMON, UScript.INHERITED, UScript.LATIN -> { }
        default -> {
          if (other == UScript.COMMON) other = sc;
        }
      }
    }
    if (kana) return "ja";
    if (han > 0) return "zh";
    if (cyrillic > 0) return ukrainian ? "uk" : "ru";
    return switch (other) {
      case UScript.ARABIC -> "ar";
      case UScript.GREEK -> "el";
      case UScript.HEBREW -> "he";
      case UScript.HANGUL -> "ko";
      case UScript.THAI -> "th";
      case UScript.DEVANAGARI -> "hi";
      default -> "";
    };
  }

  @Override
  public void close() {
    dictionaries.close();
  }
}
