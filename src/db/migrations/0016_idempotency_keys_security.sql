-- Row-level security and grants for the JSON API's idempotency keys. A key and the answer
-- kept with it belong to one person in one partnership: nobody else may read that answer.
ALTER TABLE idempotency_key ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE idempotency_key FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY idempotency_key_own ON idempotency_key
  USING (partnership_id = current_partnership_id() AND user_id = current_app_user_id())
  WITH CHECK (partnership_id = current_partnership_id() AND user_id = current_app_user_id());
--> statement-breakpoint
-- The housekeeping job runs as the partnership with no person and deletes expired keys; a
-- DELETE with a WHERE clause must also be allowed to read the rows it deletes.
CREATE POLICY idempotency_key_housekeeping_read ON idempotency_key FOR SELECT
  USING (partnership_id = current_partnership_id() AND current_app_user_id() IS NULL);
--> statement-breakpoint
CREATE POLICY idempotency_key_housekeeping ON idempotency_key FOR DELETE
  USING (partnership_id = current_partnership_id() AND current_app_user_id() IS NULL);
--> statement-breakpoint
-- Keys expire after 24 hours and are then deleted: they are not records anyone keeps.
GRANT SELECT, INSERT, UPDATE, DELETE ON idempotency_key TO masa_app;
