-- Written by hand (no schema change drizzle-kit could see: it cannot declare WITHOUT ROWID). A table without an
-- INTEGER PRIMARY KEY numbers its rows 1, 2, 3 … in the order they were created, in a hidden rowid: for the tallies
-- that told which values a unit's first answers had, and the order of later ones, and the tallies outlive the raw
-- answers; for the workshop votes the order of the votes beside each phone's key. Without a rowid the primary key is
-- the table, rows are kept in key order only, and one B-tree replaces two (docs/anonymity.md, db/schema.ts).
CREATE TABLE `__new_answer_tallies` (
	`wave_id` integer NOT NULL,
	`unit_id` integer NOT NULL,
	`item_key` text NOT NULL,
	`value_num` integer NOT NULL,
	`released` integer NOT NULL,
	`n` integer NOT NULL,
	PRIMARY KEY(`wave_id`, `unit_id`, `item_key`, `value_num`, `released`),
	FOREIGN KEY (`wave_id`) REFERENCES `waves`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`unit_id`) REFERENCES `units`(`id`) ON UPDATE no action ON DELETE restrict
) WITHOUT ROWID;--> statement-breakpoint
INSERT INTO `__new_answer_tallies` (`wave_id`, `unit_id`, `item_key`, `value_num`, `released`, `n`)
  SELECT `wave_id`, `unit_id`, `item_key`, `value_num`, `released`, `n` FROM `answer_tallies` ORDER BY `wave_id`, `unit_id`, `item_key`, `value_num`, `released`;--> statement-breakpoint
DROP TABLE `answer_tallies`;--> statement-breakpoint
ALTER TABLE `__new_answer_tallies` RENAME TO `answer_tallies`;--> statement-breakpoint
CREATE TABLE `__new_respondent_tallies` (
	`wave_id` integer NOT NULL,
	`unit_id` integer NOT NULL,
	`complete` integer NOT NULL,
	`released` integer NOT NULL,
	`n` integer NOT NULL,
	PRIMARY KEY(`wave_id`, `unit_id`, `complete`, `released`),
	FOREIGN KEY (`wave_id`) REFERENCES `waves`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`unit_id`) REFERENCES `units`(`id`) ON UPDATE no action ON DELETE restrict
) WITHOUT ROWID;--> statement-breakpoint
INSERT INTO `__new_respondent_tallies` (`wave_id`, `unit_id`, `complete`, `released`, `n`)
  SELECT `wave_id`, `unit_id`, `complete`, `released`, `n` FROM `respondent_tallies` ORDER BY `wave_id`, `unit_id`, `complete`, `released`;--> statement-breakpoint
DROP TABLE `respondent_tallies`;--> statement-breakpoint
ALTER TABLE `__new_respondent_tallies` RENAME TO `respondent_tallies`;--> statement-breakpoint
CREATE TABLE `__new_workshop_votes` (
	`suggestion_id` integer NOT NULL,
	`voter_key` text NOT NULL,
	PRIMARY KEY(`suggestion_id`, `voter_key`),
	FOREIGN KEY (`suggestion_id`) REFERENCES `workshop_suggestions`(`id`) ON UPDATE no action ON DELETE cascade
) WITHOUT ROWID;--> statement-breakpoint
INSERT INTO `__new_workshop_votes` (`suggestion_id`, `voter_key`)
  SELECT `suggestion_id`, `voter_key` FROM `workshop_votes` ORDER BY `suggestion_id`, `voter_key`;--> statement-breakpoint
DROP TABLE `workshop_votes`;--> statement-breakpoint
ALTER TABLE `__new_workshop_votes` RENAME TO `workshop_votes`;
