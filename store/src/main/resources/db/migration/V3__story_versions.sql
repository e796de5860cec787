-- Every version of a story's briefing, with what changed since the version before.
CREATE TABLE story_versions (
  story_id      VARCHAR NOT NULL REFERENCES stories (id),
  version       INTEGER NOT NULL,
  generated_at  TIMESTAMP WITH TIME ZONE NOT NULL,
  body          VARCHAR NOT NULL,                  -- JSON of the Briefing
  new_sources   VARCHAR NOT NULL,                  -- JSON arrays of outlet names and bullet texts
  added         VARCHAR NOT NULL,
  dropped       VARCHAR NOT NULL,
  PRIMARY KEY (story_id, version)
);
