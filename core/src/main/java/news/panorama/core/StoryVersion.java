package news.panorama.core;

import java.util.List;

/**
 * One version of a story's briefing, kept each time the briefing changes, with what changed since
 * the version before, so a reader can follow a story ("what changed since yesterday").
 *
 * @param version 1 for the first briefing, then counting up
 * @param newSources outlets cited for the first time in this version
 * @param added overview bullets this version says and the one before did not
 * @param dropped overview bullets of the version before that this one no longer says
 */
public record StoryVersion(String storyId, int version, Briefing briefing, List<String> newSources,
    List<String> added, List<String> dropped) {
  public StoryVersion {
    newSources = List.copyOf(newSources);
    added = List.copyOf(added);
    dropped = List.copyOf(dropped);
  }
}
