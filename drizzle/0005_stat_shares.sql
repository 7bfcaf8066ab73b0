CREATE TABLE "stat_shares" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"token" text NOT NULL,
	"scope" text NOT NULL,
	"place_id" uuid,
	"from_date" date NOT NULL,
	"to_date" date NOT NULL,
	"created_by_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"revoked_at" timestamp with time zone,
	CONSTRAINT "stat_shares_scope_valid" CHECK (("stat_shares"."scope" = 'network' and "stat_shares"."place_id" is null) or ("stat_shares"."scope" = 'place' and "stat_shares"."place_id" is not null)),
	CONSTRAINT "stat_shares_period_valid" CHECK ("stat_shares"."to_date" >= "stat_shares"."from_date")
);
--> statement-breakpoint
DROP INDEX "activities_session_idx";--> statement-breakpoint
ALTER TABLE "stat_shares" ADD CONSTRAINT "stat_shares_place_id_places_id_fk" FOREIGN KEY ("place_id") REFERENCES "public"."places"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stat_shares" ADD CONSTRAINT "stat_shares_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "stat_shares_token_unique" ON "stat_shares" USING btree ("token");--> statement-breakpoint
CREATE INDEX "stat_shares_place_idx" ON "stat_shares" USING btree ("place_id");--> statement-breakpoint
CREATE INDEX "stat_shares_created_by_idx" ON "stat_shares" USING btree ("created_by_id");--> statement-breakpoint
CREATE UNIQUE INDEX "activities_session_unique" ON "activities" USING btree ("session_id");