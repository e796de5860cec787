-- The few columns of each article that a story's row is computed from, in a narrow table: refreshing
-- a story used to read its articles' rows, which carry the whole text, annotations and embedding, so
-- storing slowed down sharply once the database outgrew its cache.
CREATE TABLE story_members (
  article_id  VARCHAR PRIMARY KEY,
  story_id    VARCHAR NOT NULL,
  seq         BIGINT NOT NULL,
  published   TIMESTAMP WITH TIME ZONE,
  source      VARCHAR NOT NULL,
  country     VARCHAR NOT NULL,
  language    VARCHAR NOT NULL,
  title       VARCHAR NOT NULL
);

CREATE INDEX story_members_story ON story_members (story_id);

INSERT INTO story_members (article_id, story_id, seq, published, source, country, language, title)
  SELECT id, story_id, seq, published, source, country, language, title FROM articles;

-- Followers (the search index) read the articles added after a position: by index, not by a scan.
CREATE INDEX articles_seq ON articles (seq);
