-- Appending to a county's audit chain takes the chain's lock, then reads its head: one call instead
-- of two, in that order. A VOLATILE PL/pgSQL function runs each statement with a fresh snapshot,
-- so the head is read after the lock is held and includes the entry of whoever held it before.
-- The head may belong to another township, so the function reads it with the owner's rights (as
-- huanjie_audit_chain_head did, which it replaces) and only its seq and hash leave.
CREATE FUNCTION huanjie_lock_audit_chain(p_chain text) RETURNS TABLE (seq integer, hash text)
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp
AS $$
BEGIN
  PERFORM pg_advisory_xact_lock(hashtext('audit:' || p_chain));
  RETURN QUERY SELECT a.seq, a.hash FROM audit_log a WHERE a.chain = p_chain ORDER BY a.seq DESC LIMIT 1;
END
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION huanjie_lock_audit_chain(text) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION huanjie_lock_audit_chain(text) TO huanjie_request;
--> statement-breakpoint
DROP FUNCTION huanjie_audit_chain_head(text);
