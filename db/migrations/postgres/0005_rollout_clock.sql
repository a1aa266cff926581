CREATE TABLE "settings" (
	"key" text PRIMARY KEY NOT NULL,
	"value" text NOT NULL
);
--> statement-breakpoint
ALTER TABLE "behaviours" ADD COLUMN "question_text" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "behaviours" ADD COLUMN "title_en" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "behaviours" ADD COLUMN "description_en" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "behaviours" ADD COLUMN "old_behaviour_en" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "behaviours" ADD COLUMN "question_text_en" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "benefits" ADD COLUMN "title_en" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "projects" ADD COLUMN "name_en" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "projects" ADD COLUMN "purpose_en" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "projects" ADD COLUMN "pairing_enabled" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "projects" ADD COLUMN "pairing_secret" text;--> statement-breakpoint
ALTER TABLE "projects" ADD COLUMN "pairing_destroyed_at" text;--> statement-breakpoint
ALTER TABLE "responses" ADD COLUMN "pair_key" text;--> statement-breakpoint
ALTER TABLE "wave_links" ADD COLUMN "short_code" text;--> statement-breakpoint
ALTER TABLE "wave_links" ADD COLUMN "revoked_at" text;--> statement-breakpoint
ALTER TABLE "waves" ADD COLUMN "opens_at" text;--> statement-breakpoint
ALTER TABLE "waves" ADD COLUMN "closes_at" text;--> statement-breakpoint
CREATE UNIQUE INDEX "wave_links_short_code" ON "wave_links" USING btree ("short_code");--> statement-breakpoint
-- Existing schedules were whole days: open from the start of opens_on, close at the end of closes_on, in
-- Copenhagen winter time (UTC+1; summer dates land an hour off, which only old waves can have).
UPDATE "waves" SET "opens_at" = to_char("opens_on"::date - 1, 'YYYY-MM-DD') || 'T23:00:00.000Z' WHERE "opens_on" IS NOT NULL;--> statement-breakpoint
UPDATE "waves" SET "closes_at" = "closes_on" || 'T23:00:00.000Z' WHERE "closes_on" IS NOT NULL;
