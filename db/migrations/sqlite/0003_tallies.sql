CREATE TABLE `answer_tallies` (
	`wave_id` integer NOT NULL,
	`unit_id` integer NOT NULL,
	`item_key` text NOT NULL,
	`value_num` integer NOT NULL,
	`released` integer NOT NULL,
	`n` integer NOT NULL,
	PRIMARY KEY(`wave_id`, `unit_id`, `item_key`, `value_num`, `released`),
	FOREIGN KEY (`wave_id`) REFERENCES `waves`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`unit_id`) REFERENCES `units`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
CREATE TABLE `respondent_tallies` (
	`wave_id` integer NOT NULL,
	`unit_id` integer NOT NULL,
	`complete` integer NOT NULL,
	`released` integer NOT NULL,
	`n` integer NOT NULL,
	PRIMARY KEY(`wave_id`, `unit_id`, `complete`, `released`),
	FOREIGN KEY (`wave_id`) REFERENCES `waves`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`unit_id`) REFERENCES `units`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
-- Backfill: the tallies of the responses already stored, so an existing database keeps its report.
INSERT INTO `answer_tallies` (`wave_id`, `unit_id`, `item_key`, `value_num`, `released`, `n`)
  SELECT r.`wave_id`, r.`unit_id`, v.`item_key`, v.`value_num`, (r.`released_in` IS NOT NULL), count(*)
  FROM `response_values` v JOIN `responses` r ON r.`id` = v.`response_id`
  WHERE v.`value_num` IS NOT NULL
  GROUP BY r.`wave_id`, r.`unit_id`, v.`item_key`, v.`value_num`, (r.`released_in` IS NOT NULL);
--> statement-breakpoint
INSERT INTO `respondent_tallies` (`wave_id`, `unit_id`, `complete`, `released`, `n`)
  SELECT `wave_id`, `unit_id`, `complete`, (`released_in` IS NOT NULL), count(*)
  FROM `responses`
  GROUP BY `wave_id`, `unit_id`, `complete`, (`released_in` IS NOT NULL);
