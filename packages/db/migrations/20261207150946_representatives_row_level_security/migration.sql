-- A village's representatives and group leaders belong to that village: a request sees and writes
-- only those of its scope, like cases and visit logs.
ALTER TABLE village_representatives ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY village_representatives_scope ON village_representatives TO huanjie_request
  USING (region_path LIKE ANY ((SELECT huanjie_scope_patterns())::text[]))
  WITH CHECK (region_path LIKE ANY ((SELECT huanjie_scope_patterns())::text[]));
--> statement-breakpoint
ALTER TABLE villager_group_leaders ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY villager_group_leaders_scope ON villager_group_leaders TO huanjie_request
  USING (region_path LIKE ANY ((SELECT huanjie_scope_patterns())::text[]))
  WITH CHECK (region_path LIKE ANY ((SELECT huanjie_scope_patterns())::text[]));
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON village_representatives, villager_group_leaders TO huanjie_request;
--> statement-breakpoint
GRANT USAGE, SELECT ON SEQUENCE village_representatives_id_seq, villager_group_leaders_id_seq TO huanjie_request;
