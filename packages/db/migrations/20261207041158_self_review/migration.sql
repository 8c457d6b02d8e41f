ALTER TABLE "election_results" ADD COLUMN "self_reviewed" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "stage_records" ADD COLUMN "self_reviewed" boolean DEFAULT false NOT NULL;