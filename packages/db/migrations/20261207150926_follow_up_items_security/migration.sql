-- A village's track F checklist belongs to the village: a request sees and writes only the items of
-- its scope, like stage records and cases.
ALTER TABLE follow_up_items ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY follow_up_items_scope ON follow_up_items TO huanjie_request
  USING (region_path LIKE ANY ((SELECT huanjie_scope_patterns())::text[]))
  WITH CHECK (region_path LIKE ANY ((SELECT huanjie_scope_patterns())::text[]));
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE ON follow_up_items TO huanjie_request;
--> statement-breakpoint
GRANT USAGE, SELECT ON SEQUENCE follow_up_items_id_seq TO huanjie_request;
