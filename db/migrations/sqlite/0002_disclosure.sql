CREATE TABLE `reporting_group_units` (
	`group_id` integer NOT NULL,
	`project_id` integer NOT NULL,
	`unit_id` integer NOT NULL,
	PRIMARY KEY(`group_id`, `unit_id`),
	FOREIGN KEY (`group_id`) REFERENCES `reporting_groups`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`unit_id`) REFERENCES `units`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `reporting_group_units_project_unit` ON `reporting_group_units` (`project_id`,`unit_id`);--> statement-breakpoint
CREATE TABLE `reporting_groups` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`project_id` integer NOT NULL,
	`name` text NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
ALTER TABLE `responses` ADD `released_in` integer;--> statement-breakpoint
ALTER TABLE `wave_links` ADD `report_group` text;--> statement-breakpoint
ALTER TABLE `waves` ADD `releases` integer DEFAULT 0 NOT NULL;
--> statement-breakpoint
-- Responses no longer carry an id that follows their order of arrival: existing ids are replaced by a random
-- permutation above the old ones (new responses get random ids from the application).
CREATE TABLE `__response_rekey` (`old_id` integer PRIMARY KEY NOT NULL, `new_id` integer NOT NULL UNIQUE);
--> statement-breakpoint
INSERT INTO `__response_rekey` (`old_id`, `new_id`) SELECT `id`, (SELECT coalesce(max(`id`), 0) FROM `responses`) + row_number() OVER (ORDER BY random()) FROM `responses`;
--> statement-breakpoint
UPDATE `responses` SET `submission_id` = `submission_id` || '#rekey';
--> statement-breakpoint
INSERT INTO `responses` (`id`, `wave_id`, `unit_id`, `survey_version_id`, `submission_id`, `submitted_on`, `locale`, `complete`, `answers`, `released_in`)
  SELECT k.`new_id`, r.`wave_id`, r.`unit_id`, r.`survey_version_id`, substr(r.`submission_id`, 1, length(r.`submission_id`) - 6), r.`submitted_on`, r.`locale`, r.`complete`, r.`answers`, r.`released_in`
  FROM `responses` r JOIN `__response_rekey` k ON k.`old_id` = r.`id`;
--> statement-breakpoint
UPDATE `response_values` SET `response_id` = (SELECT k.`new_id` FROM `__response_rekey` k WHERE k.`old_id` = `response_values`.`response_id`);
--> statement-breakpoint
DELETE FROM `responses` WHERE `id` IN (SELECT `old_id` FROM `__response_rekey`);
--> statement-breakpoint
DROP TABLE `__response_rekey`;
