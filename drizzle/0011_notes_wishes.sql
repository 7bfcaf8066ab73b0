CREATE TYPE "public"."note_visibility" AS ENUM('private', 'participants', 'network', 'public');--> statement-breakpoint
CREATE TYPE "public"."wish_kind" AS ENUM('learn', 'teach');--> statement-breakpoint
CREATE TABLE "note_useful" (
	"note_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "note_useful_note_id_user_id_pk" PRIMARY KEY("note_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "wish_votes" (
	"wish_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "wish_votes_wish_id_user_id_pk" PRIMARY KEY("wish_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "wishes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" "wish_kind" NOT NULL,
	"title" text NOT NULL,
	"themes" text[] DEFAULT '{}'::text[] NOT NULL,
	"commune" text NOT NULL,
	"author_id" uuid,
	"created_by_id" uuid,
	"workshop_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "wishes_title_length" CHECK (char_length("wishes"."title") between 3 and 200)
);
--> statement-breakpoint
ALTER TABLE "notes" ALTER COLUMN "kind" SET DATA TYPE text;--> statement-breakpoint
DROP TYPE "public"."note_kind";--> statement-breakpoint
CREATE TYPE "public"."note_kind" AS ENUM('tip', 'question', 'memo', 'feedback');--> statement-breakpoint
ALTER TABLE "notes" ALTER COLUMN "kind" SET DATA TYPE "public"."note_kind" USING "kind"::"public"."note_kind";--> statement-breakpoint
DROP INDEX "notes_workshop_idx";--> statement-breakpoint
ALTER TABLE "notes" ALTER COLUMN "visibility" DROP DEFAULT;--> statement-breakpoint
ALTER TABLE "notes" ALTER COLUMN "visibility" SET DATA TYPE "public"."note_visibility" USING "visibility"::text::"public"."note_visibility";--> statement-breakpoint
ALTER TABLE "notes" ALTER COLUMN "visibility" SET DEFAULT 'private';--> statement-breakpoint
ALTER TABLE "notes" ADD COLUMN "parent_id" uuid;--> statement-breakpoint
ALTER TABLE "notes" ADD COLUMN "helped_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "notes" ADD COLUMN "hidden_reason" text;--> statement-breakpoint
ALTER TABLE "notes" ADD COLUMN "hidden_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "note_useful" ADD CONSTRAINT "note_useful_note_id_notes_id_fk" FOREIGN KEY ("note_id") REFERENCES "public"."notes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "note_useful" ADD CONSTRAINT "note_useful_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "wish_votes" ADD CONSTRAINT "wish_votes_wish_id_wishes_id_fk" FOREIGN KEY ("wish_id") REFERENCES "public"."wishes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "wish_votes" ADD CONSTRAINT "wish_votes_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "wishes" ADD CONSTRAINT "wishes_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "wishes" ADD CONSTRAINT "wishes_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "wishes" ADD CONSTRAINT "wishes_workshop_id_workshops_id_fk" FOREIGN KEY ("workshop_id") REFERENCES "public"."workshops"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "note_useful_user_idx" ON "note_useful" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "wish_votes_user_idx" ON "wish_votes" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "wishes_author_idx" ON "wishes" USING btree ("author_id");--> statement-breakpoint
CREATE INDEX "wishes_created_by_idx" ON "wishes" USING btree ("created_by_id");--> statement-breakpoint
CREATE INDEX "wishes_workshop_idx" ON "wishes" USING btree ("workshop_id");--> statement-breakpoint
CREATE INDEX "wishes_created_idx" ON "wishes" USING btree ("created_at");--> statement-breakpoint
ALTER TABLE "notes" ADD CONSTRAINT "notes_parent_id_notes_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."notes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "notes_parent_idx" ON "notes" USING btree ("parent_id");--> statement-breakpoint
CREATE INDEX "notes_workshop_idx" ON "notes" USING btree ("workshop_id","created_at");--> statement-breakpoint
ALTER TABLE "notes" ADD CONSTRAINT "notes_body_length" CHECK (char_length("notes"."body") <= 20000);--> statement-breakpoint
-- hand-written below
-- French search over notes (lib/search/french.ts; lib/notes filters by visibility first).
ALTER TABLE "notes" ADD COLUMN "search_text" text GENERATED ALWAYS AS (public.comptoir_fold("body")) STORED;--> statement-breakpoint
ALTER TABLE "notes" ADD COLUMN "search_vector" tsvector GENERATED ALWAYS AS (public.comptoir_weighted_vector('', '', "body")) STORED;--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "notes_search_vector_idx" ON "notes" USING gin ("search_vector");--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "notes_search_text_trgm_idx" ON "notes" USING gin ("search_text" gin_trgm_ops);
