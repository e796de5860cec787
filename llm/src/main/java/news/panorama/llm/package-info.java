/**
 * Optional abstractive rewriting of briefings through an OpenAI-compatible chat endpoint, off by
 * default ({@code brief.rewrite}). A rewritten headline or bullet is kept only when it passes the
 * briefing stage's faithfulness check against the sentences it cites; otherwise the extractive one
 * stays. Citations never change.
 */
@NullMarked
package news.panorama.llm;

import org.jspecify.annotations.NullMarked;
