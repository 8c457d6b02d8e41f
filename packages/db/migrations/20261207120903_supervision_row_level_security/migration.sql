-- Inspections, correction orders and leaders' comments belong to a township or a village: rows
-- inside the request's scope only, as their neighbours (visit_logs, daily_reports). A county
-- supervisor's scope is the townships assigned to them; a township sees its own orders and the
-- comments escalated on its villages. New tables get the request role's grants by default
-- privileges (row_level_security migration).
ALTER TABLE inspections ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY inspections_scope ON inspections TO huanjie_request
  USING (region_path LIKE ANY ((SELECT huanjie_scope_patterns())::text[]))
  WITH CHECK (region_path LIKE ANY ((SELECT huanjie_scope_patterns())::text[]));
--> statement-breakpoint
ALTER TABLE correction_orders ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY correction_orders_scope ON correction_orders TO huanjie_request
  USING (region_path LIKE ANY ((SELECT huanjie_scope_patterns())::text[]))
  WITH CHECK (region_path LIKE ANY ((SELECT huanjie_scope_patterns())::text[]));
--> statement-breakpoint
ALTER TABLE record_comments ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY record_comments_scope ON record_comments TO huanjie_request
  USING (region_path LIKE ANY ((SELECT huanjie_scope_patterns())::text[]))
  WITH CHECK (region_path LIKE ANY ((SELECT huanjie_scope_patterns())::text[]));
--> statement-breakpoint
-- The same grants as every table (default privileges may belong to another owner on a shared
-- cluster): stated here so the tables never depend on who ran the migration.
GRANT SELECT, INSERT, UPDATE, DELETE ON inspections, correction_orders, record_comments TO huanjie_request;
