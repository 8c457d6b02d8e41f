ALTER TABLE "regions" ADD COLUMN "township_kind" text;--> statement-breakpoint
ALTER TABLE "regions" ADD COLUMN "villager_groups" integer;--> statement-breakpoint
ALTER TABLE "regions" ADD COLUMN "merged_on" date;--> statement-breakpoint
ALTER TABLE "regions" ADD COLUMN "merged_into_id" integer;--> statement-breakpoint
ALTER TABLE "regions" ADD CONSTRAINT "regions_merged_into_id_regions_id_fkey" FOREIGN KEY ("merged_into_id") REFERENCES "regions"("id");