CREATE TABLE "case_agency" (
	"partnership_id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"agency_id" uuid NOT NULL,
	CONSTRAINT "case_agency_case_id_agency_id_pk" PRIMARY KEY("case_id","agency_id")
);
--> statement-breakpoint
CREATE TABLE "case_child" (
	"id" uuid PRIMARY KEY NOT NULL,
	"partnership_id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"position" smallint NOT NULL,
	"name_sealed" text NOT NULL,
	"date_of_birth_sealed" text,
	"nhs_number_sealed" text,
	"address_sealed" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "case_child_at_most_four" CHECK ("case_child"."position" BETWEEN 1 AND 4)
);
--> statement-breakpoint
CREATE TABLE "case_team_member" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"partnership_id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"added_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"removed_by" uuid,
	"removed_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "draft_request" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"partnership_id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"requested_on" date NOT NULL,
	"request" text NOT NULL,
	"requested_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "encryption_key_check" (
	"key_id" text PRIMARY KEY NOT NULL,
	"sealed_check" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "information_request" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"partnership_id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"agency_id" uuid NOT NULL,
	"asked_for" text NOT NULL,
	"requested_on" date NOT NULL,
	"due_on" date NOT NULL,
	"returned_on" date,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "information_request_due_after_request" CHECK ("information_request"."due_on" >= "information_request"."requested_on")
);
--> statement-breakpoint
CREATE TABLE "information_return" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"partnership_id" uuid NOT NULL,
	"request_id" uuid NOT NULL,
	"file_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"uploaded_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "information_return_kind_known" CHECK ("information_return"."kind" IN ('chronology', 'summary', 'other'))
);
--> statement-breakpoint
CREATE TABLE "learning_dissemination" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"partnership_id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"body_id" uuid,
	"agency_id" uuid,
	"disseminated_on" date NOT NULL,
	"recorded_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "learning_dissemination_to_one" CHECK (("learning_dissemination"."body_id" IS NULL) <> ("learning_dissemination"."agency_id" IS NULL))
);
--> statement-breakpoint
CREATE TABLE "learning_point" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"partnership_id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"text" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "practice_review" (
	"case_id" uuid PRIMARY KEY NOT NULL,
	"partnership_id" uuid NOT NULL,
	"decided_on" date NOT NULL,
	"methodology" text NOT NULL,
	"reviewers" text NOT NULL,
	"terms_of_reference" text NOT NULL,
	"target_on" date NOT NULL,
	"final_report_sent_on" date,
	"published_on" date,
	"publication_url" text,
	"not_published_reason" text,
	"short_notice_reason" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "practice_review_target_after_decision" CHECK ("practice_review"."target_on" >= "practice_review"."decided_on"),
	CONSTRAINT "practice_review_published_after_report" CHECK ("practice_review"."published_on" IS NULL OR ("practice_review"."final_report_sent_on" IS NOT NULL AND "practice_review"."published_on" >= "practice_review"."final_report_sent_on")),
	CONSTRAINT "practice_review_published_or_why_not" CHECK ("practice_review"."published_on" IS NULL OR "practice_review"."not_published_reason" IS NULL)
);
--> statement-breakpoint
CREATE TABLE "rapid_review" (
	"case_id" uuid PRIMARY KEY NOT NULL,
	"partnership_id" uuid NOT NULL,
	"meeting_id" uuid,
	"outcome" text,
	"learning_scope" text,
	"criteria_met" text[] DEFAULT '{}'::text[] NOT NULL,
	"rationale" text,
	"decided_on" date,
	"sent_to_panel_on" date,
	"panel_response_on" date,
	"panel_response" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "rapid_review_outcome_known" CHECK ("rapid_review"."outcome" IS NULL OR "rapid_review"."outcome" IN ('national_review', 'local_review', 'no_review')),
	CONSTRAINT "rapid_review_outcome_with_rationale" CHECK ("rapid_review"."outcome" IS NULL OR ("rapid_review"."rationale" IS NOT NULL AND btrim("rapid_review"."rationale") <> '' AND "rapid_review"."decided_on" IS NOT NULL)),
	CONSTRAINT "rapid_review_learning_scope" CHECK (("rapid_review"."outcome" = 'no_review' AND "rapid_review"."learning_scope" IN ('single_agency', 'multi_agency'))
        OR ("rapid_review"."outcome" IS DISTINCT FROM 'no_review' AND "rapid_review"."learning_scope" IS NULL))
);
--> statement-breakpoint
CREATE TABLE "recommendation" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"partnership_id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"text" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "recommendation_agency" (
	"partnership_id" uuid NOT NULL,
	"recommendation_id" uuid NOT NULL,
	"agency_id" uuid NOT NULL,
	CONSTRAINT "recommendation_agency_recommendation_id_agency_id_pk" PRIMARY KEY("recommendation_id","agency_id")
);
--> statement-breakpoint
CREATE TABLE "review_case" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"partnership_id" uuid NOT NULL,
	"reference" text NOT NULL,
	"kind" text NOT NULL,
	"aware_on" date NOT NULL,
	"criteria" text[] DEFAULT '{}'::text[] NOT NULL,
	"panel_notified_on" date,
	"ofsted_notified_on" date,
	"partners_notified_on" date,
	"notification_working_days" integer NOT NULL,
	"rapid_review_working_days" integer NOT NULL,
	"panel_response_working_days" integer NOT NULL,
	"practice_review_months" integer NOT NULL,
	"final_report_working_days" integer NOT NULL,
	"close_reason" text,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"closed_at" timestamp with time zone,
	CONSTRAINT "review_case_kind_known" CHECK ("review_case"."kind" IN ('serious_incident', 'good_practice')),
	CONSTRAINT "review_case_told_after_aware" CHECK (("review_case"."panel_notified_on" IS NULL OR "review_case"."panel_notified_on" >= "review_case"."aware_on")
        AND ("review_case"."ofsted_notified_on" IS NULL OR "review_case"."ofsted_notified_on" >= "review_case"."aware_on")
        AND ("review_case"."partners_notified_on" IS NULL OR "review_case"."partners_notified_on" >= "review_case"."aware_on")),
	CONSTRAINT "review_case_closed_with_reason" CHECK ("review_case"."closed_at" IS NULL OR "review_case"."close_reason" IS NOT NULL)
);
--> statement-breakpoint
CREATE TABLE "review_delay" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"partnership_id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"reason" text NOT NULL,
	"revised_on" date NOT NULL,
	"recorded_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "review_milestone" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"partnership_id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"title" text NOT NULL,
	"due_on" date NOT NULL,
	"status" text DEFAULT 'planned' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "review_milestone_status_known" CHECK ("review_milestone"."status" IN ('planned', 'in_progress', 'done'))
);
--> statement-breakpoint
ALTER TABLE "partnership_setting" ADD COLUMN "notification_working_days" integer DEFAULT 5 NOT NULL;--> statement-breakpoint
ALTER TABLE "partnership_setting" ADD COLUMN "rapid_review_working_days" integer DEFAULT 15 NOT NULL;--> statement-breakpoint
ALTER TABLE "partnership_setting" ADD COLUMN "panel_response_working_days" integer DEFAULT 10 NOT NULL;--> statement-breakpoint
ALTER TABLE "partnership_setting" ADD COLUMN "practice_review_months" integer DEFAULT 6 NOT NULL;--> statement-breakpoint
ALTER TABLE "partnership_setting" ADD COLUMN "final_report_working_days" integer DEFAULT 7 NOT NULL;--> statement-breakpoint
ALTER TABLE "action" ADD COLUMN "recommendation_id" uuid;--> statement-breakpoint
ALTER TABLE "case_agency" ADD CONSTRAINT "case_agency_partnership_id_partnership_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."partnership"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_agency" ADD CONSTRAINT "case_agency_case_id_review_case_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."review_case"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_agency" ADD CONSTRAINT "case_agency_agency_id_agency_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agency"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_child" ADD CONSTRAINT "case_child_partnership_id_partnership_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."partnership"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_child" ADD CONSTRAINT "case_child_case_id_review_case_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."review_case"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_team_member" ADD CONSTRAINT "case_team_member_partnership_id_partnership_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."partnership"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_team_member" ADD CONSTRAINT "case_team_member_case_id_review_case_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."review_case"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_team_member" ADD CONSTRAINT "case_team_member_user_id_app_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_team_member" ADD CONSTRAINT "case_team_member_added_by_app_user_id_fk" FOREIGN KEY ("added_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_team_member" ADD CONSTRAINT "case_team_member_removed_by_app_user_id_fk" FOREIGN KEY ("removed_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "draft_request" ADD CONSTRAINT "draft_request_partnership_id_partnership_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."partnership"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "draft_request" ADD CONSTRAINT "draft_request_case_id_practice_review_case_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."practice_review"("case_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "draft_request" ADD CONSTRAINT "draft_request_requested_by_app_user_id_fk" FOREIGN KEY ("requested_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "information_request" ADD CONSTRAINT "information_request_partnership_id_partnership_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."partnership"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "information_request" ADD CONSTRAINT "information_request_case_id_review_case_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."review_case"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "information_request" ADD CONSTRAINT "information_request_agency_id_agency_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agency"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "information_return" ADD CONSTRAINT "information_return_partnership_id_partnership_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."partnership"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "information_return" ADD CONSTRAINT "information_return_request_id_information_request_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."information_request"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "information_return" ADD CONSTRAINT "information_return_file_id_stored_file_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."stored_file"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "information_return" ADD CONSTRAINT "information_return_uploaded_by_app_user_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "learning_dissemination" ADD CONSTRAINT "learning_dissemination_partnership_id_partnership_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."partnership"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "learning_dissemination" ADD CONSTRAINT "learning_dissemination_case_id_review_case_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."review_case"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "learning_dissemination" ADD CONSTRAINT "learning_dissemination_body_id_body_id_fk" FOREIGN KEY ("body_id") REFERENCES "public"."body"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "learning_dissemination" ADD CONSTRAINT "learning_dissemination_agency_id_agency_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agency"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "learning_dissemination" ADD CONSTRAINT "learning_dissemination_recorded_by_app_user_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "learning_point" ADD CONSTRAINT "learning_point_partnership_id_partnership_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."partnership"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "learning_point" ADD CONSTRAINT "learning_point_case_id_review_case_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."review_case"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "practice_review" ADD CONSTRAINT "practice_review_case_id_review_case_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."review_case"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "practice_review" ADD CONSTRAINT "practice_review_partnership_id_partnership_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."partnership"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rapid_review" ADD CONSTRAINT "rapid_review_case_id_review_case_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."review_case"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rapid_review" ADD CONSTRAINT "rapid_review_partnership_id_partnership_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."partnership"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rapid_review" ADD CONSTRAINT "rapid_review_meeting_id_meeting_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meeting"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recommendation" ADD CONSTRAINT "recommendation_partnership_id_partnership_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."partnership"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recommendation" ADD CONSTRAINT "recommendation_case_id_review_case_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."review_case"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recommendation_agency" ADD CONSTRAINT "recommendation_agency_partnership_id_partnership_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."partnership"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recommendation_agency" ADD CONSTRAINT "recommendation_agency_recommendation_id_recommendation_id_fk" FOREIGN KEY ("recommendation_id") REFERENCES "public"."recommendation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recommendation_agency" ADD CONSTRAINT "recommendation_agency_agency_id_agency_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agency"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_case" ADD CONSTRAINT "review_case_partnership_id_partnership_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."partnership"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_case" ADD CONSTRAINT "review_case_created_by_app_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_delay" ADD CONSTRAINT "review_delay_partnership_id_partnership_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."partnership"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_delay" ADD CONSTRAINT "review_delay_case_id_practice_review_case_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."practice_review"("case_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_delay" ADD CONSTRAINT "review_delay_recorded_by_app_user_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_milestone" ADD CONSTRAINT "review_milestone_partnership_id_partnership_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."partnership"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_milestone" ADD CONSTRAINT "review_milestone_case_id_practice_review_case_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."practice_review"("case_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "case_child_position_key" ON "case_child" USING btree ("case_id","position");--> statement-breakpoint
CREATE UNIQUE INDEX "case_team_member_current_key" ON "case_team_member" USING btree ("case_id","user_id") WHERE "case_team_member"."removed_at" IS NULL;--> statement-breakpoint
CREATE INDEX "case_team_member_user_idx" ON "case_team_member" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "draft_request_case_idx" ON "draft_request" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "information_request_case_idx" ON "information_request" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "information_return_request_idx" ON "information_return" USING btree ("request_id");--> statement-breakpoint
CREATE INDEX "learning_dissemination_case_idx" ON "learning_dissemination" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "learning_point_case_idx" ON "learning_point" USING btree ("case_id");--> statement-breakpoint
CREATE UNIQUE INDEX "recommendation_number_key" ON "recommendation" USING btree ("case_id","number");--> statement-breakpoint
CREATE UNIQUE INDEX "review_case_reference_key" ON "review_case" USING btree ("partnership_id",lower("reference"));--> statement-breakpoint
CREATE INDEX "review_case_open_idx" ON "review_case" USING btree ("partnership_id","closed_at");--> statement-breakpoint
CREATE INDEX "review_delay_case_idx" ON "review_delay" USING btree ("case_id","created_at");--> statement-breakpoint
CREATE INDEX "review_milestone_case_idx" ON "review_milestone" USING btree ("case_id","due_on");--> statement-breakpoint
ALTER TABLE "action" ADD CONSTRAINT "action_recommendation_id_recommendation_id_fk" FOREIGN KEY ("recommendation_id") REFERENCES "public"."recommendation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "action_recommendation_idx" ON "action" USING btree ("recommendation_id");--> statement-breakpoint
ALTER TABLE "action" ADD CONSTRAINT "action_recommendation_present" CHECK ("action"."source_type" <> 'review_recommendation' OR "action"."recommendation_id" IS NOT NULL);