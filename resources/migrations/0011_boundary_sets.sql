CREATE TABLE `boundary_features` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`set_id` integer NOT NULL,
	`village_id` integer,
	`feature_name` text NOT NULL,
	`geometry_json` text NOT NULL,
	`min_lng` real NOT NULL,
	`min_lat` real NOT NULL,
	`max_lng` real NOT NULL,
	`max_lat` real NOT NULL,
	FOREIGN KEY (`set_id`) REFERENCES `boundary_sets`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`village_id`) REFERENCES `villages`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `boundary_features_set` ON `boundary_features` (`set_id`,`id`);--> statement-breakpoint
CREATE INDEX `boundary_features_village` ON `boundary_features` (`village_id`);--> statement-breakpoint
CREATE TABLE `boundary_sets` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`source_datum` text NOT NULL,
	`name_property` text NOT NULL,
	`feature_count` integer NOT NULL,
	`is_current` integer DEFAULT false NOT NULL,
	`created_at` text NOT NULL,
	`created_by` text NOT NULL,
	`deleted_at` text,
	CONSTRAINT "boundary_sets_is_current" CHECK(is_current IN (0, 1))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `boundary_sets_one_current` ON `boundary_sets` (`is_current`) WHERE is_current = 1;--> statement-breakpoint
CREATE INDEX `boundary_sets_live` ON `boundary_sets` (`created_at`) WHERE deleted_at IS NULL;