DROP INDEX `hazards_found_live`;--> statement-breakpoint
DROP INDEX `hazards_status_live`;--> statement-breakpoint
DROP INDEX `hazards_enterprise_live`;--> statement-breakpoint
DROP INDEX `hazards_idle_site_live`;--> statement-breakpoint
CREATE INDEX `hazards_target_live` ON `hazards` (CASE WHEN enterprise_id IS NULL THEN -idle_site_id ELSE enterprise_id END,`found_on`,`status`,`level`,`deadline`,`deleted_at`) WHERE deleted_at IS NULL;--> statement-breakpoint
CREATE INDEX `hazards_source_live` ON `hazards` (`source`,`found_on`,`deleted_at`) WHERE deleted_at IS NULL;--> statement-breakpoint
CREATE INDEX `hazards_found_live` ON `hazards` (`found_on`,`status`,`level`,`deadline`,`deleted_at`) WHERE deleted_at IS NULL;--> statement-breakpoint
CREATE INDEX `hazards_status_live` ON `hazards` (`status`,`found_on`,`deadline`,`level`,`deleted_at`) WHERE deleted_at IS NULL;--> statement-breakpoint
CREATE INDEX `hazards_enterprise_live` ON `hazards` (`enterprise_id`,`found_on`,`status`,`level`,`deadline`,`deleted_at`) WHERE deleted_at IS NULL;--> statement-breakpoint
CREATE INDEX `hazards_idle_site_live` ON `hazards` (`idle_site_id`,`deleted_at`) WHERE deleted_at IS NULL;--> statement-breakpoint
DROP INDEX `inspections_on_live`;--> statement-breakpoint
CREATE INDEX `inspections_on_live` ON `inspections` (`inspected_on`,`enterprise_id`,`idle_site_id`,`deleted_at`) WHERE deleted_at IS NULL;