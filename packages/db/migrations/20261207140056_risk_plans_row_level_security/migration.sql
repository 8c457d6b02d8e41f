-- A risk village's plan, its measures and its level history belong to the village: a request sees
-- and writes only those of its scope, like village_risks and cases.
ALTER TABLE risk_plans ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY risk_plans_scope ON risk_plans TO huanjie_request
  USING (region_path LIKE ANY ((SELECT huanjie_scope_patterns())::text[]))
  WITH CHECK (region_path LIKE ANY ((SELECT huanjie_scope_patterns())::text[]));
--> statement-breakpoint
ALTER TABLE risk_measures ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY risk_measures_scope ON risk_measures TO huanjie_request
  USING (region_path LIKE ANY ((SELECT huanjie_scope_patterns())::text[]))
  WITH CHECK (region_path LIKE ANY ((SELECT huanjie_scope_patterns())::text[]));
--> statement-breakpoint
ALTER TABLE risk_level_changes ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY risk_level_changes_scope ON risk_level_changes TO huanjie_request
  USING (region_path LIKE ANY ((SELECT huanjie_scope_patterns())::text[]))
  WITH CHECK (region_path LIKE ANY ((SELECT huanjie_scope_patterns())::text[]));
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE ON risk_plans, risk_measures TO huanjie_request;
--> statement-breakpoint
GRANT SELECT, INSERT ON risk_level_changes TO huanjie_request;
--> statement-breakpoint
GRANT USAGE, SELECT ON SEQUENCE risk_plans_id_seq, risk_measures_id_seq, risk_level_changes_id_seq TO huanjie_request;
