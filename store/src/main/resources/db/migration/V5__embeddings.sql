-- Each article's sentence embedding, so that grouping gets its vectors back after a restart and the
-- search index can be rebuilt with them: the model's name and the vector as Base64 of little-endian
-- 32-bit floats (portable across H2 and PostgreSQL, which share no binary column type). NULL when the
-- article was not embedded (no model configured, or a language the model does not read).
ALTER TABLE articles ADD COLUMN embedding_model VARCHAR;
ALTER TABLE articles ADD COLUMN embedding VARCHAR;
