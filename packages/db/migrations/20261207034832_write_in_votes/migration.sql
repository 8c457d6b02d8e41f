ALTER TABLE "meeting_votes" ADD COLUMN "write_in_person_id" integer;--> statement-breakpoint
ALTER TABLE "meeting_votes" ALTER COLUMN "candidate_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "meeting_votes" ADD CONSTRAINT "meeting_votes_one_per_write_in" UNIQUE("meeting_id","post","write_in_person_id");--> statement-breakpoint
ALTER TABLE "meeting_votes" ADD CONSTRAINT "meeting_votes_write_in_person_id_persons_id_fkey" FOREIGN KEY ("write_in_person_id") REFERENCES "persons"("id");--> statement-breakpoint
ALTER TABLE "meeting_votes" ADD CONSTRAINT "meeting_votes_candidate_or_write_in" CHECK (("candidate_id" is null) <> ("write_in_person_id" is null));