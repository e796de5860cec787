-- The world map, country pages and blindspots count a recent window of articles by story and
-- country; the sources page lists a source's latest articles. Both read the narrow story_members
-- table by these indexes instead of scanning it.
CREATE INDEX story_members_published ON story_members (published);
CREATE INDEX story_members_source ON story_members (source, published);
