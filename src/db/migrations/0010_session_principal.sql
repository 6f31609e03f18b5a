-- Who a session cookie belongs to, in one round trip instead of six: the session row, the
-- account and its partnerships with roles. Runs as the caller (no extra privilege): it sets
-- app.user_id for the rest of its own statement's transaction, so the row-level security
-- policies that let a person read their own account and roles apply as they do elsewhere.
-- Called outside any transaction (autocommit), so the setting ends with the call.
CREATE FUNCTION session_principal(p_id_hash text)
RETURNS TABLE (
  user_id uuid,
  partnership_id uuid,
  mfa_passed_at timestamptz,
  created_at timestamptz,
  last_seen_at timestamptz,
  email text,
  display_name text,
  disabled_at timestamptz,
  mfa_enabled_at timestamptz,
  partnerships jsonb
)
LANGUAGE plpgsql VOLATILE AS $$
DECLARE
  found_session session%ROWTYPE;
BEGIN
  SELECT * INTO found_session FROM session WHERE id_hash = p_id_hash;
  IF NOT FOUND THEN
    RETURN;
  END IF;
  PERFORM set_config('app.user_id', found_session.user_id::text, true);
  RETURN QUERY
    SELECT found_session.user_id, found_session.partnership_id, found_session.mfa_passed_at,
           found_session.created_at, found_session.last_seen_at,
           u.email, u.display_name, u.disabled_at, u.mfa_enabled_at,
           coalesce((
             SELECT jsonb_agg(jsonb_build_object('id', p.id, 'name', p.name, 'role', r.role)
                              ORDER BY p.name, r.role)
             FROM partnership_role r JOIN partnership p ON p.id = r.partnership_id
             WHERE r.user_id = found_session.user_id
           ), '[]'::jsonb)
    FROM app_user u
    WHERE u.id = found_session.user_id;
END $$;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION session_principal(text) TO masa_app;
