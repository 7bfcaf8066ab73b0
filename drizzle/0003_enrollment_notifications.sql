ALTER TYPE "public"."outbox_status" ADD VALUE 'skipped';--> statement-breakpoint
ALTER TABLE "outbox" ADD COLUMN "session_id" uuid;--> statement-breakpoint
ALTER TABLE "outbox" ADD COLUMN "dedupe_key" text;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "claim_code_hash" text;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "claim_code_expires_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "outbox" ADD CONSTRAINT "outbox_session_id_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."sessions"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "outbox_session_idx" ON "outbox" USING btree ("session_id");--> statement-breakpoint
CREATE UNIQUE INDEX "outbox_dedupe_key_unique" ON "outbox" USING btree ("dedupe_key");--> statement-breakpoint
CREATE INDEX "users_phone_idx" ON "users" USING btree ("phone");