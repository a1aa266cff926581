-- Hand-edited after drizzle-kit generate: drizzle can drop the index but cannot declare WITHOUT ROWID. A
-- response's values are always reached through the response (primary key), so the item index only cost writes,
-- and without a rowid the primary key is the table: one B-tree instead of three (db/schema.ts).
DROP INDEX `response_values_item`;--> statement-breakpoint
CREATE TABLE `__new_response_values` (
	`response_id` integer NOT NULL,
	`item_key` text NOT NULL,
	`value_num` integer,
	`value_text` text,
	PRIMARY KEY(`response_id`, `item_key`),
	FOREIGN KEY (`response_id`) REFERENCES `responses`(`id`) ON UPDATE no action ON DELETE cascade
) WITHOUT ROWID;--> statement-breakpoint
INSERT INTO `__new_response_values` (`response_id`, `item_key`, `value_num`, `value_text`)
  SELECT `response_id`, `item_key`, `value_num`, `value_text` FROM `response_values` ORDER BY `response_id`, `item_key`;--> statement-breakpoint
DROP TABLE `response_values`;--> statement-breakpoint
ALTER TABLE `__new_response_values` RENAME TO `response_values`;
