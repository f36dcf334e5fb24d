CREATE TABLE `hazard_events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`hazard_id` integer NOT NULL,
	`action` text NOT NULL,
	`from_status` text,
	`to_status` text NOT NULL,
	`on` text NOT NULL,
	`remark` text,
	`created_at` text NOT NULL,
	`created_by` text NOT NULL,
	FOREIGN KEY (`hazard_id`) REFERENCES `hazards`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `hazard_events_hazard` ON `hazard_events` (`hazard_id`,`id`);--> statement-breakpoint
CREATE TABLE `hazards` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`number` text NOT NULL,
	`inspection_id` integer,
	`enterprise_id` integer,
	`idle_site_id` integer,
	`source` text NOT NULL,
	`found_on` text NOT NULL,
	`place` text NOT NULL,
	`description` text NOT NULL,
	`level` text NOT NULL,
	`basis` text,
	`deadline` text NOT NULL,
	`status` text NOT NULL,
	`measures` text,
	`responsible_name` text,
	`responsible_phone` text,
	`funds_wan` real,
	`rectified_on` text,
	`rectification_note` text,
	`reinspected_on` text,
	`reinspector` text,
	`reinspection_passed` integer,
	`reinspection_note` text,
	`closed_on` text,
	`extensions` integer DEFAULT 0 NOT NULL,
	`order_id` integer,
	`plan_targets` text,
	`plan_methods` text,
	`plan_funds` text,
	`plan_organisation` text,
	`plan_timeline` text,
	`plan_safety` text,
	`listed_authority` text,
	`listed_doc_no` text,
	`listed_on` text,
	`assigned_unit` text,
	`assigned_deadline` text,
	`created_by` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`deleted_at` text,
	FOREIGN KEY (`inspection_id`) REFERENCES `inspections`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`enterprise_id`) REFERENCES `enterprises`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`idle_site_id`) REFERENCES `idle_sites`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`order_id`) REFERENCES `rectification_orders`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "hazards_one_target" CHECK((enterprise_id IS NULL) <> (idle_site_id IS NULL))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `hazards_number` ON `hazards` (`number`);--> statement-breakpoint
CREATE INDEX `hazards_found_live` ON `hazards` (`found_on`) WHERE deleted_at IS NULL;--> statement-breakpoint
CREATE INDEX `hazards_status_live` ON `hazards` (`status`,`deadline`) WHERE deleted_at IS NULL;--> statement-breakpoint
CREATE INDEX `hazards_enterprise_live` ON `hazards` (`enterprise_id`,`found_on`) WHERE deleted_at IS NULL;--> statement-breakpoint
CREATE INDEX `hazards_idle_site_live` ON `hazards` (`idle_site_id`) WHERE deleted_at IS NULL;--> statement-breakpoint
CREATE INDEX `hazards_inspection` ON `hazards` (`inspection_id`);--> statement-breakpoint
CREATE INDEX `hazards_order` ON `hazards` (`order_id`);--> statement-breakpoint
CREATE INDEX `hazards_level_live` ON `hazards` (`level`,`found_on`) WHERE deleted_at IS NULL;--> statement-breakpoint
CREATE TABLE `inspections` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`enterprise_id` integer,
	`idle_site_id` integer,
	`inspected_on` text NOT NULL,
	`kind` text NOT NULL,
	`inspectors` text NOT NULL,
	`items` text,
	`notes` text,
	`created_by` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`deleted_at` text,
	FOREIGN KEY (`enterprise_id`) REFERENCES `enterprises`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`idle_site_id`) REFERENCES `idle_sites`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "inspections_one_target" CHECK((enterprise_id IS NULL) <> (idle_site_id IS NULL))
);
--> statement-breakpoint
CREATE INDEX `inspections_on_live` ON `inspections` (`inspected_on`) WHERE deleted_at IS NULL;--> statement-breakpoint
CREATE INDEX `inspections_enterprise_live` ON `inspections` (`enterprise_id`,`inspected_on`) WHERE deleted_at IS NULL;--> statement-breakpoint
CREATE INDEX `inspections_idle_site_live` ON `inspections` (`idle_site_id`,`inspected_on`) WHERE deleted_at IS NULL;--> statement-breakpoint
CREATE TABLE `rectification_orders` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`number` text NOT NULL,
	`year` integer NOT NULL,
	`seq` integer NOT NULL,
	`enterprise_id` integer,
	`idle_site_id` integer,
	`inspection_id` integer,
	`issued_on` text NOT NULL,
	`deadline` text NOT NULL,
	`officers` text NOT NULL,
	`content` text,
	`reviewed_on` text,
	`review_opinion` text,
	`review_number` text,
	`created_by` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`deleted_at` text,
	FOREIGN KEY (`enterprise_id`) REFERENCES `enterprises`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`idle_site_id`) REFERENCES `idle_sites`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`inspection_id`) REFERENCES `inspections`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "orders_one_target" CHECK((enterprise_id IS NULL) <> (idle_site_id IS NULL))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `orders_number` ON `rectification_orders` (`number`);--> statement-breakpoint
CREATE UNIQUE INDEX `orders_year_seq` ON `rectification_orders` (`year`,`seq`);--> statement-breakpoint
CREATE INDEX `orders_issued_live` ON `rectification_orders` (`issued_on`) WHERE deleted_at IS NULL;--> statement-breakpoint
CREATE INDEX `orders_enterprise_live` ON `rectification_orders` (`enterprise_id`) WHERE deleted_at IS NULL;