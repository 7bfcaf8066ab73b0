CREATE TYPE "public"."activity_kind" AS ENUM('individual', 'collective');--> statement-breakpoint
CREATE TYPE "public"."attendance_status" AS ENUM('unmarked', 'present', 'late', 'excused', 'absent');--> statement-breakpoint
CREATE TYPE "public"."enrollment_source" AS ENUM('self', 'staff');--> statement-breakpoint
CREATE TYPE "public"."enrollment_status" AS ENUM('confirmed', 'waitlisted', 'cancelled');--> statement-breakpoint
CREATE TYPE "public"."level" AS ENUM('beginner', 'intermediate', 'advanced');--> statement-breakpoint
CREATE TYPE "public"."note_kind" AS ENUM('tip', 'question', 'summary', 'feedback');--> statement-breakpoint
CREATE TYPE "public"."note_status" AS ENUM('visible', 'hidden');--> statement-breakpoint
CREATE TYPE "public"."outbox_status" AS ENUM('pending', 'sent', 'failed');--> statement-breakpoint
CREATE TYPE "public"."resource_kind" AS ENUM('file', 'link');--> statement-breakpoint
CREATE TYPE "public"."role" AS ENUM('mediator', 'coordinator', 'admin');--> statement-breakpoint
CREATE TYPE "public"."session_status" AS ENUM('scheduled', 'cancelled', 'done');--> statement-breakpoint
CREATE TYPE "public"."visibility" AS ENUM('private', 'group', 'network', 'public');--> statement-breakpoint
CREATE TYPE "public"."workshop_status" AS ENUM('draft', 'published', 'archived');--> statement-breakpoint
CREATE TABLE "activities" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"mediator_id" uuid NOT NULL,
	"kind" "activity_kind" NOT NULL,
	"date" date NOT NULL,
	"duration_minutes" integer NOT NULL,
	"place_type" text NOT NULL,
	"place_id" uuid,
	"session_id" uuid,
	"themes" text[] DEFAULT '{}'::text[] NOT NULL,
	"admin_themes" text[] DEFAULT '{}'::text[] NOT NULL,
	"equipment" text[] DEFAULT '{}'::text[] NOT NULL,
	"learner_id" uuid,
	"anonymous_person" jsonb,
	"autonomy" text,
	"orientation" text[] DEFAULT '{}'::text[] NOT NULL,
	"completion" text,
	"title" text,
	"level" "level",
	"anonymous_participants" jsonb,
	"notes" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "activities_duration_positive" CHECK ("activities"."duration_minutes" > 0)
);
--> statement-breakpoint
CREATE TABLE "activity_participants" (
	"activity_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	CONSTRAINT "activity_participants_activity_id_user_id_pk" PRIMARY KEY("activity_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "attendance" (
	"session_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"status" "attendance_status" DEFAULT 'unmarked' NOT NULL,
	"walk_in" boolean DEFAULT false NOT NULL,
	"marked_by_id" uuid,
	"marked_at" timestamp with time zone,
	"certificate_code" text,
	CONSTRAINT "attendance_session_id_user_id_pk" PRIMARY KEY("session_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "audit_log" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"actor_id" uuid,
	"action" text NOT NULL,
	"entity_type" text NOT NULL,
	"entity_id" text,
	"before" jsonb,
	"after" jsonb,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "enrollments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"session_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"status" "enrollment_status" NOT NULL,
	"source" "enrollment_source" DEFAULT 'self' NOT NULL,
	"created_by_id" uuid,
	"waitlisted_at" timestamp with time zone,
	"confirmed_at" timestamp with time zone,
	"cancelled_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "notes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"author_id" uuid NOT NULL,
	"workshop_id" uuid,
	"session_id" uuid,
	"kind" "note_kind" NOT NULL,
	"visibility" "visibility" DEFAULT 'private' NOT NULL,
	"body" text NOT NULL,
	"status" "note_status" DEFAULT 'visible' NOT NULL,
	"moderated_by_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "notes_has_subject" CHECK ("notes"."workshop_id" is not null or "notes"."session_id" is not null),
	CONSTRAINT "notes_body_not_empty" CHECK (char_length("notes"."body") > 0)
);
--> statement-breakpoint
CREATE TABLE "outbox" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"recipient_id" uuid,
	"to_address" text,
	"kind" text NOT NULL,
	"subject" text NOT NULL,
	"body" text NOT NULL,
	"payload" jsonb,
	"status" "outbox_status" DEFAULT 'pending' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_error" text,
	"sent_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "place_staff" (
	"place_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "place_staff_place_id_user_id_pk" PRIMARY KEY("place_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "places" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"slug" text NOT NULL,
	"pivot" text NOT NULL,
	"name" text NOT NULL,
	"commune" text NOT NULL,
	"postal_code" text NOT NULL,
	"insee_code" text,
	"address" text NOT NULL,
	"address_complement" text,
	"latitude" double precision,
	"longitude" double precision,
	"typology" text[] DEFAULT '{}'::text[] NOT NULL,
	"phone" text,
	"emails" text[] DEFAULT '{}'::text[] NOT NULL,
	"websites" text[] DEFAULT '{}'::text[] NOT NULL,
	"opening_hours" text,
	"summary" text,
	"description" text,
	"source" text,
	"roaming" text[] DEFAULT '{}'::text[] NOT NULL,
	"parent_structure" text,
	"services" text[] DEFAULT '{}'::text[] NOT NULL,
	"publics" text[] DEFAULT '{}'::text[] NOT NULL,
	"specific_support" text[] DEFAULT '{}'::text[] NOT NULL,
	"fees" text[] DEFAULT '{}'::text[] NOT NULL,
	"national_programs" text[] DEFAULT '{}'::text[] NOT NULL,
	"training_labels" text[] DEFAULT '{}'::text[] NOT NULL,
	"other_training_labels" text,
	"access_modes" text[] DEFAULT '{}'::text[] NOT NULL,
	"support_modes" text[] DEFAULT '{}'::text[] NOT NULL,
	"accessibility_url" text,
	"appointment_url" text,
	"access_info" text,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "places_postal_code_format" CHECK ("places"."postal_code" ~ '^[0-9]{5}$'),
	CONSTRAINT "places_summary_length" CHECK (char_length("places"."summary") <= 280)
);
--> statement-breakpoint
CREATE TABLE "rate_limits" (
	"key" text PRIMARY KEY NOT NULL,
	"window_start" timestamp with time zone NOT NULL,
	"count" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "resources" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"kind" "resource_kind" NOT NULL,
	"url" text,
	"file_path" text,
	"type" text NOT NULL,
	"themes" text[] DEFAULT '{}'::text[] NOT NULL,
	"audiences" text[] DEFAULT '{}'::text[] NOT NULL,
	"level" "level",
	"licence" text NOT NULL,
	"author_id" uuid,
	"place_id" uuid,
	"visibility" "visibility" DEFAULT 'network' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "resources_link_or_file" CHECK (("resources"."kind" = 'link' and "resources"."url" is not null) or ("resources"."kind" = 'file' and "resources"."file_path" is not null))
);
--> statement-breakpoint
CREATE TABLE "session_trainers" (
	"session_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	CONSTRAINT "session_trainers_session_id_user_id_pk" PRIMARY KEY("session_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "sessions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workshop_id" uuid NOT NULL,
	"place_id" uuid NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"capacity" integer NOT NULL,
	"status" "session_status" DEFAULT 'scheduled' NOT NULL,
	"series_id" uuid,
	"signup_cutoff_hours" integer DEFAULT 0 NOT NULL,
	"self_check_in" boolean DEFAULT false NOT NULL,
	"check_in_code" text,
	"late_after_minutes" integer DEFAULT 15 NOT NULL,
	"walk_ins_allowed" boolean DEFAULT true NOT NULL,
	"closed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "sessions_capacity_non_negative" CHECK ("sessions"."capacity" >= 0),
	CONSTRAINT "sessions_ends_after_start" CHECK ("sessions"."ends_at" > "sessions"."starts_at"),
	CONSTRAINT "sessions_cutoff_non_negative" CHECK ("sessions"."signup_cutoff_hours" >= 0),
	CONSTRAINT "sessions_late_after_non_negative" CHECK ("sessions"."late_after_minutes" >= 0)
);
--> statement-breakpoint
CREATE TABLE "user_roles" (
	"user_id" uuid NOT NULL,
	"role" "role" NOT NULL,
	"granted_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "user_roles_user_id_role_pk" PRIMARY KEY("user_id","role")
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"email" text,
	"phone" text,
	"password_hash" text,
	"commune" text,
	"consent_at" timestamp with time zone,
	"created_by_id" uuid,
	"claimed_at" timestamp with time zone,
	"calendar_token" text,
	"locale" text DEFAULT 'fr' NOT NULL,
	"disabled_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "users_email_lowercase" CHECK ("users"."email" = lower("users"."email")),
	CONSTRAINT "users_locale_valid" CHECK ("users"."locale" in ('fr', 'en'))
);
--> statement-breakpoint
CREATE TABLE "workshop_places" (
	"workshop_id" uuid NOT NULL,
	"place_id" uuid NOT NULL,
	CONSTRAINT "workshop_places_workshop_id_place_id_pk" PRIMARY KEY("workshop_id","place_id")
);
--> statement-breakpoint
CREATE TABLE "workshops" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"slug" text NOT NULL,
	"title" text NOT NULL,
	"summary" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"themes" text[] DEFAULT '{}'::text[] NOT NULL,
	"level" "level" NOT NULL,
	"duration_minutes" integer NOT NULL,
	"audiences" text[] DEFAULT '{}'::text[] NOT NULL,
	"prerequisites" text DEFAULT '' NOT NULL,
	"to_bring" text DEFAULT '' NOT NULL,
	"status" "workshop_status" DEFAULT 'draft' NOT NULL,
	"created_by_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "workshops_duration_positive" CHECK ("workshops"."duration_minutes" > 0)
);
--> statement-breakpoint
ALTER TABLE "activities" ADD CONSTRAINT "activities_mediator_id_users_id_fk" FOREIGN KEY ("mediator_id") REFERENCES "public"."users"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activities" ADD CONSTRAINT "activities_place_id_places_id_fk" FOREIGN KEY ("place_id") REFERENCES "public"."places"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activities" ADD CONSTRAINT "activities_session_id_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."sessions"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activities" ADD CONSTRAINT "activities_learner_id_users_id_fk" FOREIGN KEY ("learner_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity_participants" ADD CONSTRAINT "activity_participants_activity_id_activities_id_fk" FOREIGN KEY ("activity_id") REFERENCES "public"."activities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity_participants" ADD CONSTRAINT "activity_participants_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "attendance" ADD CONSTRAINT "attendance_session_id_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."sessions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "attendance" ADD CONSTRAINT "attendance_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "attendance" ADD CONSTRAINT "attendance_marked_by_id_users_id_fk" FOREIGN KEY ("marked_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "audit_log" ADD CONSTRAINT "audit_log_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enrollments" ADD CONSTRAINT "enrollments_session_id_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."sessions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enrollments" ADD CONSTRAINT "enrollments_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enrollments" ADD CONSTRAINT "enrollments_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notes" ADD CONSTRAINT "notes_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notes" ADD CONSTRAINT "notes_workshop_id_workshops_id_fk" FOREIGN KEY ("workshop_id") REFERENCES "public"."workshops"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notes" ADD CONSTRAINT "notes_session_id_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."sessions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notes" ADD CONSTRAINT "notes_moderated_by_id_users_id_fk" FOREIGN KEY ("moderated_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outbox" ADD CONSTRAINT "outbox_recipient_id_users_id_fk" FOREIGN KEY ("recipient_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "place_staff" ADD CONSTRAINT "place_staff_place_id_places_id_fk" FOREIGN KEY ("place_id") REFERENCES "public"."places"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "place_staff" ADD CONSTRAINT "place_staff_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resources" ADD CONSTRAINT "resources_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resources" ADD CONSTRAINT "resources_place_id_places_id_fk" FOREIGN KEY ("place_id") REFERENCES "public"."places"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session_trainers" ADD CONSTRAINT "session_trainers_session_id_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."sessions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session_trainers" ADD CONSTRAINT "session_trainers_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_workshop_id_workshops_id_fk" FOREIGN KEY ("workshop_id") REFERENCES "public"."workshops"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_place_id_places_id_fk" FOREIGN KEY ("place_id") REFERENCES "public"."places"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "user_roles" ADD CONSTRAINT "user_roles_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workshop_places" ADD CONSTRAINT "workshop_places_workshop_id_workshops_id_fk" FOREIGN KEY ("workshop_id") REFERENCES "public"."workshops"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workshop_places" ADD CONSTRAINT "workshop_places_place_id_places_id_fk" FOREIGN KEY ("place_id") REFERENCES "public"."places"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workshops" ADD CONSTRAINT "workshops_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "activities_mediator_idx" ON "activities" USING btree ("mediator_id");--> statement-breakpoint
CREATE INDEX "activities_place_date_idx" ON "activities" USING btree ("place_id","date");--> statement-breakpoint
CREATE INDEX "activities_session_idx" ON "activities" USING btree ("session_id");--> statement-breakpoint
CREATE INDEX "activities_learner_idx" ON "activities" USING btree ("learner_id");--> statement-breakpoint
CREATE INDEX "activity_participants_user_idx" ON "activity_participants" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "attendance_user_idx" ON "attendance" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "attendance_marked_by_idx" ON "attendance" USING btree ("marked_by_id");--> statement-breakpoint
CREATE UNIQUE INDEX "attendance_certificate_code_unique" ON "attendance" USING btree ("certificate_code");--> statement-breakpoint
CREATE INDEX "audit_log_actor_idx" ON "audit_log" USING btree ("actor_id");--> statement-breakpoint
CREATE INDEX "audit_log_entity_idx" ON "audit_log" USING btree ("entity_type","entity_id");--> statement-breakpoint
CREATE UNIQUE INDEX "enrollments_session_user_unique" ON "enrollments" USING btree ("session_id","user_id");--> statement-breakpoint
CREATE INDEX "enrollments_user_idx" ON "enrollments" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "enrollments_session_status_idx" ON "enrollments" USING btree ("session_id","status");--> statement-breakpoint
CREATE INDEX "enrollments_created_by_idx" ON "enrollments" USING btree ("created_by_id");--> statement-breakpoint
CREATE INDEX "notes_author_idx" ON "notes" USING btree ("author_id");--> statement-breakpoint
CREATE INDEX "notes_workshop_idx" ON "notes" USING btree ("workshop_id");--> statement-breakpoint
CREATE INDEX "notes_session_idx" ON "notes" USING btree ("session_id");--> statement-breakpoint
CREATE INDEX "notes_moderated_by_idx" ON "notes" USING btree ("moderated_by_id");--> statement-breakpoint
CREATE INDEX "outbox_pending_idx" ON "outbox" USING btree ("status","next_attempt_at");--> statement-breakpoint
CREATE INDEX "outbox_recipient_idx" ON "outbox" USING btree ("recipient_id");--> statement-breakpoint
CREATE INDEX "place_staff_user_idx" ON "place_staff" USING btree ("user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "places_slug_unique" ON "places" USING btree ("slug");--> statement-breakpoint
CREATE INDEX "places_commune_idx" ON "places" USING btree ("commune");--> statement-breakpoint
CREATE INDEX "resources_author_idx" ON "resources" USING btree ("author_id");--> statement-breakpoint
CREATE INDEX "resources_place_idx" ON "resources" USING btree ("place_id");--> statement-breakpoint
CREATE INDEX "session_trainers_user_idx" ON "session_trainers" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "sessions_workshop_idx" ON "sessions" USING btree ("workshop_id");--> statement-breakpoint
CREATE INDEX "sessions_place_starts_idx" ON "sessions" USING btree ("place_id","starts_at");--> statement-breakpoint
CREATE INDEX "sessions_starts_idx" ON "sessions" USING btree ("starts_at");--> statement-breakpoint
CREATE INDEX "sessions_series_idx" ON "sessions" USING btree ("series_id");--> statement-breakpoint
CREATE UNIQUE INDEX "users_email_unique" ON "users" USING btree ("email");--> statement-breakpoint
CREATE UNIQUE INDEX "users_calendar_token_unique" ON "users" USING btree ("calendar_token");--> statement-breakpoint
CREATE INDEX "users_created_by_idx" ON "users" USING btree ("created_by_id");--> statement-breakpoint
CREATE INDEX "workshop_places_place_idx" ON "workshop_places" USING btree ("place_id");--> statement-breakpoint
CREATE UNIQUE INDEX "workshops_slug_unique" ON "workshops" USING btree ("slug");--> statement-breakpoint
CREATE INDEX "workshops_status_idx" ON "workshops" USING btree ("status");--> statement-breakpoint
CREATE INDEX "workshops_created_by_idx" ON "workshops" USING btree ("created_by_id");