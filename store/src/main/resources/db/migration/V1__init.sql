-- Panorama's schema: articles, the stories they are grouped into, and one briefing per story.
-- Standard SQL only, so that the same migration runs on H2 (the default) and on PostgreSQL.
-- Text columns are unbounded VARCHAR; lengths are checked by JdbcStore with a clear message.

CREATE TABLE articles (
  id         VARCHAR PRIMARY KEY,
  seq        BIGINT GENERATED ALWAYS AS IDENTITY,  -- insertion order, the tie-breaker of every listing
  url        VARCHAR UNIQUE,                       -- NULL when the article has none
  source     VARCHAR NOT NULL,
  country    VARCHAR NOT NULL,                     -- ISO 3166-1 alpha-2, empty when unknown
  language   VARCHAR NOT NULL,                     -- the detected language (Annotated.language)
  published  TIMESTAMP WITH TIME ZONE,             -- NULL when undated
  title      VARCHAR NOT NULL,
  text       VARCHAR NOT NULL,
  authors    VARCHAR NOT NULL,                     -- JSON array of strings
  image      VARCHAR,
  story_id   VARCHAR NOT NULL,
  annotated  VARCHAR NOT NULL,                     -- JSON of the Annotated record, article included
  added_at   TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE INDEX articles_story ON articles (story_id);
CREATE INDEX articles_published ON articles (published, seq);

CREATE TABLE stories (
  id               VARCHAR PRIMARY KEY,
  headline         VARCHAR NOT NULL,
  first_published  TIMESTAMP WITH TIME ZONE,       -- NULL when none of its articles is dated
  last_published   TIMESTAMP WITH TIME ZONE,
  article_count    INTEGER NOT NULL,
  source_count     INTEGER NOT NULL,
  country_count    INTEGER NOT NULL,
  sources          VARCHAR NOT NULL,               -- JSON arrays, in order of first publication
  countries        VARCHAR NOT NULL,
  languages        VARCHAR NOT NULL,
  updated_at       TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE briefings (
  story_id      VARCHAR PRIMARY KEY REFERENCES stories (id),
  body          VARCHAR NOT NULL,                  -- JSON of the Briefing record
  generated_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
