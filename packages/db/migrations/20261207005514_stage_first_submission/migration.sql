ALTER TABLE "stage_records" ADD COLUMN "first_submitted_at" timestamp with time zone;--> statement-breakpoint
-- lateness counts from the first submission; records submitted before this column existed
-- keep their (latest) submission time, the closest fact there is
UPDATE "stage_records" SET "first_submitted_at" = "submitted_at" WHERE "submitted_at" IS NOT NULL;
