-- Hazard search by character pairs (see src/backend/db/bigramSearch.ts), replacing the trigram index of 0009 so
-- that two-character queries (灭火, 消防) are answered from an index too. Contentless, and holding live hazards
-- only: a search's count is the index's own count, without reading the hazards table.
DROP TRIGGER `hazards_fts_insert`;
--> statement-breakpoint
DROP TRIGGER `hazards_fts_delete`;
--> statement-breakpoint
DROP TRIGGER `hazards_fts_update`;
--> statement-breakpoint
DROP TABLE `hazards_fts`;
--> statement-breakpoint
CREATE VIRTUAL TABLE `hazards_search` USING fts5(
	pairs,
	content='', contentless_delete=1, tokenize='unicode61'
);
--> statement-breakpoint
INSERT INTO hazards_search(rowid, pairs) SELECT id, search_bigrams(number, place, description) FROM hazards WHERE deleted_at IS NULL;
--> statement-breakpoint
CREATE TRIGGER `hazards_search_insert` AFTER INSERT ON `hazards` WHEN new.deleted_at IS NULL BEGIN
	INSERT INTO hazards_search(rowid, pairs) VALUES (new.id, search_bigrams(new.number, new.place, new.description));
END;
--> statement-breakpoint
CREATE TRIGGER `hazards_search_delete` AFTER DELETE ON `hazards` BEGIN
	DELETE FROM hazards_search WHERE rowid = old.id;
END;
--> statement-breakpoint
CREATE TRIGGER `hazards_search_update` AFTER UPDATE OF number, place, description, deleted_at ON `hazards` BEGIN
	DELETE FROM hazards_search WHERE rowid = old.id;
	INSERT INTO hazards_search(rowid, pairs) SELECT new.id, search_bigrams(new.number, new.place, new.description) WHERE new.deleted_at IS NULL;
END;
