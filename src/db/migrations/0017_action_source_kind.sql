-- Existing actions came from meeting items or review recommendations: their kind follows
-- from how their source is held. (Hand-edited: drizzle-kit adds a NOT NULL column bare.)
ALTER TABLE "action" ADD COLUMN "source_kind" text;--> statement-breakpoint
UPDATE "action" SET "source_kind" = CASE "source_type" WHEN 'review_recommendation' THEN 'review' ELSE 'meeting' END;--> statement-breakpoint
ALTER TABLE "action" ALTER COLUMN "source_kind" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "action" ADD COLUMN "source_reference" text;--> statement-breakpoint
CREATE INDEX "action_source_kind_due_idx" ON "action" USING btree ("partnership_id","source_kind","due_on");--> statement-breakpoint
ALTER TABLE "action" ADD CONSTRAINT "action_source_kind_known" CHECK ("action"."source_kind" IN ('meeting', 'review', 'audit', 'plan', 'escalation', 'other'));--> statement-breakpoint
ALTER TABLE "action" ADD CONSTRAINT "action_source_kind_matches" CHECK (("action"."source_type" <> 'meeting_item' OR "action"."source_kind" = 'meeting') AND ("action"."source_type" <> 'review_recommendation' OR "action"."source_kind" = 'review'));--> statement-breakpoint
ALTER TABLE "action" ADD CONSTRAINT "action_reference_present" CHECK ("action"."source_type" <> 'reference' OR length(trim("action"."source_reference")) BETWEEN 1 AND 200);