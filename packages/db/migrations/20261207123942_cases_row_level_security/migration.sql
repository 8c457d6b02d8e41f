-- Cases and their investigation steps belong to the village they concern: a request sees and writes
-- only those of its scope, like visit logs and daily reports. (The reporter's identity is further
-- narrowed field by field in the API: the handling group and the county admin.)
ALTER TABLE cases ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY cases_scope ON cases TO huanjie_request
  USING (region_path LIKE ANY ((SELECT huanjie_scope_patterns())::text[]))
  WITH CHECK (region_path LIKE ANY ((SELECT huanjie_scope_patterns())::text[]));
--> statement-breakpoint
ALTER TABLE case_actions ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY case_actions_scope ON case_actions TO huanjie_request
  USING (region_path LIKE ANY ((SELECT huanjie_scope_patterns())::text[]))
  WITH CHECK (region_path LIKE ANY ((SELECT huanjie_scope_patterns())::text[]));
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE ON cases, case_actions TO huanjie_request;
--> statement-breakpoint
GRANT USAGE, SELECT ON SEQUENCE cases_id_seq, case_actions_id_seq TO huanjie_request;
