-- Full-text search over hazards for queries of 3+ characters (trigram tokenizer, as enterprises_fts): 编号, 部位 and
-- 描述. External content: the index stores no copy of the text. Existing rows are indexed once by 'rebuild'.
CREATE VIRTUAL TABLE `hazards_fts` USING fts5(
	number, place, description,
	content='hazards', content_rowid='id', tokenize='trigram'
);
--> statement-breakpoint
INSERT INTO hazards_fts(hazards_fts) VALUES ('rebuild');
--> statement-breakpoint
CREATE TRIGGER `hazards_fts_insert` AFTER INSERT ON `hazards` BEGIN
	INSERT INTO hazards_fts(rowid, number, place, description) VALUES (new.id, new.number, new.place, new.description);
END;
--> statement-breakpoint
CREATE TRIGGER `hazards_fts_delete` AFTER DELETE ON `hazards` BEGIN
	INSERT INTO hazards_fts(hazards_fts, rowid, number, place, description) VALUES ('delete', old.id, old.number, old.place, old.description);
END;
--> statement-breakpoint
CREATE TRIGGER `hazards_fts_update` AFTER UPDATE OF number, place, description ON `hazards` BEGIN
	INSERT INTO hazards_fts(hazards_fts, rowid, number, place, description) VALUES ('delete', old.id, old.number, old.place, old.description);
	INSERT INTO hazards_fts(rowid, number, place, description) VALUES (new.id, new.number, new.place, new.description);
END;
