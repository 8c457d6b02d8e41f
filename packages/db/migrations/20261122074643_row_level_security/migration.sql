-- Row-level security as defence in depth: every API request runs in one transaction as the role
-- huanjie_request with its region scope in the setting huanjie.scope (comma-separated
-- materialized paths) and its home region in huanjie.home; rows of regions outside that scope are
-- invisible and cannot be written, whatever the API's own checks say. The owner (migrations,
-- seeding, command-line tools) is not subject to it. A role belongs to the whole cluster, and
-- several databases (tests) share one: create it once, tolerating a concurrent creator.
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'huanjie_request') THEN
    CREATE ROLE huanjie_request NOLOGIN NOINHERIT NOBYPASSRLS;
  END IF;
EXCEPTION WHEN duplicate_object OR unique_violation THEN
  NULL;
END
$$;
--> statement-breakpoint
-- The connecting role must be able to SET ROLE to it (a superuser always can).
DO $$
BEGIN
  IF NOT pg_has_role(current_user, 'huanjie_request', 'MEMBER') THEN
    EXECUTE format('GRANT huanjie_request TO %I', current_user);
  END IF;
END
$$;
--> statement-breakpoint
GRANT USAGE ON SCHEMA public TO huanjie_request;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO huanjie_request;
--> statement-breakpoint
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO huanjie_request;
--> statement-breakpoint
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO huanjie_request;
--> statement-breakpoint
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO huanjie_request;
--> statement-breakpoint
-- The audit log is append-only for requests.
REVOKE UPDATE, DELETE ON audit_log FROM huanjie_request;
--> statement-breakpoint
-- The request's scope roots; none when the setting is missing or empty (after any SET LOCAL on a
-- pooled connection a missing setting reads as ''), so a request without a scope sees nothing.
CREATE FUNCTION huanjie_scope() RETURNS text[]
LANGUAGE sql STABLE PARALLEL SAFE
AS $$ SELECT coalesce(string_to_array(NULLIF(current_setting('huanjie.scope', true), ''), ','), '{}'::text[]) $$;
--> statement-breakpoint
CREATE FUNCTION huanjie_scope_patterns() RETURNS text[]
LANGUAGE sql STABLE PARALLEL SAFE
AS $$ SELECT ARRAY(SELECT root || '%' FROM unnest(huanjie_scope()) AS root WHERE root <> '') $$;
--> statement-breakpoint
-- Regions whose ancestors the request may see: its scope roots and its home region (a guidance
-- member's township, shown beside their villages).
CREATE FUNCTION huanjie_anchors() RETURNS text[]
LANGUAGE sql STABLE PARALLEL SAFE
AS $$ SELECT huanjie_scope() || coalesce(string_to_array(NULLIF(current_setting('huanjie.home', true), ''), ','), '{}'::text[]) $$;
--> statement-breakpoint
-- Ancestors-or-self of the anchors ("1.4.37." gives "1.", "1.4.", "1.4.37."): the regions above the
-- scope whose rows (the county, its campaign, the township's election days and teams) the request
-- may read, but never a sibling's.
CREATE FUNCTION huanjie_ancestor_paths() RETURNS text[]
LANGUAGE sql STABLE PARALLEL SAFE
AS $$ SELECT ARRAY(SELECT DISTINCT left(anchor, pos) FROM unnest(huanjie_anchors()) AS anchor,
  generate_series(1, length(anchor)) AS pos WHERE substr(anchor, pos, 1) = '.') $$;
--> statement-breakpoint
-- Appending to the audit log needs the head of the county's chain, which may belong to another
-- township: it is read here, with the owner's rights, and only its seq and hash leave.
CREATE FUNCTION huanjie_audit_chain_head(p_chain text) RETURNS TABLE (seq integer, hash text)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
AS $$ SELECT a.seq, a.hash FROM audit_log a WHERE a.chain = p_chain ORDER BY a.seq DESC LIMIT 1 $$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION huanjie_audit_chain_head(text) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION huanjie_audit_chain_head(text) TO huanjie_request;
--> statement-breakpoint
-- Village data: rows inside the scope. The scope functions sit in scalar sub-selects, so PostgreSQL
-- evaluates them once per statement (an InitPlan), not once per row.
ALTER TABLE unit_elections ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY unit_elections_scope ON unit_elections TO huanjie_request
  USING (region_path LIKE ANY ((SELECT huanjie_scope_patterns())::text[]))
  WITH CHECK (region_path LIKE ANY ((SELECT huanjie_scope_patterns())::text[]));
--> statement-breakpoint
ALTER TABLE campaign_exclusions ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY campaign_exclusions_scope ON campaign_exclusions TO huanjie_request
  USING (region_path LIKE ANY ((SELECT huanjie_scope_patterns())::text[]))
  WITH CHECK (region_path LIKE ANY ((SELECT huanjie_scope_patterns())::text[]));
--> statement-breakpoint
ALTER TABLE village_risks ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY village_risks_scope ON village_risks TO huanjie_request
  USING (region_path LIKE ANY ((SELECT huanjie_scope_patterns())::text[]))
  WITH CHECK (region_path LIKE ANY ((SELECT huanjie_scope_patterns())::text[]));
--> statement-breakpoint
ALTER TABLE village_responsibilities ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY village_responsibilities_scope ON village_responsibilities TO huanjie_request
  USING (region_path LIKE ANY ((SELECT huanjie_scope_patterns())::text[]))
  WITH CHECK (region_path LIKE ANY ((SELECT huanjie_scope_patterns())::text[]));
--> statement-breakpoint
ALTER TABLE visit_logs ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY visit_logs_scope ON visit_logs TO huanjie_request
  USING (region_path LIKE ANY ((SELECT huanjie_scope_patterns())::text[]))
  WITH CHECK (region_path LIKE ANY ((SELECT huanjie_scope_patterns())::text[]));
--> statement-breakpoint
ALTER TABLE daily_reports ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY daily_reports_scope ON daily_reports TO huanjie_request
  USING (region_path LIKE ANY ((SELECT huanjie_scope_patterns())::text[]))
  WITH CHECK (region_path LIKE ANY ((SELECT huanjie_scope_patterns())::text[]));
--> statement-breakpoint
ALTER TABLE persons ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY persons_scope ON persons TO huanjie_request
  USING (region_path LIKE ANY ((SELECT huanjie_scope_patterns())::text[]))
  WITH CHECK (region_path LIKE ANY ((SELECT huanjie_scope_patterns())::text[]));
--> statement-breakpoint
ALTER TABLE office_holders ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY office_holders_scope ON office_holders TO huanjie_request
  USING (region_path LIKE ANY ((SELECT huanjie_scope_patterns())::text[]))
  WITH CHECK (region_path LIKE ANY ((SELECT huanjie_scope_patterns())::text[]));
--> statement-breakpoint
ALTER TABLE candidates ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY candidates_scope ON candidates TO huanjie_request
  USING (region_path LIKE ANY ((SELECT huanjie_scope_patterns())::text[]))
  WITH CHECK (region_path LIKE ANY ((SELECT huanjie_scope_patterns())::text[]));
--> statement-breakpoint
ALTER TABLE election_setups ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY election_setups_scope ON election_setups TO huanjie_request
  USING (region_path LIKE ANY ((SELECT huanjie_scope_patterns())::text[]))
  WITH CHECK (region_path LIKE ANY ((SELECT huanjie_scope_patterns())::text[]));
--> statement-breakpoint
ALTER TABLE publicity_notices ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY publicity_notices_scope ON publicity_notices TO huanjie_request
  USING (region_path LIKE ANY ((SELECT huanjie_scope_patterns())::text[]))
  WITH CHECK (region_path LIKE ANY ((SELECT huanjie_scope_patterns())::text[]));
--> statement-breakpoint
ALTER TABLE election_results ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY election_results_scope ON election_results TO huanjie_request
  USING (region_path LIKE ANY ((SELECT huanjie_scope_patterns())::text[]))
  WITH CHECK (region_path LIKE ANY ((SELECT huanjie_scope_patterns())::text[]));
--> statement-breakpoint
ALTER TABLE stored_files ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY stored_files_scope ON stored_files TO huanjie_request
  USING (region_path LIKE ANY ((SELECT huanjie_scope_patterns())::text[]))
  WITH CHECK (region_path LIKE ANY ((SELECT huanjie_scope_patterns())::text[]));
--> statement-breakpoint
ALTER TABLE audit_log ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY audit_log_scope ON audit_log TO huanjie_request
  USING (region_path LIKE ANY ((SELECT huanjie_scope_patterns())::text[]))
  WITH CHECK (region_path LIKE ANY ((SELECT huanjie_scope_patterns())::text[]));
--> statement-breakpoint
-- Regions and region-level settings: inside the scope or above it.
ALTER TABLE regions ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY regions_scope ON regions TO huanjie_request
  USING (path LIKE ANY ((SELECT huanjie_scope_patterns())::text[]) OR path = ANY ((SELECT huanjie_ancestor_paths())::text[]))
  WITH CHECK (path LIKE ANY ((SELECT huanjie_scope_patterns())::text[]) OR path = ANY ((SELECT huanjie_ancestor_paths())::text[]));
--> statement-breakpoint
ALTER TABLE election_days ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY election_days_scope ON election_days TO huanjie_request
  USING (region_path LIKE ANY ((SELECT huanjie_scope_patterns())::text[]) OR region_path = ANY ((SELECT huanjie_ancestor_paths())::text[]))
  WITH CHECK (region_path LIKE ANY ((SELECT huanjie_scope_patterns())::text[]) OR region_path = ANY ((SELECT huanjie_ancestor_paths())::text[]));
--> statement-breakpoint
ALTER TABLE guidance_teams ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY guidance_teams_scope ON guidance_teams TO huanjie_request
  USING (region_path LIKE ANY ((SELECT huanjie_scope_patterns())::text[]) OR region_path = ANY ((SELECT huanjie_ancestor_paths())::text[]))
  WITH CHECK (region_path LIKE ANY ((SELECT huanjie_scope_patterns())::text[]) OR region_path = ANY ((SELECT huanjie_ancestor_paths())::text[]));
--> statement-breakpoint
-- Rows naming a region by id: regions' own policy applies inside the subquery, so they are visible exactly when their region is.
ALTER TABLE cadres ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY cadres_scope ON cadres TO huanjie_request
  USING (EXISTS (SELECT 1 FROM regions r WHERE r.id = cadres.region_id))
  WITH CHECK (EXISTS (SELECT 1 FROM regions r WHERE r.id = cadres.region_id));
--> statement-breakpoint
ALTER TABLE campaigns ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY campaigns_scope ON campaigns TO huanjie_request
  USING (EXISTS (SELECT 1 FROM regions r WHERE r.id = campaigns.county_id))
  WITH CHECK (EXISTS (SELECT 1 FROM regions r WHERE r.id = campaigns.county_id));
--> statement-breakpoint
ALTER TABLE zones ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY zones_scope ON zones TO huanjie_request
  USING (EXISTS (SELECT 1 FROM regions r WHERE r.id = zones.township_id))
  WITH CHECK (EXISTS (SELECT 1 FROM regions r WHERE r.id = zones.township_id));
--> statement-breakpoint
-- The national rule sets (no county) belong to every request with a scope: read, and created on first use.
ALTER TABLE rule_sets ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY rule_sets_scope ON rule_sets TO huanjie_request
  USING ((county_id IS NULL AND (SELECT cardinality(huanjie_anchors()) > 0)) OR EXISTS (SELECT 1 FROM regions r WHERE r.id = rule_sets.county_id))
  WITH CHECK ((county_id IS NULL AND (SELECT cardinality(huanjie_anchors()) > 0)) OR EXISTS (SELECT 1 FROM regions r WHERE r.id = rule_sets.county_id));
--> statement-breakpoint
-- Rows without a region of their own follow their parent row, whose policy applies inside the subquery.
ALTER TABLE stage_records ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY stage_records_scope ON stage_records TO huanjie_request
  USING (EXISTS (SELECT 1 FROM unit_elections p WHERE p.id = stage_records.unit_election_id))
  WITH CHECK (EXISTS (SELECT 1 FROM unit_elections p WHERE p.id = stage_records.unit_election_id));
--> statement-breakpoint
ALTER TABLE election_meetings ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY election_meetings_scope ON election_meetings TO huanjie_request
  USING (EXISTS (SELECT 1 FROM election_results p WHERE p.id = election_meetings.result_id))
  WITH CHECK (EXISTS (SELECT 1 FROM election_results p WHERE p.id = election_meetings.result_id));
--> statement-breakpoint
ALTER TABLE meeting_votes ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY meeting_votes_scope ON meeting_votes TO huanjie_request
  USING (EXISTS (SELECT 1 FROM election_meetings p WHERE p.id = meeting_votes.meeting_id))
  WITH CHECK (EXISTS (SELECT 1 FROM election_meetings p WHERE p.id = meeting_votes.meeting_id));
--> statement-breakpoint
ALTER TABLE result_revisions ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY result_revisions_scope ON result_revisions TO huanjie_request
  USING (EXISTS (SELECT 1 FROM election_results p WHERE p.id = result_revisions.result_id))
  WITH CHECK (EXISTS (SELECT 1 FROM election_results p WHERE p.id = result_revisions.result_id));
--> statement-breakpoint
ALTER TABLE vetting_answers ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY vetting_answers_scope ON vetting_answers TO huanjie_request
  USING (EXISTS (SELECT 1 FROM candidates p WHERE p.id = vetting_answers.candidate_id))
  WITH CHECK (EXISTS (SELECT 1 FROM candidates p WHERE p.id = vetting_answers.candidate_id));
--> statement-breakpoint
ALTER TABLE publicity_objections ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY publicity_objections_scope ON publicity_objections TO huanjie_request
  USING (EXISTS (SELECT 1 FROM publicity_notices p WHERE p.id = publicity_objections.publicity_id))
  WITH CHECK (EXISTS (SELECT 1 FROM publicity_notices p WHERE p.id = publicity_objections.publicity_id));
--> statement-breakpoint
ALTER TABLE guidance_team_members ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY guidance_team_members_scope ON guidance_team_members TO huanjie_request
  USING (EXISTS (SELECT 1 FROM guidance_teams p WHERE p.id = guidance_team_members.team_id))
  WITH CHECK (EXISTS (SELECT 1 FROM guidance_teams p WHERE p.id = guidance_team_members.team_id));
--> statement-breakpoint
ALTER TABLE guidance_team_assignments ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY guidance_team_assignments_scope ON guidance_team_assignments TO huanjie_request
  USING (EXISTS (SELECT 1 FROM guidance_teams p WHERE p.id = guidance_team_assignments.team_id))
  WITH CHECK (EXISTS (SELECT 1 FROM guidance_teams p WHERE p.id = guidance_team_assignments.team_id));
--> statement-breakpoint
ALTER TABLE campaign_rule_changes ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY campaign_rule_changes_scope ON campaign_rule_changes TO huanjie_request
  USING (EXISTS (SELECT 1 FROM campaigns p WHERE p.id = campaign_rule_changes.campaign_id))
  WITH CHECK (EXISTS (SELECT 1 FROM campaigns p WHERE p.id = campaign_rule_changes.campaign_id));
