-- Stories merged into another (grouping found they report one event): the old id keeps leading to
-- the story that took its articles, so links and feeds never break.
CREATE TABLE story_aliases (
  id           VARCHAR PRIMARY KEY,
  target       VARCHAR NOT NULL,
  merged_at    TIMESTAMP WITH TIME ZONE NOT NULL
);
