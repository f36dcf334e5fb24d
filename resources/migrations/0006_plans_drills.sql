CREATE TABLE `drills` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`plan_id` integer,
	`owner_type` text NOT NULL,
	`enterprise_id` integer,
	`village_id` integer,
	`department` text,
	`name` text NOT NULL,
	`held_on` text NOT NULL,
	`scope` text NOT NULL,
	`form` text NOT NULL,
	`organiser` text NOT NULL,
	`place` text,
	`participants` integer NOT NULL,
	`fire_brigade` integer DEFAULT false NOT NULL,
	`summary` text,
	`evaluation` text,
	`created_by` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`deleted_at` text,
	FOREIGN KEY (`plan_id`) REFERENCES `emergency_plans`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`enterprise_id`) REFERENCES `enterprises`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`village_id`) REFERENCES `villages`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "drills_owner" CHECK((owner_type = 'town' AND enterprise_id IS NULL AND village_id IS NULL AND department IS NULL)
  OR (owner_type = 'department' AND enterprise_id IS NULL AND village_id IS NULL AND department IS NOT NULL)
  OR (owner_type = 'village' AND enterprise_id IS NULL AND village_id IS NOT NULL AND department IS NULL)
  OR (owner_type = 'enterprise' AND enterprise_id IS NOT NULL AND village_id IS NULL AND department IS NULL))
);
--> statement-breakpoint
CREATE INDEX `drills_held_live` ON `drills` (`held_on`) WHERE deleted_at IS NULL;--> statement-breakpoint
CREATE INDEX `drills_plan_live` ON `drills` (`plan_id`,`held_on`) WHERE deleted_at IS NULL;--> statement-breakpoint
CREATE INDEX `drills_enterprise_live` ON `drills` (`enterprise_id`,`held_on`) WHERE deleted_at IS NULL;--> statement-breakpoint
CREATE TABLE `emergency_plans` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`owner_type` text NOT NULL,
	`enterprise_id` integer,
	`village_id` integer,
	`department` text,
	`kind` text NOT NULL,
	`name` text NOT NULL,
	`status` text NOT NULL,
	`crowded_place` integer DEFAULT false NOT NULL,
	`current_version_id` integer NOT NULL,
	`last_evaluated_on` text,
	`evaluation_conclusion` text,
	`evaluation_note` text,
	`notes` text,
	`created_by` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`deleted_at` text,
	FOREIGN KEY (`enterprise_id`) REFERENCES `enterprises`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`village_id`) REFERENCES `villages`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "emergency_plans_owner" CHECK((owner_type = 'town' AND enterprise_id IS NULL AND village_id IS NULL AND department IS NULL)
  OR (owner_type = 'department' AND enterprise_id IS NULL AND village_id IS NULL AND department IS NOT NULL)
  OR (owner_type = 'village' AND enterprise_id IS NULL AND village_id IS NOT NULL AND department IS NULL)
  OR (owner_type = 'enterprise' AND enterprise_id IS NOT NULL AND village_id IS NULL AND department IS NULL))
);
--> statement-breakpoint
CREATE INDEX `emergency_plans_enterprise_live` ON `emergency_plans` (`enterprise_id`) WHERE deleted_at IS NULL;--> statement-breakpoint
CREATE INDEX `emergency_plans_village_live` ON `emergency_plans` (`village_id`) WHERE deleted_at IS NULL;--> statement-breakpoint
CREATE INDEX `emergency_plans_owner_live` ON `emergency_plans` (`owner_type`,`kind`) WHERE deleted_at IS NULL;--> statement-breakpoint
CREATE TABLE `plan_filings` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`plan_id` integer NOT NULL,
	`version_id` integer NOT NULL,
	`received_on` text NOT NULL,
	`submitter` text,
	`submitter_phone` text,
	`materials` text DEFAULT '[]' NOT NULL,
	`status` text NOT NULL,
	`checked_on` text,
	`checked_by` text,
	`number` text,
	`result_note` text,
	`created_by` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`deleted_at` text,
	FOREIGN KEY (`plan_id`) REFERENCES `emergency_plans`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`version_id`) REFERENCES `plan_versions`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `plan_filings_number` ON `plan_filings` (`number`);--> statement-breakpoint
CREATE INDEX `plan_filings_plan_live` ON `plan_filings` (`plan_id`) WHERE deleted_at IS NULL;--> statement-breakpoint
CREATE INDEX `plan_filings_received_live` ON `plan_filings` (`received_on`) WHERE deleted_at IS NULL;--> statement-breakpoint
CREATE TABLE `plan_versions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`plan_id` integer NOT NULL,
	`version` text NOT NULL,
	`doc_no` text,
	`issued_on` text NOT NULL,
	`review_kind` text,
	`review_on` text,
	`review_experts` integer,
	`review_result` text,
	`signatory` text,
	`filing_dept` text,
	`filing_on` text,
	`filing_number` text,
	`revision_trigger` text,
	`revision_note` text,
	`created_by` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`plan_id`) REFERENCES `emergency_plans`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `plan_versions_plan` ON `plan_versions` (`plan_id`,`id`);