package news.panorama.translate;

import com.ibm.icu.util.ULocale;
import java.util.List;
import news.panorama.core.Translation;
import news.panorama.core.Translator;

/**
 * Translation by a language model behind an OpenAI-compatible chat endpoint: one system message
 * saying what to do (translate, keep names, numbers and dates, reply with the translation alone),
 * the text as the user message. Thread-safe.
 */
final class ChatTranslator implements Translator {
  private final ChatCompletions chat;

  ChatTranslator(ChatCompletions chat) {
    this.chat = chat;
  }

  @Override
  public String backend() {
    return chat.backend();
  }

  @Override
  public Translation translate(String text, String sourceLanguage, String targetLanguage) {
    if (sourceLanguage.equals(targetLanguage) || text.isBlank()) return Translation.original(text, targetLanguage, backend());
    String reply = chat.complete(List.of(ChatCompletions.Message.system(instruction(sourceLanguage, targetLanguage)),
        ChatCompletions.Message.user(text)));
    return new Translation(reply, sourceLanguage, targetLanguage, backend(), Translation.Kind.TRANSLATION);
  }

  static String instruction(String sourceLanguage, String targetLanguage) {
    String from = sourceLanguage.isEmpty() ? "the language it is written in"
        : new ULocale(sourceLanguage).getDisplayLanguage(ULocale.ENGLISH);
    String to = new ULocale(targetLanguage).getDisplayLanguage(ULocale.ENGLISH);
    return "Translate the news text the user sends from " + from + " into " + to + ". Keep every name, number, "
        + "date and quotation, and the paragraph breaks. Reply with the translation alone: no notes, no quotation "
        + "marks around it, no explanation.";
  }
}
