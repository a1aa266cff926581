CREATE TABLE `settings` (
	`key` text PRIMARY KEY NOT NULL,
	`value` text NOT NULL
);
--> statement-breakpoint
ALTER TABLE `behaviours` ADD `question_text` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `behaviours` ADD `title_en` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `behaviours` ADD `description_en` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `behaviours` ADD `old_behaviour_en` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `behaviours` ADD `question_text_en` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `benefits` ADD `title_en` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `projects` ADD `name_en` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `projects` ADD `purpose_en` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `projects` ADD `pairing_enabled` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `projects` ADD `pairing_secret` text;--> statement-breakpoint
ALTER TABLE `projects` ADD `pairing_destroyed_at` text;--> statement-breakpoint
ALTER TABLE `responses` ADD `pair_key` text;--> statement-breakpoint
ALTER TABLE `wave_links` ADD `short_code` text;--> statement-breakpoint
ALTER TABLE `wave_links` ADD `revoked_at` text;--> statement-breakpoint
CREATE UNIQUE INDEX `wave_links_short_code` ON `wave_links` (`short_code`);--> statement-breakpoint
ALTER TABLE `waves` ADD `opens_at` text;--> statement-breakpoint
ALTER TABLE `waves` ADD `closes_at` text;--> statement-breakpoint
-- Existing schedules were whole days: open from the start of opens_on, close at the end of closes_on, in
-- Copenhagen winter time (UTC+1; summer dates land an hour off, which only old waves can have).
UPDATE `waves` SET `opens_at` = date(`opens_on`, '-1 day') || 'T23:00:00.000Z' WHERE `opens_on` IS NOT NULL;--> statement-breakpoint
UPDATE `waves` SET `closes_at` = `closes_on` || 'T23:00:00.000Z' WHERE `closes_on` IS NOT NULL;
