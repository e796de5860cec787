package news.panorama.translate;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.MVStoreException;

/**
 * Translations already paid for, on disk (an H2 MVStore file, by default
 * {@code <data.dir>/translations.mv.db}), keyed by the SHA-256 of backend, language pair and text:
 * the same text is never sent to the same backend twice, across runs. One process opens the file
 * at a time. Thread-safe; close it to write the last entries (they are also written about every
 * second).
 */
public final class TranslationCache implements AutoCloseable {
  /** The file's name in the data folder. */
  public static final String FILE_NAME = "translations.mv.db";

  /** What the cache holds for a key: the source language (detected when it was unknown) and the translation. */
  public record Entry(String sourceLanguage, String text) {}

  private final MVStore store;
  private final MVMap<String, String> map;
  private final Path file;
  private final AtomicLong hits = new AtomicLong();
  private final AtomicLong misses = new AtomicLong();

  private TranslationCache(MVStore store, Path file) {
    this.store = store;
    this.map = store.openMap("translations");
    this.file = file;
  }

  /** The cache in {@code <dataDir>/translations.mv.db}, created when missing. */
  public static TranslationCache inDataDir(Path dataDir) {
    return open(dataDir.resolve(FILE_NAME));
  }

  /**
   * @throws IllegalStateException when the file cannot be opened, for example because another
   *     Panorama process has it open
   */
  public static TranslationCache open(Path file) {
    try {
      Path parent = file.toAbsolutePath().getParent();
      if (parent != null) Files.createDirectories(parent);
      return new TranslationCache(new MVStore.Builder().fileName(file.toString()).compress().open(), file);
    } catch (MVStoreException | java.io.IOException e) {
      String why = e.getMessage() != null && e.getMessage().contains("locked")
          ? "another Panorama process has it open (stop it, or use another data folder with --data)"
          : e.getMessage();
      throw new IllegalStateException("cannot open the translation cache " + file + ": " + why, e);
    }
  }

  /** The key of a text: hex SHA-256 of backend, source and target language and text, separated by NUL. */
  static String key(String backend, String sourceLanguage, String targetLanguage, String text) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      for (String part : new String[] {backend, sourceLanguage, targetLanguage}) {
        sha.update(part.getBytes(StandardCharsets.UTF_8));
        sha.update((byte) 0);
      }
      return HexFormat.of().formatHex(sha.digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("this JVM has no SHA-256", e);
    }
  }

  public Optional<Entry> get(String backend, String sourceLanguage, String targetLanguage, String text) {
    String v = map.get(key(backend, sourceLanguage, targetLanguage, text));
    if (v == null) {
      misses.incrementAndGet();
      return Optional.empty();
    }
    hits.incrementAndGet();
    int nul = v.indexOf('\0');
    return Optional.of(new Entry(v.substring(0, nul), v.substring(nul + 1)));
  }

  public void put(String backend, String sourceLanguage, String targetLanguage, String text, Entry entry) {
    map.put(key(backend, sourceLanguage, targetLanguage, text), entry.sourceLanguage() + '\0' + entry.text());
  }

  /** Translations held. */
  public long size() {
    return map.sizeAsLong();
  }

  /** Look-ups answered from the cache since it was opened. */
  public long hits() {
    return hits.get();
  }

  /** Look-ups the cache could not answer since it was opened. */
  public long misses() {
    return misses.get();
  }

  public Path file() {
    return file;
  }

  @Override
  public void close() {
    if (!store.isClosed()) store.close();
  }
}
