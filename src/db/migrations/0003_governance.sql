CREATE TABLE "stored_file" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"partnership_id" uuid NOT NULL,
	"file_name" text NOT NULL,
	"content_type" text NOT NULL,
	"byte_size" integer NOT NULL,
	"sha256" text NOT NULL,
	"content" "bytea" NOT NULL,
	"uploaded_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "agency" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"partnership_id" uuid NOT NULL,
	"name" text NOT NULL,
	"agency_type" text NOT NULL,
	"is_safeguarding_partner" boolean DEFAULT false NOT NULL,
	"is_relevant_agency" boolean DEFAULT false NOT NULL,
	"closed_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "amendment_request" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"partnership_id" uuid NOT NULL,
	"requested_by" uuid NOT NULL,
	"summary" text NOT NULL,
	"details" text NOT NULL,
	"status" text DEFAULT 'received' NOT NULL,
	"status_note" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "api_token" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"partnership_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"name" text NOT NULL,
	"token_hash" text NOT NULL,
	"last_used_at" timestamp with time zone,
	"revoked_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "api_token_token_hash_unique" UNIQUE("token_hash")
);
--> statement-breakpoint
CREATE TABLE "arrangements_review" (
	"partnership_id" uuid PRIMARY KEY NOT NULL,
	"next_review_due_on" date NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "arrangements_version" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"partnership_id" uuid NOT NULL,
	"version_number" text NOT NULL,
	"issued_on" date NOT NULL,
	"author" text NOT NULL,
	"reason" text NOT NULL,
	"file_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "body" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"partnership_id" uuid NOT NULL,
	"name" text NOT NULL,
	"body_type" text NOT NULL,
	"reports_to_id" uuid,
	"purpose" text DEFAULT '' NOT NULL,
	"cadence" text NOT NULL,
	"cadence_note" text,
	"chair_person_id" uuid,
	"chair_appointed_on" date,
	"chair_review_due_on" date,
	"vice_chair_person_id" uuid,
	"vice_chair_appointed_on" date,
	"vice_chair_review_due_on" date,
	"business_officer_person_id" uuid,
	"terms_of_reference_file_id" uuid,
	"terms_of_reference_review_due_on" date,
	"quorum_uses_partners" boolean DEFAULT true NOT NULL,
	"quorum_minimum_head_count" integer,
	"closed_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "body_not_own_parent" CHECK ("body"."reports_to_id" IS NULL OR "body"."reports_to_id" <> "body"."id"),
	CONSTRAINT "body_minimum_head_count_positive" CHECK ("body"."quorum_minimum_head_count" IS NULL OR "body"."quorum_minimum_head_count" > 0)
);
--> statement-breakpoint
CREATE TABLE "deputy" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"partnership_id" uuid NOT NULL,
	"membership_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "deputy_dates_ordered" CHECK ("deputy"."ends_on" IS NULL OR "deputy"."ends_on" >= "deputy"."starts_on")
);
--> statement-breakpoint
CREATE TABLE "membership" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"partnership_id" uuid NOT NULL,
	"body_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"status" text NOT NULL,
	"represents_agency_id" uuid NOT NULL,
	"decision_making" boolean NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date,
	"induction_booklet" boolean DEFAULT false NOT NULL,
	"induction_templates" boolean DEFAULT false NOT NULL,
	"induction_standards" boolean DEFAULT false NOT NULL,
	"induction_reporting" boolean DEFAULT false NOT NULL,
	"induction_completed_on" date,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "membership_dates_ordered" CHECK ("membership"."ends_on" IS NULL OR "membership"."ends_on" >= "membership"."starts_on"),
	CONSTRAINT "membership_observers_never_decide" CHECK ("membership"."status" <> 'participant_observer' OR NOT "membership"."decision_making")
);
--> statement-breakpoint
CREATE TABLE "person" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"partnership_id" uuid NOT NULL,
	"full_name" text NOT NULL,
	"job_title" text NOT NULL,
	"agency_id" uuid NOT NULL,
	"email" text NOT NULL,
	"phone" text,
	"user_id" uuid,
	"closed_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "quorum_required_agency" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"partnership_id" uuid NOT NULL,
	"body_id" uuid NOT NULL,
	"agency_id" uuid NOT NULL
);
--> statement-breakpoint
ALTER TABLE "stored_file" ADD CONSTRAINT "stored_file_partnership_id_partnership_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."partnership"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stored_file" ADD CONSTRAINT "stored_file_uploaded_by_app_user_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agency" ADD CONSTRAINT "agency_partnership_id_partnership_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."partnership"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "amendment_request" ADD CONSTRAINT "amendment_request_partnership_id_partnership_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."partnership"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "amendment_request" ADD CONSTRAINT "amendment_request_requested_by_app_user_id_fk" FOREIGN KEY ("requested_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "api_token" ADD CONSTRAINT "api_token_partnership_id_partnership_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."partnership"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "api_token" ADD CONSTRAINT "api_token_user_id_app_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "arrangements_review" ADD CONSTRAINT "arrangements_review_partnership_id_partnership_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."partnership"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "arrangements_version" ADD CONSTRAINT "arrangements_version_partnership_id_partnership_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."partnership"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "arrangements_version" ADD CONSTRAINT "arrangements_version_file_id_stored_file_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."stored_file"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "body" ADD CONSTRAINT "body_partnership_id_partnership_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."partnership"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "body" ADD CONSTRAINT "body_reports_to_id_body_id_fk" FOREIGN KEY ("reports_to_id") REFERENCES "public"."body"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "body" ADD CONSTRAINT "body_chair_person_id_person_id_fk" FOREIGN KEY ("chair_person_id") REFERENCES "public"."person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "body" ADD CONSTRAINT "body_vice_chair_person_id_person_id_fk" FOREIGN KEY ("vice_chair_person_id") REFERENCES "public"."person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "body" ADD CONSTRAINT "body_business_officer_person_id_person_id_fk" FOREIGN KEY ("business_officer_person_id") REFERENCES "public"."person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "body" ADD CONSTRAINT "body_terms_of_reference_file_id_stored_file_id_fk" FOREIGN KEY ("terms_of_reference_file_id") REFERENCES "public"."stored_file"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deputy" ADD CONSTRAINT "deputy_partnership_id_partnership_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."partnership"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deputy" ADD CONSTRAINT "deputy_membership_id_membership_id_fk" FOREIGN KEY ("membership_id") REFERENCES "public"."membership"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deputy" ADD CONSTRAINT "deputy_person_id_person_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "membership" ADD CONSTRAINT "membership_partnership_id_partnership_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."partnership"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "membership" ADD CONSTRAINT "membership_body_id_body_id_fk" FOREIGN KEY ("body_id") REFERENCES "public"."body"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "membership" ADD CONSTRAINT "membership_person_id_person_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "membership" ADD CONSTRAINT "membership_represents_agency_id_agency_id_fk" FOREIGN KEY ("represents_agency_id") REFERENCES "public"."agency"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "person" ADD CONSTRAINT "person_partnership_id_partnership_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."partnership"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "person" ADD CONSTRAINT "person_agency_id_agency_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agency"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "person" ADD CONSTRAINT "person_user_id_app_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quorum_required_agency" ADD CONSTRAINT "quorum_required_agency_partnership_id_partnership_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."partnership"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quorum_required_agency" ADD CONSTRAINT "quorum_required_agency_body_id_body_id_fk" FOREIGN KEY ("body_id") REFERENCES "public"."body"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quorum_required_agency" ADD CONSTRAINT "quorum_required_agency_agency_id_agency_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agency"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "stored_file_partnership_idx" ON "stored_file" USING btree ("partnership_id");--> statement-breakpoint
CREATE UNIQUE INDEX "agency_name_key" ON "agency" USING btree ("partnership_id",lower("name"));--> statement-breakpoint
CREATE INDEX "amendment_request_partnership_idx" ON "amendment_request" USING btree ("partnership_id","created_at");--> statement-breakpoint
CREATE INDEX "api_token_user_idx" ON "api_token" USING btree ("user_id","partnership_id");--> statement-breakpoint
CREATE UNIQUE INDEX "arrangements_version_number_key" ON "arrangements_version" USING btree ("partnership_id",lower("version_number"));--> statement-breakpoint
CREATE UNIQUE INDEX "body_name_key" ON "body" USING btree ("partnership_id",lower("name"));--> statement-breakpoint
CREATE INDEX "body_reports_to_idx" ON "body" USING btree ("reports_to_id");--> statement-breakpoint
CREATE INDEX "deputy_membership_idx" ON "deputy" USING btree ("membership_id");--> statement-breakpoint
CREATE INDEX "deputy_person_idx" ON "deputy" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "membership_body_idx" ON "membership" USING btree ("body_id");--> statement-breakpoint
CREATE INDEX "membership_person_idx" ON "membership" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "membership_agency_idx" ON "membership" USING btree ("represents_agency_id");--> statement-breakpoint
CREATE UNIQUE INDEX "person_email_key" ON "person" USING btree ("partnership_id",lower("email"));--> statement-breakpoint
CREATE INDEX "person_agency_idx" ON "person" USING btree ("agency_id");--> statement-breakpoint
CREATE INDEX "person_name_idx" ON "person" USING btree ("partnership_id",lower("full_name"));--> statement-breakpoint
CREATE UNIQUE INDEX "quorum_required_agency_key" ON "quorum_required_agency" USING btree ("body_id","agency_id");