-- The 回收站 is the only reader of this index and always asks for deleted_at IS NOT NULL. Over every row it also
-- offered the planner `deleted_at IS NULL` as a seemingly selective equality matching all live rows, so list
-- pages sorted 50,000 rows instead of reading the first 50 from a sort index.
DROP INDEX `enterprises_deleted_at`;--> statement-breakpoint
CREATE INDEX `enterprises_deleted_at` ON `enterprises` (`deleted_at`) WHERE deleted_at IS NOT NULL;