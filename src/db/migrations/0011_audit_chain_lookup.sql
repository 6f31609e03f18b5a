-- The chain's last-hash lookup named only seq in its order, so with many partnerships the
-- planner could walk the whole primary key backwards past other partnerships' events; ordering
-- by (partnership_id, seq) lets it use audit_event_partnership_seq_idx directly.
CREATE OR REPLACE FUNCTION audit_event_chain() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- One writer per partnership at a time, so sequence order is chain order.
  PERFORM pg_advisory_xact_lock(hashtextextended('audit_event:' || NEW.partnership_id::text, 0));
  NEW.seq := nextval('audit_event_seq');
  SELECT hash INTO NEW.prev_hash FROM audit_event
    WHERE partnership_id = NEW.partnership_id ORDER BY partnership_id DESC, seq DESC LIMIT 1;
  NEW.hash := audit_event_digest(NEW);
  RETURN NEW;
END $$;
