-- The audit trail's first page asks for one partnership's newest events. With a primary key
-- on seq alone, the planner walked that key backwards past every other partnership's newer
-- events (100,000 of them with 200 small partnerships beside a large one). Keyed by
-- (partnership_id, seq), the only index ordered by seq starts with the partnership.
ALTER TABLE "audit_event" DROP CONSTRAINT "audit_event_pkey";--> statement-breakpoint
ALTER TABLE "audit_event" ADD CONSTRAINT "audit_event_pkey" PRIMARY KEY("partnership_id","seq");--> statement-breakpoint
DROP INDEX "audit_event_partnership_seq_idx";
