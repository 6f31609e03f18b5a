-- Row-level security and grants for case reviews.
DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['review_case', 'case_agency', 'case_team_member', 'rapid_review',
    'information_request', 'information_return', 'practice_review', 'review_milestone',
    'draft_request', 'review_delay', 'recommendation', 'recommendation_agency', 'learning_point',
    'learning_dissemination']
  LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY %I ON %I USING (partnership_id = current_partnership_id()) '
      'WITH CHECK (partnership_id = current_partnership_id())', t || '_current', t);
  END LOOP;
END $$;
--> statement-breakpoint
-- A child's sealed details are readable only by the case's current team, whatever the
-- application asks: the database enforces the case team as well as the service does.
ALTER TABLE case_child ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE case_child FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY case_child_team ON case_child
  USING (partnership_id = current_partnership_id() AND EXISTS (
    SELECT 1 FROM case_team_member m
    WHERE m.case_id = case_child.case_id AND m.user_id = current_app_user_id()
      AND m.removed_at IS NULL))
  WITH CHECK (partnership_id = current_partnership_id() AND EXISTS (
    SELECT 1 FROM case_team_member m
    WHERE m.case_id = case_child.case_id AND m.user_id = current_app_user_id()
      AND m.removed_at IS NULL));
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE ON review_case, case_child, case_team_member, rapid_review,
  information_request, information_return, practice_review, review_milestone, draft_request,
  review_delay, recommendation, learning_point, learning_dissemination TO masa_app;
--> statement-breakpoint
-- Which agencies a case or recommendation concerns is a set the team edits.
GRANT SELECT, INSERT, DELETE ON case_agency, recommendation_agency TO masa_app;
--> statement-breakpoint
-- Timescales are counts the partnership sets; nonsense values are refused here too.
ALTER TABLE partnership_setting ADD CONSTRAINT partnership_setting_timescales_positive CHECK (
  notification_working_days BETWEEN 1 AND 60 AND rapid_review_working_days BETWEEN 1 AND 120
  AND panel_response_working_days BETWEEN 1 AND 120 AND practice_review_months BETWEEN 1 AND 36
  AND final_report_working_days BETWEEN 1 AND 60);
