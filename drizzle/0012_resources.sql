CREATE TYPE "public"."resource_visibility" AS ENUM('draft', 'network', 'public');--> statement-breakpoint
CREATE TABLE "blob_chunks" (
	"blob_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"data" "bytea" NOT NULL,
	CONSTRAINT "blob_chunks_blob_id_seq_pk" PRIMARY KEY("blob_id","seq")
);
--> statement-breakpoint
CREATE TABLE "blobs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"sha256" text,
	"size" integer NOT NULL,
	"content_type" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "resource_files" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"resource_id" uuid NOT NULL,
	"blob_id" uuid NOT NULL,
	"name" text NOT NULL,
	"content_type" text NOT NULL,
	"size" integer NOT NULL,
	"sha256" text NOT NULL,
	"downloads" integer DEFAULT 0 NOT NULL,
	"created_by_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "resource_ratings" (
	"resource_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"value" integer NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "resource_ratings_resource_id_user_id_pk" PRIMARY KEY("resource_id","user_id"),
	CONSTRAINT "resource_ratings_value_range" CHECK ("resource_ratings"."value" between 1 and 4)
);
--> statement-breakpoint
CREATE TABLE "workshop_resources" (
	"workshop_id" uuid NOT NULL,
	"resource_id" uuid NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "workshop_resources_workshop_id_resource_id_pk" PRIMARY KEY("workshop_id","resource_id")
);
--> statement-breakpoint
ALTER TABLE "resources" DROP CONSTRAINT "resources_link_or_file";--> statement-breakpoint
ALTER TABLE "resources" ALTER COLUMN "visibility" DROP DEFAULT;--> statement-breakpoint
ALTER TABLE "resources" ALTER COLUMN "visibility" SET DATA TYPE "public"."resource_visibility" USING "visibility"::text::"public"."resource_visibility";--> statement-breakpoint
ALTER TABLE "resources" ALTER COLUMN "visibility" SET DEFAULT 'draft';--> statement-breakpoint
ALTER TABLE "resources" ADD COLUMN "slug" text NOT NULL;--> statement-breakpoint
ALTER TABLE "resources" ADD COLUMN "summary" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "resources" ADD COLUMN "body" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "resources" ADD COLUMN "links" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "resources" ADD COLUMN "hidden_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "resources" ADD COLUMN "hidden_reason" text;--> statement-breakpoint
ALTER TABLE "resources" ADD COLUMN "reviewed_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "resources" ADD COLUMN "published_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "blob_chunks" ADD CONSTRAINT "blob_chunks_blob_id_blobs_id_fk" FOREIGN KEY ("blob_id") REFERENCES "public"."blobs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resource_files" ADD CONSTRAINT "resource_files_resource_id_resources_id_fk" FOREIGN KEY ("resource_id") REFERENCES "public"."resources"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resource_files" ADD CONSTRAINT "resource_files_blob_id_blobs_id_fk" FOREIGN KEY ("blob_id") REFERENCES "public"."blobs"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resource_files" ADD CONSTRAINT "resource_files_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resource_ratings" ADD CONSTRAINT "resource_ratings_resource_id_resources_id_fk" FOREIGN KEY ("resource_id") REFERENCES "public"."resources"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resource_ratings" ADD CONSTRAINT "resource_ratings_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workshop_resources" ADD CONSTRAINT "workshop_resources_workshop_id_workshops_id_fk" FOREIGN KEY ("workshop_id") REFERENCES "public"."workshops"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workshop_resources" ADD CONSTRAINT "workshop_resources_resource_id_resources_id_fk" FOREIGN KEY ("resource_id") REFERENCES "public"."resources"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "blobs_sha256_unique" ON "blobs" USING btree ("sha256");--> statement-breakpoint
CREATE INDEX "resource_files_resource_idx" ON "resource_files" USING btree ("resource_id","created_at");--> statement-breakpoint
CREATE INDEX "resource_files_blob_idx" ON "resource_files" USING btree ("blob_id");--> statement-breakpoint
CREATE INDEX "resource_files_created_by_idx" ON "resource_files" USING btree ("created_by_id");--> statement-breakpoint
CREATE INDEX "resource_ratings_user_idx" ON "resource_ratings" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "workshop_resources_resource_idx" ON "workshop_resources" USING btree ("resource_id");--> statement-breakpoint
CREATE UNIQUE INDEX "resources_slug_unique" ON "resources" USING btree ("slug");--> statement-breakpoint
CREATE INDEX "resources_visibility_idx" ON "resources" USING btree ("visibility","updated_at");--> statement-breakpoint
ALTER TABLE "resources" DROP COLUMN "description";--> statement-breakpoint
ALTER TABLE "resources" DROP COLUMN "kind";--> statement-breakpoint
ALTER TABLE "resources" DROP COLUMN "url";--> statement-breakpoint
ALTER TABLE "resources" DROP COLUMN "file_path";--> statement-breakpoint
DROP TYPE "public"."resource_kind";--> statement-breakpoint
ALTER TABLE "resources" ADD COLUMN "rating_count" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "resources" ADD COLUMN "rating_total" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "resources" ADD COLUMN "downloads" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "resource_files" ADD COLUMN "preview_blob_id" uuid;--> statement-breakpoint
ALTER TABLE "resource_files" ADD CONSTRAINT "resource_files_preview_blob_id_blobs_id_fk" FOREIGN KEY ("preview_blob_id") REFERENCES "public"."blobs"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "resource_files_preview_idx" ON "resource_files" USING btree ("preview_blob_id");
--> statement-breakpoint
-- hand-written below
-- French search over resources (lib/search/french.ts): title A, summary B, body C.
ALTER TABLE "resources" ADD COLUMN "search_text" text GENERATED ALWAYS AS (public.comptoir_fold("title" || ' ' || "summary")) STORED;--> statement-breakpoint
ALTER TABLE "resources" ADD COLUMN "search_vector" tsvector GENERATED ALWAYS AS (public.comptoir_weighted_vector("title", "summary", "body")) STORED;--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "resources_search_vector_idx" ON "resources" USING gin ("search_vector");--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "resources_search_text_idx" ON "resources" USING gin ("search_text" gin_trgm_ops);--> statement-breakpoint
-- Interrupted uploads (no sha256 yet) are found by age and removed: see lib/storage.
CREATE INDEX IF NOT EXISTS "blobs_pending_idx" ON "blobs" ("created_at") WHERE "sha256" IS NULL;
