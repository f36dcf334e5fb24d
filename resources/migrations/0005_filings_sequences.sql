CREATE TABLE `filing_status_changes` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`filing_id` integer NOT NULL,
	`action` text NOT NULL,
	`from_status` text,
	`to_status` text NOT NULL,
	`remark` text,
	`created_at` text NOT NULL,
	`created_by` text NOT NULL,
	FOREIGN KEY (`filing_id`) REFERENCES `filings`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `filing_status_changes_filing` ON `filing_status_changes` (`filing_id`,`id`);--> statement-breakpoint
CREATE TABLE `filing_tanks` (
	`filing_id` integer NOT NULL,
	`tank_id` integer NOT NULL,
	PRIMARY KEY(`filing_id`, `tank_id`),
	FOREIGN KEY (`filing_id`) REFERENCES `filings`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`tank_id`) REFERENCES `tanks`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `filing_tanks_tank` ON `filing_tanks` (`tank_id`);--> statement-breakpoint
CREATE TABLE `filings` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`number` text NOT NULL,
	`enterprise_id` integer NOT NULL,
	`kind` text NOT NULL,
	`grade` text,
	`height_m` real,
	`height_class` text,
	`load_t` real,
	`place` text NOT NULL,
	`content` text NOT NULL,
	`planned_start` text NOT NULL,
	`planned_end` text NOT NULL,
	`contractor` text,
	`contractor_qualification` text,
	`leader_name` text NOT NULL,
	`leader_phone` text,
	`guardian_name` text NOT NULL,
	`workers` text DEFAULT '[]' NOT NULL,
	`risk_identification` text,
	`measures` text,
	`documents` text DEFAULT '[]' NOT NULL,
	`status` text NOT NULL,
	`warnings` text DEFAULT '[]' NOT NULL,
	`warning_reason` text,
	`site_check_on` text,
	`site_check_inspectors` text,
	`site_check_passed` integer,
	`site_check_remark` text,
	`closing_reason` text,
	`actual_start` text,
	`actual_end` text,
	`completion_remark` text,
	`created_by` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`deleted_at` text,
	FOREIGN KEY (`enterprise_id`) REFERENCES `enterprises`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `filings_number` ON `filings` (`number`);--> statement-breakpoint
CREATE INDEX `filings_planned_end_live` ON `filings` (`planned_end`) WHERE deleted_at IS NULL;--> statement-breakpoint
CREATE INDEX `filings_planned_start_live` ON `filings` (`planned_start`) WHERE deleted_at IS NULL;--> statement-breakpoint
CREATE INDEX `filings_enterprise_live` ON `filings` (`enterprise_id`,`planned_start`) WHERE deleted_at IS NULL;--> statement-breakpoint
CREATE INDEX `filings_status_live` ON `filings` (`status`,`planned_end`) WHERE deleted_at IS NULL;--> statement-breakpoint
CREATE TABLE `sequences` (
	`series` text NOT NULL,
	`year` integer NOT NULL,
	`last` integer NOT NULL,
	PRIMARY KEY(`series`, `year`)
);
