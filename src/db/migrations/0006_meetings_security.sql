-- Row-level security and grants for meetings, calendar settings and the action log.
DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['non_working_day', 'partnership_setting', 'meeting', 'standing_item',
    'agenda_item', 'paper', 'attendance', 'decision', 'calendar_feed', 'action', 'action_update']
  LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY %I ON %I USING (partnership_id = current_partnership_id()) '
      'WITH CHECK (partnership_id = current_partnership_id())', t || '_current', t);
  END LOOP;
END $$;
--> statement-breakpoint
-- A calendar client presents only the feed's secret: it may read that one feed, to learn
-- its partnership.
CREATE POLICY calendar_feed_by_token ON calendar_feed FOR SELECT
  USING (token_hash = current_setting('app.calendar_feed_token_hash', true));
--> statement-breakpoint
-- Records are closed, cancelled or withdrawn, not deleted; extra non-working days are
-- settings that an administrator may remove.
GRANT SELECT, INSERT, UPDATE ON partnership_setting, meeting, standing_item, agenda_item, paper,
  attendance, decision, calendar_feed, action, action_update TO masa_app;
--> statement-breakpoint
GRANT SELECT, INSERT, DELETE ON non_working_day TO masa_app;
