-- Overdue and outstanding actions are read on the dashboard, the action log and by the
-- reminder job; with years of closed actions, the (partnership, due date) index made each
-- of those read every past action to find the few hundred still open.
CREATE INDEX "action_outstanding_due_idx" ON "action" USING btree ("partnership_id","due_on") WHERE status IN ('open', 'in_progress');