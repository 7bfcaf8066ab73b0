-- Private calendar links and statistics share links are no longer kept in clear: only the SHA-256
-- that lib/auth/secret-hash computes, encode(sha256('comptoir-<purpose>:' || token), 'hex'). The
-- links already given keep working: their hash is computed here from the clear value, which then
-- goes.
DROP TRIGGER IF EXISTS cache_stat_shares_update ON stat_shares;--> statement-breakpoint
DROP INDEX "stat_shares_token_unique";--> statement-breakpoint
DROP INDEX "users_calendar_token_unique";--> statement-breakpoint
ALTER TABLE "stat_shares" ADD COLUMN "token_hash" text;--> statement-breakpoint
UPDATE "stat_shares" SET "token_hash" = encode(sha256(convert_to('comptoir-share:' || "token", 'UTF8')), 'hex');--> statement-breakpoint
ALTER TABLE "stat_shares" ALTER COLUMN "token_hash" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "calendar_token_hash" text;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "calendar_token_created_at" timestamp with time zone;--> statement-breakpoint
-- When the link was made: the last "calendar.token-create" of the journal, else now.
UPDATE "users" u SET
  "calendar_token_hash" = encode(sha256(convert_to('comptoir-calendar:' || u."calendar_token", 'UTF8')), 'hex'),
  "calendar_token_created_at" = coalesce((SELECT max(a."at") FROM "audit_log" a WHERE a."action" = 'calendar.token-create' AND a."entity_type" = 'user' AND a."entity_id" = u."id"::text), now())
WHERE u."calendar_token" IS NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "stat_shares_token_hash_unique" ON "stat_shares" USING btree ("token_hash");--> statement-breakpoint
CREATE UNIQUE INDEX "users_calendar_token_hash_unique" ON "users" USING btree ("calendar_token_hash");--> statement-breakpoint
ALTER TABLE "stat_shares" DROP COLUMN "token";--> statement-breakpoint
ALTER TABLE "users" DROP COLUMN "calendar_token";--> statement-breakpoint
-- A revoked link's cached figures are dropped in every instance (as in 0013), now by its hash.
-- Its own function: comptoir_cache_rows_changed reads whole rows of the transition tables, which
-- PostgreSQL cannot do on a table with a dropped column ("attribute has wrong type").
CREATE OR REPLACE FUNCTION comptoir_cache_stat_shares_changed() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  tags text[];
BEGIN
  SELECT array_agg(DISTINCT 'share:' || x.token_hash) INTO tags FROM (SELECT token_hash FROM old_rows UNION ALL SELECT token_hash FROM new_rows) x;
  PERFORM comptoir_cache_notify(tags);
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER cache_stat_shares_update AFTER UPDATE ON stat_shares REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION comptoir_cache_stat_shares_changed();
