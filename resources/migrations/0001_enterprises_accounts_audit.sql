CREATE TABLE `attachments` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`entity` text NOT NULL,
	`entity_id` integer NOT NULL,
	`file_name` text NOT NULL,
	`mime_type` text NOT NULL,
	`size` integer NOT NULL,
	`sha256` text NOT NULL,
	`created_at` text NOT NULL,
	`created_by` text NOT NULL,
	`updated_at` text NOT NULL,
	`deleted_at` text
);
--> statement-breakpoint
CREATE INDEX `attachments_owner` ON `attachments` (`entity`,`entity_id`);--> statement-breakpoint
CREATE INDEX `attachments_sha` ON `attachments` (`sha256`);--> statement-breakpoint
CREATE TABLE `audit_log` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`at` text NOT NULL,
	`user_id` integer,
	`user_name` text NOT NULL,
	`action` text NOT NULL,
	`entity` text NOT NULL,
	`entity_id` integer NOT NULL,
	`entity_title` text NOT NULL,
	`changes` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `audit_record` ON `audit_log` (`entity`,`entity_id`,`id`);--> statement-breakpoint
CREATE INDEX `audit_at` ON `audit_log` (`at`);--> statement-breakpoint
CREATE TABLE `enterprises` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`uscc` text NOT NULL,
	`address` text,
	`village_id` integer NOT NULL,
	`industry` text NOT NULL,
	`supervising_dept` text,
	`risk_level` text NOT NULL,
	`key_supervised` integer DEFAULT false NOT NULL,
	`standardization` text NOT NULL,
	`major_hazard` integer DEFAULT false NOT NULL,
	`principal_name` text,
	`principal_phone` text,
	`safety_manager_name` text,
	`safety_manager_phone` text,
	`employees` integer,
	`status` text NOT NULL,
	`grid_worker_id` integer,
	`longitude` real,
	`latitude` real,
	`notes` text,
	`name_initials` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`deleted_at` text,
	FOREIGN KEY (`village_id`) REFERENCES `villages`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`grid_worker_id`) REFERENCES `grid_workers`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `enterprises_uscc_live` ON `enterprises` (`uscc`) WHERE deleted_at IS NULL;--> statement-breakpoint
CREATE INDEX `enterprises_name_live` ON `enterprises` (`name`) WHERE deleted_at IS NULL;--> statement-breakpoint
CREATE INDEX `enterprises_updated_live` ON `enterprises` (`updated_at`) WHERE deleted_at IS NULL;--> statement-breakpoint
CREATE INDEX `enterprises_village_live` ON `enterprises` (`village_id`,`risk_level`) WHERE deleted_at IS NULL;--> statement-breakpoint
CREATE INDEX `enterprises_risk_live` ON `enterprises` (`risk_level`,`name`) WHERE deleted_at IS NULL;--> statement-breakpoint
CREATE INDEX `enterprises_industry_live` ON `enterprises` (`industry`) WHERE deleted_at IS NULL;--> statement-breakpoint
CREATE INDEX `enterprises_status_live` ON `enterprises` (`status`) WHERE deleted_at IS NULL;--> statement-breakpoint
CREATE INDEX `enterprises_grid_worker` ON `enterprises` (`grid_worker_id`);--> statement-breakpoint
CREATE INDEX `enterprises_deleted_at` ON `enterprises` (`deleted_at`);--> statement-breakpoint
CREATE TABLE `grid_worker_villages` (
	`grid_worker_id` integer NOT NULL,
	`village_id` integer NOT NULL,
	PRIMARY KEY(`grid_worker_id`, `village_id`),
	FOREIGN KEY (`grid_worker_id`) REFERENCES `grid_workers`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`village_id`) REFERENCES `villages`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `grid_worker_villages_village` ON `grid_worker_villages` (`village_id`);--> statement-breakpoint
CREATE TABLE `grid_workers` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`kind` text NOT NULL,
	`phone` text,
	`notes` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`deleted_at` text
);
--> statement-breakpoint
CREATE INDEX `grid_workers_name_live` ON `grid_workers` (`name`) WHERE deleted_at IS NULL;--> statement-breakpoint
CREATE TABLE `sessions` (
	`token_hash` text PRIMARY KEY NOT NULL,
	`user_id` integer NOT NULL,
	`created_at` text NOT NULL,
	`last_seen_at` text NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `sessions_user` ON `sessions` (`user_id`);--> statement-breakpoint
CREATE TABLE `users` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`username` text NOT NULL,
	`display_name` text NOT NULL,
	`role` text NOT NULL,
	`password_hash` text NOT NULL,
	`disabled` integer DEFAULT false NOT NULL,
	`failed_logins` integer DEFAULT 0 NOT NULL,
	`locked_until` text,
	`last_login_at` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `users_username` ON `users` (`username`);