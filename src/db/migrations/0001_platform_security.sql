-- Row-level security, the append-only hash-chained audit trail, and the application role.
-- The application connects as a login role that is a member of masa_app and is neither a
-- superuser nor BYPASSRLS, so every policy below binds it.
DO $$ BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'masa_app') THEN
    CREATE ROLE masa_app NOLOGIN NOSUPERUSER NOBYPASSRLS;
  END IF;
END $$;
--> statement-breakpoint
CREATE FUNCTION current_partnership_id() RETURNS uuid LANGUAGE sql STABLE AS
$$ SELECT nullif(current_setting('app.partnership_id', true), '')::uuid $$;
--> statement-breakpoint
CREATE FUNCTION current_app_user_id() RETURNS uuid LANGUAGE sql STABLE AS
$$ SELECT nullif(current_setting('app.user_id', true), '')::uuid $$;
--> statement-breakpoint
ALTER TABLE partnership ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE partnership FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY partnership_current ON partnership
  USING (id = current_partnership_id()) WITH CHECK (id = current_partnership_id());
--> statement-breakpoint
-- A signed-in person may see the names of the partnerships they hold a role in (to switch).
CREATE POLICY partnership_of_user ON partnership FOR SELECT
  USING (id IN (SELECT partnership_id FROM partnership_role WHERE user_id = current_app_user_id()));
--> statement-breakpoint
ALTER TABLE partnership_role ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE partnership_role FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY partnership_role_current ON partnership_role
  USING (partnership_id = current_partnership_id()) WITH CHECK (partnership_id = current_partnership_id());
--> statement-breakpoint
CREATE POLICY partnership_role_own ON partnership_role FOR SELECT
  USING (user_id = current_app_user_id());
--> statement-breakpoint
ALTER TABLE app_user ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE app_user FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
-- Accounts are global; a query sees only itself, the account being signed in to, and the
-- members of the current partnership.
CREATE POLICY app_user_visible ON app_user FOR SELECT USING (
  id = current_app_user_id()
  OR lower(email) = current_setting('app.sign_in_email', true)
  OR EXISTS (SELECT 1 FROM partnership_role r
             WHERE r.user_id = app_user.id AND r.partnership_id = current_partnership_id()));
--> statement-breakpoint
CREATE POLICY app_user_self_insert ON app_user FOR INSERT WITH CHECK (id = current_app_user_id());
--> statement-breakpoint
CREATE POLICY app_user_self_update ON app_user FOR UPDATE
  USING (id = current_app_user_id()) WITH CHECK (id = current_app_user_id());
--> statement-breakpoint
ALTER TABLE mfa_recovery_code ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE mfa_recovery_code FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY mfa_recovery_code_own ON mfa_recovery_code
  USING (user_id = current_app_user_id()) WITH CHECK (user_id = current_app_user_id());
--> statement-breakpoint
ALTER TABLE invitation ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE invitation FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY invitation_current ON invitation
  USING (partnership_id = current_partnership_id()) WITH CHECK (partnership_id = current_partnership_id());
--> statement-breakpoint
-- Whoever holds an invitation link may read that one invitation, to learn its partnership.
CREATE POLICY invitation_by_token ON invitation FOR SELECT
  USING (token_hash = current_setting('app.invitation_token_hash', true));
--> statement-breakpoint
ALTER TABLE mail_outbox ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE mail_outbox FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY mail_outbox_current ON mail_outbox
  USING (partnership_id = current_partnership_id()) WITH CHECK (partnership_id = current_partnership_id());
--> statement-breakpoint
CREATE SEQUENCE audit_event_seq;
--> statement-breakpoint
-- The digest covers every column but the hash itself, in a text form that does not depend
-- on the session's time zone or jsonb key order.
CREATE FUNCTION audit_event_digest(e audit_event) RETURNS text LANGUAGE sql IMMUTABLE AS $$
  SELECT encode(sha256(convert_to(concat_ws('|',
    coalesce(e.prev_hash, ''), e.seq::text, e.id::text, e.partnership_id::text,
    to_char(e.occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
    coalesce(e.actor_user_id::text, ''), e.action, e.entity_type, coalesce(e.entity_id, ''),
    coalesce(e.request_id, ''), coalesce(e.before::text, ''), coalesce(e.after::text, '')
  ), 'UTF8')), 'hex')
$$;
--> statement-breakpoint
CREATE FUNCTION audit_event_chain() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- One writer per partnership at a time, so sequence order is chain order.
  PERFORM pg_advisory_xact_lock(hashtextextended('audit_event:' || NEW.partnership_id::text, 0));
  NEW.seq := nextval('audit_event_seq');
  SELECT hash INTO NEW.prev_hash FROM audit_event
    WHERE partnership_id = NEW.partnership_id ORDER BY seq DESC LIMIT 1;
  NEW.hash := audit_event_digest(NEW);
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER audit_event_chain BEFORE INSERT ON audit_event
  FOR EACH ROW EXECUTE FUNCTION audit_event_chain();
--> statement-breakpoint
CREATE FUNCTION audit_event_reject_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_event is append-only: % is not allowed', TG_OP
    USING ERRCODE = 'insufficient_privilege';
END $$;
--> statement-breakpoint
CREATE TRIGGER audit_event_append_only BEFORE UPDATE OR DELETE ON audit_event
  FOR EACH ROW EXECUTE FUNCTION audit_event_reject_change();
--> statement-breakpoint
CREATE TRIGGER audit_event_no_truncate BEFORE TRUNCATE ON audit_event
  FOR EACH STATEMENT EXECUTE FUNCTION audit_event_reject_change();
--> statement-breakpoint
ALTER TABLE audit_event ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE audit_event FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY audit_event_read ON audit_event FOR SELECT
  USING (partnership_id = current_partnership_id());
--> statement-breakpoint
CREATE POLICY audit_event_write ON audit_event FOR INSERT
  WITH CHECK (partnership_id = current_partnership_id());
--> statement-breakpoint
GRANT USAGE ON SCHEMA public TO masa_app;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON partnership, app_user, mfa_recovery_code, partnership_role,
  session, sign_in_failure, invitation, mail_outbox TO masa_app;
--> statement-breakpoint
GRANT SELECT, INSERT ON audit_event TO masa_app;
--> statement-breakpoint
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO masa_app;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION current_partnership_id(), current_app_user_id(), audit_event_digest(audit_event) TO masa_app;
