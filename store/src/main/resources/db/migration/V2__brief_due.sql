-- A story is due for a (new) briefing from the moment it gains an article until its briefing is
-- saved; the flag is durable, so stories changed just before a crash are briefed after restart.
ALTER TABLE stories ADD COLUMN brief_due BOOLEAN DEFAULT TRUE NOT NULL;
CREATE INDEX stories_brief_due ON stories (brief_due);
