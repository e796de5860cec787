-- Revisions: an article is identified by its id or URL, and its content by a hash of its title, text
-- and publication time (Article.contentHash). The same input stored again changes nothing; an edited
-- one replaces the row's content, and the content it replaced is kept here, numbered from 1.
-- content_hash is NULL only until V8 has computed it for the rows stored before.
ALTER TABLE articles ADD COLUMN content_hash VARCHAR;

CREATE TABLE article_revisions (
  article_id    VARCHAR NOT NULL,
  revision      INTEGER NOT NULL,
  content_hash  VARCHAR NOT NULL,
  title         VARCHAR NOT NULL,
  text          VARCHAR NOT NULL,                  -- empty once retention dropped it
  published     TIMESTAMP WITH TIME ZONE,
  saved_at      TIMESTAMP WITH TIME ZONE NOT NULL, -- when this content was stored
  PRIMARY KEY (article_id, revision)
);

-- Retention (store.full-text-days): articles whose full text was dropped keep their row, title and
-- story. Indexed with the publication time, so that each run finds the articles still to drop
-- without reading those dropped before.
ALTER TABLE articles ADD COLUMN text_dropped BOOLEAN DEFAULT FALSE NOT NULL;
CREATE INDEX articles_text_dropped ON articles (text_dropped, published);
