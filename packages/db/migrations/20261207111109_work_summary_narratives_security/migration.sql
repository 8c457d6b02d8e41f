-- The narratives of a 工作总结 draft belong to the township or county they describe: a request sees
-- and writes only those inside its scope, as its neighbours (village_risks, visit_logs) do.
ALTER TABLE work_summary_narratives ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY work_summary_narratives_scope ON work_summary_narratives TO huanjie_request
  USING (region_path LIKE ANY ((SELECT huanjie_scope_patterns())::text[]))
  WITH CHECK (region_path LIKE ANY ((SELECT huanjie_scope_patterns())::text[]));
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON work_summary_narratives TO huanjie_request;
--> statement-breakpoint
GRANT USAGE, SELECT ON SEQUENCE work_summary_narratives_id_seq TO huanjie_request;
