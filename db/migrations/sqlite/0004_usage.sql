CREATE TABLE `usage_figures` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`behaviour_id` integer NOT NULL,
	`unit_id` integer NOT NULL,
	`period_start` text NOT NULL,
	`period_end` text NOT NULL,
	`value` real NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`behaviour_id`) REFERENCES `behaviours`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`unit_id`) REFERENCES `units`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
CREATE UNIQUE INDEX `usage_figures_behaviour_unit_period` ON `usage_figures` (`behaviour_id`,`unit_id`,`period_start`,`period_end`);--> statement-breakpoint
ALTER TABLE `behaviours` ADD `usage_measure` text DEFAULT '' NOT NULL;