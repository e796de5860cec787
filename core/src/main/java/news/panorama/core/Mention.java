package news.panorama.core;

/**
 * A span of text that names something: a person, organization, place, date or number.
 *
 * @param entity the key of the {@link Entity} this mention was merged into
 */
public record Mention(String text, String type, int start, int end, int sentence, String entity) {}
