-- Accounts are out of the request role's reach. Requests run as huanjie_request (row-level
-- security); until now it could read every password hash, session and login attempt and write
-- users. Now it has no rights on sessions and login_attempts and may read only the harmless
-- columns of users (authors' names on records); sign-in, session lookup and sign-out go through the
-- SECURITY DEFINER functions below, each doing one narrow thing with the owner's rights.
REVOKE ALL ON users, sessions, login_attempts FROM huanjie_request;
--> statement-breakpoint
GRANT SELECT (id, username, display_name, role, region_id, disabled, created_at) ON users TO huanjie_request;
--> statement-breakpoint
DO $$
DECLARE seq text;
BEGIN
  FOREACH seq IN ARRAY ARRAY[pg_get_serial_sequence('users', 'id'), pg_get_serial_sequence('sessions', 'id'), pg_get_serial_sequence('login_attempts', 'id')] LOOP
    IF seq IS NOT NULL THEN
      EXECUTE format('REVOKE ALL ON SEQUENCE %s FROM huanjie_request', seq);
    END IF;
  END LOOP;
END
$$;
--> statement-breakpoint
-- The one account a sign-in names: its hash is checked by the API (argon2id), never listed.
CREATE FUNCTION huanjie_login_account(p_username text)
RETURNS TABLE (id integer, password_hash text, role text, disabled boolean)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
AS $$ SELECT u.id, u.password_hash, u.role, u.disabled FROM users u WHERE u.username = p_username $$;
--> statement-breakpoint
-- Counts an attempt against its account before the password is checked, as a failure until
-- huanjie_login_succeeded says otherwise. The per-account advisory lock, held to the end of the
-- transaction, queues parallel attempts on one account; each statement of this VOLATILE function
-- reads a fresh snapshot, so each sees the ones before it. NULL: the account reached the limit,
-- and nothing is recorded.
CREATE FUNCTION huanjie_reserve_login_attempt(p_username text, p_address text, p_at timestamptz, p_since timestamptz, p_limit integer)
RETURNS integer
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp
AS $$
DECLARE
  failures integer;
  attempt integer;
BEGIN
  PERFORM pg_advisory_xact_lock(hashtext('login:' || p_username));
  SELECT count(*) INTO failures FROM login_attempts a
    WHERE a.username = p_username AND NOT a.succeeded AND a.at > p_since;
  IF failures >= p_limit THEN
    RETURN NULL;
  END IF;
  INSERT INTO login_attempts (username, address, succeeded, at)
    VALUES (p_username, p_address, false, p_at) RETURNING login_attempts.id INTO attempt;
  RETURN attempt;
END
$$;
--> statement-breakpoint
CREATE FUNCTION huanjie_address_login_failures(p_address text, p_since timestamptz)
RETURNS integer
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
AS $$ SELECT count(*)::integer FROM login_attempts a WHERE a.address = p_address AND NOT a.succeeded AND a.at > p_since $$;
--> statement-breakpoint
CREATE FUNCTION huanjie_login_succeeded(p_attempt integer)
RETURNS void
LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp
AS $$ UPDATE login_attempts SET succeeded = true WHERE id = p_attempt $$;
--> statement-breakpoint
-- Opens a session for the account of a login attempt that just succeeded (marked so in this
-- transaction, within the last minute): the function cannot mint a session for any other user.
CREATE FUNCTION huanjie_open_session(p_attempt integer, p_token_hash text, p_app text, p_now timestamptz, p_expires_at timestamptz)
RETURNS integer
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp
AS $$
DECLARE
  account integer;
  opened integer;
BEGIN
  SELECT u.id INTO account FROM login_attempts a JOIN users u ON u.username = a.username
    WHERE a.id = p_attempt AND a.succeeded AND NOT u.disabled AND a.at > p_now - interval '1 minute';
  IF account IS NULL THEN
    RAISE EXCEPTION 'no successful login attempt %', p_attempt;
  END IF;
  INSERT INTO sessions (token_hash, user_id, app, expires_at, last_used_at)
    VALUES (p_token_hash, account, p_app, p_expires_at, p_now) RETURNING sessions.id INTO opened;
  RETURN opened;
END
$$;
--> statement-breakpoint
-- The paths a user reaches through the teams they belong to, in campaigns not yet closed: the
-- villages assigned to their guidance teams (directly or through a zone), or the townships
-- assigned to their supervision teams. Only targets inside the team's own region count. Read with
-- the owner's rights: it is what gives the request its scope.
CREATE FUNCTION huanjie_assigned_paths(p_user integer)
RETURNS text[]
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
AS $$
  WITH my_teams AS (
    SELECT t.id, t.region_path
    FROM cadres c
    JOIN guidance_team_members m ON m.cadre_id = c.id
    JOIN guidance_teams t ON t.id = m.team_id
    JOIN campaigns k ON k.id = t.campaign_id AND k.status <> 'closed'
    WHERE c.user_id = p_user
  )
  SELECT coalesce(array_agg(path ORDER BY path), '{}'::text[]) FROM (
    SELECT r.path FROM my_teams t
      JOIN guidance_team_assignments a ON a.team_id = t.id
      JOIN regions r ON r.id = a.region_id
      WHERE r.path LIKE t.region_path || '%' AND r.path <> t.region_path
    UNION
    SELECT r.path FROM my_teams t
      JOIN guidance_team_assignments a ON a.team_id = t.id
      JOIN regions r ON r.zone_id = a.zone_id AND r.level IN ('village', 'community')
      WHERE r.path LIKE t.region_path || '%'
  ) paths
$$;
--> statement-breakpoint
-- The live session behind a token hash (not revoked, expired, idle since p_idle_since, or of a
-- disabled user; of p_app when one is named) with what the request's actor needs, in one call.
-- Using it keeps it alive: last_used_at is refreshed unless that was done since p_touch_since.
CREATE FUNCTION huanjie_session(p_token_hash text, p_app text, p_now timestamptz, p_idle_since timestamptz, p_touch_since timestamptz)
RETURNS TABLE (session_id integer, app text, user_id integer, role text, home_region_id integer, home_path text, assigned_paths text[])
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp
AS $$
BEGIN
  RETURN QUERY
    SELECT s.id, s.app, u.id, u.role, r.id, r.path::text,
      CASE WHEN u.role IN ('guidance_member', 'county_supervisor') THEN huanjie_assigned_paths(u.id) ELSE '{}'::text[] END
    FROM sessions s
    JOIN users u ON u.id = s.user_id
    JOIN regions r ON r.id = u.region_id
    WHERE s.token_hash = p_token_hash AND s.revoked_at IS NULL AND s.expires_at > p_now
      AND s.last_used_at > p_idle_since AND NOT u.disabled AND (p_app IS NULL OR s.app = p_app);
  IF FOUND THEN
    UPDATE sessions SET last_used_at = p_now
      WHERE token_hash = p_token_hash AND last_used_at < p_touch_since;
  END IF;
END
$$;
--> statement-breakpoint
-- Sign-out ends the caller's own session.
CREATE FUNCTION huanjie_end_session(p_session integer, p_now timestamptz)
RETURNS void
LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp
AS $$ UPDATE sessions SET revoked_at = p_now WHERE id = p_session AND revoked_at IS NULL $$;
--> statement-breakpoint
-- "Sign out everywhere": every live session of the user whose session p_session is.
CREATE FUNCTION huanjie_end_all_sessions(p_session integer, p_now timestamptz)
RETURNS integer
LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp
AS $$
  WITH ended AS (
    UPDATE sessions SET revoked_at = p_now
    WHERE user_id = (SELECT s.user_id FROM sessions s WHERE s.id = p_session)
      AND revoked_at IS NULL AND expires_at > p_now
    RETURNING 1
  )
  SELECT count(*)::integer FROM ended
$$;
--> statement-breakpoint
-- The head of every audit chain, for anchoring outside the database: only chain, seq and hash.
CREATE FUNCTION huanjie_audit_chain_heads()
RETURNS TABLE (chain text, seq integer, hash text)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
AS $$ SELECT DISTINCT ON (a.chain) a.chain, a.seq, a.hash FROM audit_log a ORDER BY a.chain, a.seq DESC $$;
--> statement-breakpoint
DO $$
DECLARE fn text;
BEGIN
  FOREACH fn IN ARRAY ARRAY[
    'huanjie_login_account(text)',
    'huanjie_reserve_login_attempt(text, text, timestamptz, timestamptz, integer)',
    'huanjie_address_login_failures(text, timestamptz)',
    'huanjie_login_succeeded(integer)',
    'huanjie_open_session(integer, text, text, timestamptz, timestamptz)',
    'huanjie_assigned_paths(integer)',
    'huanjie_session(text, text, timestamptz, timestamptz, timestamptz)',
    'huanjie_end_session(integer, timestamptz)',
    'huanjie_end_all_sessions(integer, timestamptz)',
    'huanjie_audit_chain_heads()'
  ] LOOP
    EXECUTE format('REVOKE ALL ON FUNCTION %s FROM PUBLIC', fn);
    EXECUTE format('GRANT EXECUTE ON FUNCTION %s TO huanjie_request', fn);
  END LOOP;
END
$$;
--> statement-breakpoint
-- Cadres: the ancestor rule showed a village clerk every cadre of their township and county, with
-- phone numbers. A cadre is visible to the roster it belongs to (a region in the scope, or the
-- home region: a guidance member's own township), and beyond it only to those it serves: as a
-- member or leader of a team of the scope or assigned to a region the request sees (its village,
-- or the township above it) or to a zone of a village in the scope, or as a 责任人 of a village in
-- the scope. Rosters are written only inside the scope.
DROP POLICY cadres_scope ON cadres;
--> statement-breakpoint
CREATE FUNCTION huanjie_home_paths() RETURNS text[]
LANGUAGE sql STABLE PARALLEL SAFE
AS $$ SELECT coalesce(string_to_array(NULLIF(current_setting('huanjie.home', true), ''), ','), '{}'::text[]) $$;
--> statement-breakpoint
CREATE POLICY cadres_scope ON cadres TO huanjie_request
  USING (
    EXISTS (SELECT 1 FROM regions r WHERE r.id = cadres.region_id
      AND (r.path LIKE ANY ((SELECT huanjie_scope_patterns())::text[]) OR r.path = ANY ((SELECT huanjie_home_paths())::text[])))
    OR EXISTS (SELECT 1 FROM village_responsibilities v WHERE v.cadre_id = cadres.id)
    OR EXISTS (
      SELECT 1 FROM guidance_teams t
      WHERE (t.leader_cadre_id = cadres.id
          OR EXISTS (SELECT 1 FROM guidance_team_members m WHERE m.team_id = t.id AND m.cadre_id = cadres.id))
        AND (t.region_path LIKE ANY ((SELECT huanjie_scope_patterns())::text[])
          OR EXISTS (SELECT 1 FROM guidance_team_assignments a WHERE a.team_id = t.id
            AND (EXISTS (SELECT 1 FROM regions r WHERE r.id = a.region_id)
              OR EXISTS (SELECT 1 FROM regions r WHERE r.zone_id = a.zone_id
                AND r.path LIKE ANY ((SELECT huanjie_scope_patterns())::text[]))))))
  )
  WITH CHECK (EXISTS (SELECT 1 FROM regions r WHERE r.id = cadres.region_id
    AND r.path LIKE ANY ((SELECT huanjie_scope_patterns())::text[])));
