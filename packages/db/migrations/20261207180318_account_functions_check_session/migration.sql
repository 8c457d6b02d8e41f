-- The account functions act only for the session the request names. The API sets huanjie.session
-- (the hash of the request's session token) with the request role; a session id passed by the
-- request role must be that session's. An id alone is a small integer that a faulty caller could
-- pass for another user's session (and sign them out or change their password); the token hash is
-- known only to whoever holds the token. Called without the request role (row-level security
-- off, the owner), the check holds: the owner writes these tables anyway.
CREATE FUNCTION huanjie_is_request_session(p_session integer) RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
AS $$
  SELECT current_setting('role') <> 'huanjie_request'
    OR EXISTS (SELECT 1 FROM sessions s WHERE s.id = p_session
      AND s.token_hash = current_setting('huanjie.session', true))
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION huanjie_is_request_session(integer) FROM PUBLIC;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION huanjie_account_manager(p_session integer, p_now timestamptz)
RETURNS TABLE (user_id integer, role text, path text)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
AS $$
  SELECT u.id, u.role, r.path FROM sessions s
    JOIN users u ON u.id = s.user_id
    JOIN regions r ON r.id = u.region_id
  WHERE s.id = p_session AND s.revoked_at IS NULL AND s.expires_at > p_now
    AND NOT u.disabled AND NOT u.must_change_password
    AND cardinality(huanjie_grantable_roles(u.role)) > 0
    AND huanjie_is_request_session(p_session)
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION huanjie_own_password(p_session integer, p_now timestamptz)
RETURNS TABLE (username text, password_hash text)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
AS $$
  SELECT u.username, u.password_hash FROM sessions s JOIN users u ON u.id = s.user_id
  WHERE s.id = p_session AND s.revoked_at IS NULL AND s.expires_at > p_now AND NOT u.disabled
    AND huanjie_is_request_session(p_session)
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION huanjie_change_own_password(p_session integer, p_now timestamptz, p_password_hash text)
RETURNS integer
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp
AS $$
DECLARE
  account integer;
  ended integer;
BEGIN
  SELECT s.user_id INTO account FROM sessions s JOIN users u ON u.id = s.user_id
    WHERE s.id = p_session AND s.revoked_at IS NULL AND s.expires_at > p_now AND NOT u.disabled
      AND huanjie_is_request_session(p_session);
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
CREATE OR REPLACE FUNCTION huanjie_end_session(p_session integer, p_now timestamptz)
RETURNS void
LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp
AS $$
  UPDATE sessions SET revoked_at = p_now
  WHERE id = p_session AND revoked_at IS NULL AND huanjie_is_request_session(p_session)
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION huanjie_end_all_sessions(p_session integer, p_now timestamptz)
RETURNS integer
LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp
AS $$
  WITH ended AS (
    UPDATE sessions SET revoked_at = p_now
    WHERE user_id = (SELECT s.user_id FROM sessions s
        WHERE s.id = p_session AND huanjie_is_request_session(p_session))
      AND revoked_at IS NULL AND expires_at > p_now
    RETURNING 1
  )
  SELECT count(*)::integer FROM ended
$$;
