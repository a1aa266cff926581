CREATE TABLE "answer_tallies" (
	"wave_id" integer NOT NULL,
	"unit_id" integer NOT NULL,
	"item_key" text NOT NULL,
	"value_num" integer NOT NULL,
	"released" integer NOT NULL,
	"n" integer NOT NULL,
	CONSTRAINT "answer_tallies_wave_id_unit_id_item_key_value_num_released_pk" PRIMARY KEY("wave_id","unit_id","item_key","value_num","released")
);
--> statement-breakpoint
CREATE TABLE "respondent_tallies" (
	"wave_id" integer NOT NULL,
	"unit_id" integer NOT NULL,
	"complete" integer NOT NULL,
	"released" integer NOT NULL,
	"n" integer NOT NULL,
	CONSTRAINT "respondent_tallies_wave_id_unit_id_complete_released_pk" PRIMARY KEY("wave_id","unit_id","complete","released")
);
--> statement-breakpoint
ALTER TABLE "answer_tallies" ADD CONSTRAINT "answer_tallies_wave_id_waves_id_fk" FOREIGN KEY ("wave_id") REFERENCES "public"."waves"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "answer_tallies" ADD CONSTRAINT "answer_tallies_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "respondent_tallies" ADD CONSTRAINT "respondent_tallies_wave_id_waves_id_fk" FOREIGN KEY ("wave_id") REFERENCES "public"."waves"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "respondent_tallies" ADD CONSTRAINT "respondent_tallies_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
-- Backfill: the tallies of the responses already stored, so an existing database keeps its report.
INSERT INTO "answer_tallies" ("wave_id", "unit_id", "item_key", "value_num", "released", "n")
  SELECT r."wave_id", r."unit_id", v."item_key", v."value_num", CASE WHEN r."released_in" IS NULL THEN 0 ELSE 1 END, count(*)
  FROM "response_values" v JOIN "responses" r ON r."id" = v."response_id"
  WHERE v."value_num" IS NOT NULL
  GROUP BY 1, 2, 3, 4, 5;
--> statement-breakpoint
INSERT INTO "respondent_tallies" ("wave_id", "unit_id", "complete", "released", "n")
  SELECT "wave_id", "unit_id", "complete", CASE WHEN "released_in" IS NULL THEN 0 ELSE 1 END, count(*)
  FROM "responses"
  GROUP BY 1, 2, 3, 4;
