-- Full-text search over enterprises for queries of 3+ characters (trigram tokenizer matches any substring,
-- which suits Chinese names without word segmentation). External content: the index stores no copy of the text.
CREATE VIRTUAL TABLE `enterprises_fts` USING fts5(
	name, uscc, address, principal_name,
	content='enterprises', content_rowid='id', tokenize='trigram'
);
--> statement-breakpoint
CREATE TRIGGER `enterprises_fts_insert` AFTER INSERT ON `enterprises` BEGIN
	INSERT INTO enterprises_fts(rowid, name, uscc, address, principal_name)
	VALUES (new.id, new.name, new.uscc, new.address, new.principal_name);
END;
--> statement-breakpoint
CREATE TRIGGER `enterprises_fts_delete` AFTER DELETE ON `enterprises` BEGIN
	INSERT INTO enterprises_fts(enterprises_fts, rowid, name, uscc, address, principal_name)
	VALUES ('delete', old.id, old.name, old.uscc, old.address, old.principal_name);
END;
--> statement-breakpoint
CREATE TRIGGER `enterprises_fts_update` AFTER UPDATE OF name, uscc, address, principal_name ON `enterprises` BEGIN
	INSERT INTO enterprises_fts(enterprises_fts, rowid, name, uscc, address, principal_name)
	VALUES ('delete', old.id, old.name, old.uscc, old.address, old.principal_name);
	INSERT INTO enterprises_fts(rowid, name, uscc, address, principal_name)
	VALUES (new.id, new.name, new.uscc, new.address, new.principal_name);
END;
--> statement-breakpoint
-- The audit trail is append-only: no code path, and no API, may rewrite or remove history.
CREATE TRIGGER `audit_log_no_update` BEFORE UPDATE ON `audit_log` BEGIN
	SELECT RAISE(ABORT, 'audit_log is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER `audit_log_no_delete` BEFORE DELETE ON `audit_log` BEGIN
	SELECT RAISE(ABORT, 'audit_log is append-only');
END;
