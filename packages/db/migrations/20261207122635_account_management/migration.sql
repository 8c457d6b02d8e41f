-- Account management (issue 12). The request role still cannot write users or sessions: a county
-- admin (or a township coordinator) lists, creates, edits, disables and resets accounts through the
-- SECURITY DEFINER functions below. Each one finds the manager from the caller's live session and
-- checks, in SQL, that the account's region lies in the manager's region and that the manager may
-- grant its role; a refusal comes back as a word ('not_found', 'role', 'level', 'duplicate',
-- 'self', 'cadre', 'forbidden') that the API turns into a Chinese message.

-- Whether a one-time password waits to be changed is as harmless as the other readable columns.
GRANT SELECT (must_change_password) ON users TO huanjie_request;
--> statement-breakpoint
-- The roles a manager may grant: a county admin every role of the county, a township coordinator
-- its village clerks and guidance members.
CREATE FUNCTION huanjie_grantable_roles(p_role text) RETURNS text[]
LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$
  SELECT CASE p_role
    WHEN 'county_admin' THEN ARRAY['county_admin', 'county_leader', 'county_supervisor', 'township_coordinator', 'guidance_member', 'village_clerk']
    WHEN 'township_coordinator' THEN ARRAY['guidance_member', 'village_clerk']
    ELSE '{}'::text[]
  END
$$;
--> statement-breakpoint
-- The level of region a role's account belongs to.
CREATE FUNCTION huanjie_role_fits_level(p_role text, p_level text) RETURNS boolean
LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$
  SELECT CASE
    WHEN p_role IN ('county_admin', 'county_leader', 'county_supervisor') THEN p_level = 'county'
    WHEN p_role IN ('township_coordinator', 'guidance_member') THEN p_level = 'township'
    WHEN p_role = 'village_clerk' THEN p_level IN ('village', 'community')
    ELSE false
  END
$$;
--> statement-breakpoint
-- The manager behind a live session: a user who may grant some role, signed in, not disabled, with
-- no pending password change. Not granted to the request role: the functions below use it.
CREATE FUNCTION huanjie_account_manager(p_session integer, p_now timestamptz)
RETURNS TABLE (user_id integer, role text, path text)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
AS $$
  SELECT u.id, u.role, r.path FROM sessions s
    JOIN users u ON u.id = s.user_id
    JOIN regions r ON r.id = u.region_id
  WHERE s.id = p_session AND s.revoked_at IS NULL AND s.expires_at > p_now
    AND NOT u.disabled AND NOT u.must_change_password
    AND cardinality(huanjie_grantable_roles(u.role)) > 0
$$;
--> statement-breakpoint
-- The accounts a manager manages, with the last time each signed in. No hash.
CREATE FUNCTION huanjie_accounts(p_session integer, p_now timestamptz)
RETURNS TABLE (id integer, username text, display_name text, role text, region_id integer, region_path text,
  region_name text, disabled boolean, must_change_password boolean, created_at timestamptz, last_sign_in_at timestamptz)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
AS $$
  SELECT u.id, u.username, u.display_name, u.role, u.region_id, r.path, r.name, u.disabled, u.must_change_password,
    u.created_at, (SELECT max(s.created_at) FROM sessions s WHERE s.user_id = u.id)
  FROM huanjie_account_manager(p_session, p_now) m
  JOIN users u ON u.role = ANY (huanjie_grantable_roles(m.role))
  JOIN regions r ON r.id = u.region_id AND r.path LIKE m.path || '%'
  ORDER BY r.path, u.role, u.username
$$;
--> statement-breakpoint
-- A new account with a one-time password (its hash): the first sign-in must choose a new one. A
-- guidance member made from the cadre roster is linked to the cadre (p_cadre).
CREATE FUNCTION huanjie_account_create(p_session integer, p_now timestamptz, p_username text, p_display_name text,
  p_role text, p_region integer, p_password_hash text, p_cadre integer)
RETURNS TABLE (account_id integer, refusal text)
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp
AS $$
DECLARE
  m record;
  t_path text;
  t_level text;
  created integer;
BEGIN
  SELECT * INTO m FROM huanjie_account_manager(p_session, p_now);
  IF NOT FOUND THEN
    RETURN QUERY SELECT NULL::integer, 'forbidden'::text; RETURN;
  END IF;
  SELECT r.path, r.level INTO t_path, t_level FROM regions r WHERE r.id = p_region;
  IF t_path IS NULL OR t_path NOT LIKE m.path || '%' THEN
    RETURN QUERY SELECT NULL::integer, 'not_found'::text; RETURN;
  END IF;
  IF NOT p_role = ANY (huanjie_grantable_roles(m.role)) THEN
    RETURN QUERY SELECT NULL::integer, 'role'::text; RETURN;
  END IF;
  IF NOT huanjie_role_fits_level(p_role, t_level) THEN
    RETURN QUERY SELECT NULL::integer, 'level'::text; RETURN;
  END IF;
  IF EXISTS (SELECT 1 FROM users u WHERE u.username = p_username) THEN
    RETURN QUERY SELECT NULL::integer, 'duplicate'::text; RETURN;
  END IF;
  IF p_cadre IS NOT NULL AND NOT EXISTS (
    SELECT 1 FROM cadres c JOIN regions r ON r.id = c.region_id
    WHERE c.id = p_cadre AND c.user_id IS NULL AND c.region_id = p_region AND r.path LIKE m.path || '%'
  ) THEN
    RETURN QUERY SELECT NULL::integer, 'cadre'::text; RETURN;
  END IF;
  INSERT INTO users (username, password_hash, display_name, role, region_id, must_change_password)
    VALUES (p_username, p_password_hash, p_display_name, p_role, p_region, true)
    RETURNING users.id INTO created;
  IF p_cadre IS NOT NULL THEN
    UPDATE cadres SET user_id = created, updated_at = p_now WHERE cadres.id = p_cadre;
  END IF;
  RETURN QUERY SELECT created, NULL::text;
END
$$;
--> statement-breakpoint
-- The account p_user if the manager of p_session reaches it: its role and region are the manager's
-- to manage. Not granted to the request role.
CREATE FUNCTION huanjie_managed_account(p_session integer, p_now timestamptz, p_user integer)
RETURNS TABLE (manager_id integer, manager_role text, manager_path text, role text, region_id integer)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
AS $$
  SELECT m.user_id, m.role, m.path, u.role, u.region_id
  FROM huanjie_account_manager(p_session, p_now) m
  JOIN users u ON u.id = p_user AND u.role = ANY (huanjie_grantable_roles(m.role))
  JOIN regions r ON r.id = u.region_id AND r.path LIKE m.path || '%'
$$;
--> statement-breakpoint
-- Edits name, role and region. A manager does not change their own role or region. A changed role
-- or region ends the account's sessions (it may now belong to another app).
CREATE FUNCTION huanjie_account_update(p_session integer, p_now timestamptz, p_user integer, p_display_name text,
  p_role text, p_region integer)
RETURNS text
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp
AS $$
DECLARE
  t record;
  n_path text;
  n_level text;
BEGIN
  SELECT * INTO t FROM huanjie_managed_account(p_session, p_now, p_user);
  IF NOT FOUND THEN RETURN 'not_found'; END IF;
  SELECT r.path, r.level INTO n_path, n_level FROM regions r WHERE r.id = p_region;
  IF n_path IS NULL OR n_path NOT LIKE t.manager_path || '%' THEN RETURN 'not_found'; END IF;
  IF NOT p_role = ANY (huanjie_grantable_roles(t.manager_role)) THEN RETURN 'role'; END IF;
  IF NOT huanjie_role_fits_level(p_role, n_level) THEN RETURN 'level'; END IF;
  IF p_user = t.manager_id AND (p_role <> t.role OR p_region <> t.region_id) THEN RETURN 'self'; END IF;
  UPDATE users SET display_name = p_display_name, role = p_role, region_id = p_region WHERE users.id = p_user;
  IF p_role <> t.role OR p_region <> t.region_id THEN
    UPDATE sessions SET revoked_at = p_now WHERE user_id = p_user AND revoked_at IS NULL;
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
-- Disables (ending every session at once) or enables an account; never one's own.
CREATE FUNCTION huanjie_account_set_disabled(p_session integer, p_now timestamptz, p_user integer, p_disabled boolean)
RETURNS text
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp
AS $$
DECLARE
  t record;
BEGIN
  SELECT * INTO t FROM huanjie_managed_account(p_session, p_now, p_user);
  IF NOT FOUND THEN RETURN 'not_found'; END IF;
  IF p_user = t.manager_id THEN RETURN 'self'; END IF;
  UPDATE users SET disabled = p_disabled WHERE users.id = p_user;
  IF p_disabled THEN
    UPDATE sessions SET revoked_at = p_now WHERE user_id = p_user AND revoked_at IS NULL;
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
-- A new one-time password (its hash) for another's account: every session ends, the failed
-- sign-ins that may have locked it are forgotten, and the next sign-in must choose a password.
CREATE FUNCTION huanjie_account_reset_password(p_session integer, p_now timestamptz, p_user integer, p_password_hash text)
RETURNS text
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp
AS $$
DECLARE
  t record;
BEGIN
  SELECT * INTO t FROM huanjie_managed_account(p_session, p_now, p_user);
  IF NOT FOUND THEN RETURN 'not_found'; END IF;
  IF p_user = t.manager_id THEN RETURN 'self'; END IF;
  UPDATE users SET password_hash = p_password_hash, must_change_password = true WHERE users.id = p_user;
  UPDATE sessions SET revoked_at = p_now WHERE user_id = p_user AND revoked_at IS NULL;
  DELETE FROM login_attempts a
    WHERE a.username = (SELECT u.username FROM users u WHERE u.id = p_user) AND NOT a.succeeded;
  RETURN NULL;
END
$$;
--> statement-breakpoint
-- The caller's own username and hash, to check the current password before a change.
CREATE FUNCTION huanjie_own_password(p_session integer, p_now timestamptz)
RETURNS TABLE (username text, password_hash text)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
AS $$
  SELECT u.username, u.password_hash FROM sessions s JOIN users u ON u.id = s.user_id
  WHERE s.id = p_session AND s.revoked_at IS NULL AND s.expires_at > p_now AND NOT u.disabled
$$;
--> statement-breakpoint
-- The caller chooses a new password: the pending change is done, and every other session ends.
CREATE FUNCTION huanjie_change_own_password(p_session integer, p_now timestamptz, p_password_hash text)
RETURNS integer
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp
AS $$
DECLARE
  account integer;
  ended integer;
BEGIN
  SELECT s.user_id INTO account FROM sessions s JOIN users u ON u.id = s.user_id
    WHERE s.id = p_session AND s.revoked_at IS NULL AND s.expires_at > p_now AND NOT u.disabled;
  IF account IS NULL THEN
    RAISE EXCEPTION 'no live session %', p_session;
  END IF;
  UPDATE users SET password_hash = p_password_hash, must_change_password = false WHERE users.id = account;
  WITH gone AS (
    UPDATE sessions SET revoked_at = p_now
    WHERE user_id = account AND sessions.id <> p_session AND revoked_at IS NULL AND expires_at > p_now
    RETURNING 1
  )
  SELECT count(*)::integer INTO ended FROM gone;
  RETURN ended;
END
$$;
--> statement-breakpoint
-- The session now also says whether its user must still choose a password.
DROP FUNCTION huanjie_session(text, text, timestamptz, timestamptz, timestamptz);
--> statement-breakpoint
CREATE FUNCTION huanjie_session(p_token_hash text, p_app text, p_now timestamptz, p_idle_since timestamptz, p_touch_since timestamptz)
RETURNS TABLE (session_id integer, app text, user_id integer, role text, home_region_id integer, home_path text,
  assigned_paths text[], must_change_password boolean)
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp
AS $$
BEGIN
  RETURN QUERY
    SELECT s.id, s.app, u.id, u.role, r.id, r.path::text,
      CASE WHEN u.role IN ('guidance_member', 'county_supervisor') THEN huanjie_assigned_paths(u.id) ELSE '{}'::text[] END,
      u.must_change_password
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
DO $$
DECLARE fn text;
BEGIN
  FOREACH fn IN ARRAY ARRAY[
    'huanjie_account_manager(integer, timestamptz)',
    'huanjie_managed_account(integer, timestamptz, integer)'
  ] LOOP
    EXECUTE format('REVOKE ALL ON FUNCTION %s FROM PUBLIC', fn);
  END LOOP;
  FOREACH fn IN ARRAY ARRAY[
    'huanjie_accounts(integer, timestamptz)',
    'huanjie_account_create(integer, timestamptz, text, text, text, integer, text, integer)',
    'huanjie_account_update(integer, timestamptz, integer, text, text, integer)',
    'huanjie_account_set_disabled(integer, timestamptz, integer, boolean)',
    'huanjie_account_reset_password(integer, timestamptz, integer, text)',
    'huanjie_own_password(integer, timestamptz)',
    'huanjie_change_own_password(integer, timestamptz, text)',
    'huanjie_session(text, text, timestamptz, timestamptz, timestamptz)'
  ] LOOP
    EXECUTE format('REVOKE ALL ON FUNCTION %s FROM PUBLIC', fn);
    EXECUTE format('GRANT EXECUTE ON FUNCTION %s TO huanjie_request', fn);
  END LOOP;
END
$$;
