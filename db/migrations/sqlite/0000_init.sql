CREATE TABLE `behaviour_benefits` (
	`behaviour_id` integer NOT NULL,
	`benefit_id` integer NOT NULL,
	PRIMARY KEY(`behaviour_id`, `benefit_id`),
	FOREIGN KEY (`behaviour_id`) REFERENCES `behaviours`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`benefit_id`) REFERENCES `benefits`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `behaviour_enablers` (
	`behaviour_id` integer NOT NULL,
	`enabler_id` integer NOT NULL,
	PRIMARY KEY(`behaviour_id`, `enabler_id`),
	FOREIGN KEY (`behaviour_id`) REFERENCES `behaviours`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`enabler_id`) REFERENCES `enablers`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `behaviour_units` (
	`behaviour_id` integer NOT NULL,
	`unit_id` integer NOT NULL,
	PRIMARY KEY(`behaviour_id`, `unit_id`),
	FOREIGN KEY (`behaviour_id`) REFERENCES `behaviours`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`unit_id`) REFERENCES `units`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `behaviours` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`project_id` integer NOT NULL,
	`title` text NOT NULL,
	`description` text DEFAULT '' NOT NULL,
	`target_group` text DEFAULT '' NOT NULL,
	`situation` text DEFAULT '' NOT NULL,
	`expected_frequency` text DEFAULT '' NOT NULL,
	`old_behaviour` text DEFAULT '' NOT NULL,
	`is_primary` integer DEFAULT false NOT NULL,
	`sort_order` integer DEFAULT 0 NOT NULL,
	`archived_at` text,
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `benefit_goals` (
	`benefit_id` integer NOT NULL,
	`goal_id` integer NOT NULL,
	PRIMARY KEY(`benefit_id`, `goal_id`),
	FOREIGN KEY (`benefit_id`) REFERENCES `benefits`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`goal_id`) REFERENCES `goals`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `benefits` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`project_id` integer NOT NULL,
	`title` text NOT NULL,
	`direction` text DEFAULT 'positive' NOT NULL,
	`type` text DEFAULT 'tid' NOT NULL,
	`owner` text DEFAULT '' NOT NULL,
	`owner_unit_id` integer,
	`measure` text DEFAULT '' NOT NULL,
	`measure_unit` text DEFAULT '' NOT NULL,
	`data_source` text DEFAULT '' NOT NULL,
	`baseline_value` real,
	`baseline_date` text,
	`target_value` real,
	`target_date` text,
	`sort_order` integer DEFAULT 0 NOT NULL,
	`archived_at` text,
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`owner_unit_id`) REFERENCES `units`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE TABLE `enablers` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`project_id` integer NOT NULL,
	`title` text NOT NULL,
	`sort_order` integer DEFAULT 0 NOT NULL,
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `goals` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`project_id` integer NOT NULL,
	`title` text NOT NULL,
	`sort_order` integer DEFAULT 0 NOT NULL,
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `kpi_measurements` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`benefit_id` integer NOT NULL,
	`value` real NOT NULL,
	`measured_on` text NOT NULL,
	`note` text DEFAULT '' NOT NULL,
	FOREIGN KEY (`benefit_id`) REFERENCES `benefits`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `projects` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`purpose` text DEFAULT '' NOT NULL,
	`project_lead` text DEFAULT '' NOT NULL,
	`status` text DEFAULT 'planlaegning' NOT NULL,
	`mid` real DEFAULT 10 NOT NULL,
	`survey_spec` text,
	`archived_at` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL
);
--> statement-breakpoint
CREATE TABLE `response_values` (
	`response_id` integer NOT NULL,
	`item_key` text NOT NULL,
	`value_num` integer,
	`value_text` text,
	PRIMARY KEY(`response_id`, `item_key`),
	FOREIGN KEY (`response_id`) REFERENCES `responses`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `response_values_item` ON `response_values` (`item_key`);--> statement-breakpoint
CREATE TABLE `responses` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`wave_id` integer NOT NULL,
	`unit_id` integer NOT NULL,
	`survey_version_id` integer NOT NULL,
	`submission_id` text NOT NULL,
	`submitted_on` text NOT NULL,
	`locale` text DEFAULT 'da' NOT NULL,
	`complete` integer DEFAULT true NOT NULL,
	`answers` text NOT NULL,
	FOREIGN KEY (`wave_id`) REFERENCES `waves`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`unit_id`) REFERENCES `units`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`survey_version_id`) REFERENCES `survey_versions`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
CREATE UNIQUE INDEX `responses_submission_id_unique` ON `responses` (`submission_id`);--> statement-breakpoint
CREATE INDEX `responses_wave_unit` ON `responses` (`wave_id`,`unit_id`);--> statement-breakpoint
CREATE TABLE `rollouts` (
	`project_id` integer NOT NULL,
	`unit_id` integer NOT NULL,
	`go_live_date` text,
	PRIMARY KEY(`project_id`, `unit_id`),
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`unit_id`) REFERENCES `units`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
CREATE TABLE `sessions` (
	`id_hash` text PRIMARY KEY NOT NULL,
	`user_id` integer NOT NULL,
	`expires_at` text NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `survey_versions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`project_id` integer NOT NULL,
	`number` integer NOT NULL,
	`phase` text NOT NULL,
	`survey_json` text NOT NULL,
	`item_map` text NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `survey_versions_number` ON `survey_versions` (`project_id`,`number`);--> statement-breakpoint
CREATE TABLE `units` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`external_id` text,
	`name` text NOT NULL,
	`kind` text DEFAULT 'enhed' NOT NULL,
	`parent_id` integer,
	`headcount` integer DEFAULT 0 NOT NULL,
	`headcount_date` text,
	`retired_at` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`parent_id`) REFERENCES `units`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
CREATE UNIQUE INDEX `units_external_id` ON `units` (`external_id`);--> statement-breakpoint
CREATE INDEX `units_parent` ON `units` (`parent_id`);--> statement-breakpoint
CREATE TABLE `user_scopes` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`user_id` integer NOT NULL,
	`unit_id` integer,
	`project_id` integer,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`unit_id`) REFERENCES `units`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `users` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`email` text NOT NULL,
	`name` text NOT NULL,
	`password_hash` text NOT NULL,
	`role` text NOT NULL,
	`locale` text DEFAULT 'da' NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `users_email_unique` ON `users` (`email`);--> statement-breakpoint
CREATE TABLE `wave_links` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`wave_id` integer NOT NULL,
	`unit_id` integer NOT NULL,
	`token` text NOT NULL,
	`headcount_at_open` integer DEFAULT 0 NOT NULL,
	`ineligible` integer DEFAULT 0 NOT NULL,
	FOREIGN KEY (`wave_id`) REFERENCES `waves`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`unit_id`) REFERENCES `units`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
CREATE UNIQUE INDEX `wave_links_token_unique` ON `wave_links` (`token`);--> statement-breakpoint
CREATE UNIQUE INDEX `wave_links_wave_unit` ON `wave_links` (`wave_id`,`unit_id`);--> statement-breakpoint
CREATE TABLE `waves` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`project_id` integer NOT NULL,
	`name` text NOT NULL,
	`phase` text NOT NULL,
	`survey_version_id` integer,
	`status` text DEFAULT 'draft' NOT NULL,
	`opens_on` text,
	`closes_on` text,
	`live_results` integer DEFAULT false NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`survey_version_id`) REFERENCES `survey_versions`(`id`) ON UPDATE no action ON DELETE restrict
);
