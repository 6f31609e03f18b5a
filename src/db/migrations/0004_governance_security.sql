-- Row-level security and grants for the governance registry, files and API tokens.
DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['stored_file', 'agency', 'person', 'body', 'quorum_required_agency',
    'membership', 'deputy', 'arrangements_version', 'arrangements_review', 'amendment_request']
  LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY %I ON %I USING (partnership_id = current_partnership_id()) '
      'WITH CHECK (partnership_id = current_partnership_id())', t || '_current', t);
  END LOOP;
END $$;
--> statement-breakpoint
ALTER TABLE api_token ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE api_token FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
-- A token is its owner's alone, in the partnership it was made for.
CREATE POLICY api_token_own ON api_token
  USING (partnership_id = current_partnership_id() AND user_id = current_app_user_id())
  WITH CHECK (partnership_id = current_partnership_id() AND user_id = current_app_user_id());
--> statement-breakpoint
-- Whoever presents a token may read that one token, to learn whose it is.
CREATE POLICY api_token_by_hash ON api_token FOR SELECT
  USING (token_hash = current_setting('app.api_token_hash', true));
--> statement-breakpoint
-- Records are closed, not deleted; only a body's list of quorum agencies is replaced.
GRANT SELECT, INSERT, UPDATE ON stored_file, agency, person, body, membership, deputy,
  arrangements_version, arrangements_review, amendment_request, api_token TO masa_app;
--> statement-breakpoint
GRANT SELECT, INSERT, DELETE ON quorum_required_agency TO masa_app;
