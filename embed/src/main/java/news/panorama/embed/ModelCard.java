package news.panorama.embed;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import news.panorama.core.Validate;
import org.jspecify.annotations.Nullable;

/**
 * What Panorama knows about one embedding model before loading it: how to turn its output into a
 * sentence vector, which prefix it expects, how many tokens it reads, and where its bytes come from
 * (a jar on the class path, or files to pull from a base URL).
 *
 * @param name the name {@code embed.model} and {@code panorama models} use; also the folder name
 * @param source the upstream model and the ONNX export, for people
 * @param queryPrefix text put before every input by {@link news.panorama.core.Embedder#embed}: E5
 *     models are trained with "query: " for symmetric tasks (article against article) and
 *     "passage: " for documents retrieved by short queries; empty for models without prefixes
 * @param passagePrefix recorded for retrieval uses; not applied by {@code embed}
 * @param maxTokens tokens the model reads; longer inputs are cut before tokenizing
 * @param resource base name of {@code <resource>.onnx} and {@code <resource>-tokenizer.json} on
 *     the class path for models shipped in a jar, else null
 * @param baseUrl where {@link #files()} are downloaded from (a Hugging Face resolve URL pinned to a
 *     commit), else null
 */
public record ModelCard(
    String name,
    String source,
    String languages,
    String licence,
    Pooling pooling,
    String queryPrefix,
    String passagePrefix,
    int maxTokens,
    int dimensions,
    @Nullable String resource,
    @Nullable String baseUrl,
    List<ModelFile> files) {

  public ModelCard {
    Validate.isTrue(ModelStore.isSafeName(name), "model name '" + name + "' may hold only letters, digits, '.', '_' and '-'");
    Validate.isTrue(maxTokens > 0 && dimensions > 0, "model " + name + ": maxTokens and dimensions must be positive");
    Validate.isTrue((resource == null) != (baseUrl == null), "model " + name + " needs exactly one of a class-path resource and a base URL");
    files = List.copyOf(files);
  }

  /** Whether the model's files are downloaded by {@code panorama models pull}. */
  public boolean downloadable() {
    return baseUrl != null;
  }

  /** Whether the model ships in a jar and that jar is on the class path. */
  public boolean shipped() {
    return resource != null && ModelCard.class.getResource("/" + resource + ".onnx") != null
        && ModelCard.class.getResource("/" + resource + "-tokenizer.json") != null;
  }

  /**
   * The ISO 639-1 code of the model's one language when {@link #languages()} names a single language
   * in English ("English" → en), else empty: a multilingual model.
   */
  public Set<String> languageCodes() {
    for (String code : Locale.getISOLanguages()) {
      if (Locale.forLanguageTag(code).getDisplayLanguage(Locale.ENGLISH).equals(languages)) return Set.of(code);
    }
    return Set.of();
  }

  /** Bytes a pull downloads. */
  public long downloadBytes() {
    return files.stream().mapToLong(ModelFile::bytes).sum();
  }
}
