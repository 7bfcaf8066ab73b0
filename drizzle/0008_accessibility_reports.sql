CREATE TABLE "accessibility_reports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"description" text NOT NULL,
	"page_url" text,
	"contact" text,
	"name" text,
	"reporter_id" uuid,
	"status" text DEFAULT 'new' NOT NULL,
	"handled_at" timestamp with time zone,
	"handled_by_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "accessibility_reports_status_valid" CHECK ("accessibility_reports"."status" in ('new', 'handled')),
	CONSTRAINT "accessibility_reports_description_length" CHECK (char_length("accessibility_reports"."description") between 1 and 2000)
);
--> statement-breakpoint
ALTER TABLE "accessibility_reports" ADD CONSTRAINT "accessibility_reports_reporter_id_users_id_fk" FOREIGN KEY ("reporter_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "accessibility_reports" ADD CONSTRAINT "accessibility_reports_handled_by_id_users_id_fk" FOREIGN KEY ("handled_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "accessibility_reports_status_idx" ON "accessibility_reports" USING btree ("status","created_at");--> statement-breakpoint
CREATE INDEX "accessibility_reports_reporter_idx" ON "accessibility_reports" USING btree ("reporter_id");--> statement-breakpoint
CREATE INDEX "accessibility_reports_handled_by_idx" ON "accessibility_reports" USING btree ("handled_by_id");