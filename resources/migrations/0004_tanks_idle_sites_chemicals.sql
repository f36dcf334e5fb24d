CREATE TABLE `chemicals` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`aliases` text,
	`cas` text,
	`hazard_class` text,
	`critical_quantity` real,
	`critical_quantity_ref` text,
	`beta` real,
	`beta_ref` text,
	`notes` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`deleted_at` text
);
--> statement-breakpoint
CREATE UNIQUE INDEX `chemicals_name_live` ON `chemicals` (`name`) WHERE deleted_at IS NULL;--> statement-breakpoint
CREATE TABLE `idle_site_inspections` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`idle_site_id` integer NOT NULL,
	`inspected_on` text NOT NULL,
	`inspectors` text NOT NULL,
	`finding` text NOT NULL,
	`disposal` text NOT NULL,
	`sealed` integer DEFAULT false NOT NULL,
	`sampled` integer DEFAULT false NOT NULL,
	`remark` text,
	`created_at` text NOT NULL,
	`created_by` text NOT NULL,
	FOREIGN KEY (`idle_site_id`) REFERENCES `idle_sites`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `idle_site_inspections_site` ON `idle_site_inspections` (`idle_site_id`,`inspected_on`);--> statement-breakpoint
CREATE TABLE `idle_sites` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`kind` text NOT NULL,
	`address` text,
	`village_id` integer NOT NULL,
	`owner_name` text,
	`owner_phone` text,
	`current_use` text,
	`finding` text NOT NULL,
	`disposal` text NOT NULL,
	`sealed` integer DEFAULT false NOT NULL,
	`sampled` integer DEFAULT false NOT NULL,
	`found_on` text NOT NULL,
	`disposed_on` text,
	`grid_worker_id` integer,
	`longitude` real,
	`latitude` real,
	`notes` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`deleted_at` text,
	FOREIGN KEY (`village_id`) REFERENCES `villages`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`grid_worker_id`) REFERENCES `grid_workers`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `idle_sites_village_live` ON `idle_sites` (`village_id`) WHERE deleted_at IS NULL;--> statement-breakpoint
CREATE INDEX `idle_sites_found_live` ON `idle_sites` (`found_on`) WHERE deleted_at IS NULL;--> statement-breakpoint
CREATE TABLE `tank_status_changes` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`tank_id` integer NOT NULL,
	`changed_on` text NOT NULL,
	`from_status` text,
	`to_status` text NOT NULL,
	`reason` text,
	`created_at` text NOT NULL,
	`created_by` text NOT NULL,
	FOREIGN KEY (`tank_id`) REFERENCES `tanks`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `tank_status_changes_tank` ON `tank_status_changes` (`tank_id`,`changed_on`);--> statement-breakpoint
CREATE TABLE `tanks` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`code` text NOT NULL,
	`enterprise_id` integer,
	`idle_site_id` integer,
	`tank_farm` text,
	`medium` text,
	`chemical_id` integer,
	`cas` text,
	`design_capacity_m3` real,
	`max_stored_t` real,
	`type` text NOT NULL,
	`material` text,
	`pressure_class` text NOT NULL,
	`status` text NOT NULL,
	`public_label` integer DEFAULT false NOT NULL,
	`responsible_name` text,
	`responsible_phone` text,
	`last_check_on` text,
	`registered_on` text NOT NULL,
	`longitude` real,
	`latitude` real,
	`notes` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`deleted_at` text,
	FOREIGN KEY (`enterprise_id`) REFERENCES `enterprises`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`idle_site_id`) REFERENCES `idle_sites`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`chemical_id`) REFERENCES `chemicals`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "tanks_one_owner" CHECK((enterprise_id IS NULL) <> (idle_site_id IS NULL))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `tanks_enterprise_code_live` ON `tanks` (`enterprise_id`,`code`) WHERE deleted_at IS NULL AND enterprise_id IS NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX `tanks_idle_site_code_live` ON `tanks` (`idle_site_id`,`code`) WHERE deleted_at IS NULL AND idle_site_id IS NOT NULL;--> statement-breakpoint
CREATE INDEX `tanks_status_live` ON `tanks` (`status`) WHERE deleted_at IS NULL;--> statement-breakpoint
CREATE INDEX `tanks_registered_live` ON `tanks` (`registered_on`) WHERE deleted_at IS NULL;