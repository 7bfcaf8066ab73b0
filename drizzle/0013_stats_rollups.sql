CREATE TABLE "stats_activity_days" (
	"day" date NOT NULL,
	"place_key" text NOT NULL,
	"mediator_id" uuid NOT NULL,
	"kind" "activity_kind" NOT NULL,
	"band" text NOT NULL,
	"activities" integer NOT NULL,
	"minutes" integer NOT NULL,
	"anonymous_individual" integer NOT NULL,
	"anonymous_collective" integer NOT NULL,
	CONSTRAINT "stats_activity_days_day_place_key_mediator_id_kind_band_pk" PRIMARY KEY("day","place_key","mediator_id","kind","band")
);
--> statement-breakpoint
CREATE TABLE "stats_dimension_days" (
	"day" date NOT NULL,
	"place_key" text NOT NULL,
	"mediator_id" uuid NOT NULL,
	"dimension" text NOT NULL,
	"key" text NOT NULL,
	"value" integer NOT NULL,
	CONSTRAINT "stats_dimension_days_day_place_key_mediator_id_dimension_key_pk" PRIMARY KEY("day","place_key","mediator_id","dimension","key")
);
--> statement-breakpoint
CREATE TABLE "stats_network_days" (
	"day" date NOT NULL,
	"kind" "activity_kind" NOT NULL,
	"band" text NOT NULL,
	"activities" integer NOT NULL,
	"minutes" integer NOT NULL,
	"anonymous_individual" integer NOT NULL,
	"anonymous_collective" integer NOT NULL,
	CONSTRAINT "stats_network_days_day_kind_band_pk" PRIMARY KEY("day","kind","band")
);
--> statement-breakpoint
CREATE TABLE "stats_network_dimension_days" (
	"day" date NOT NULL,
	"dimension" text NOT NULL,
	"key" text NOT NULL,
	"value" integer NOT NULL,
	CONSTRAINT "stats_network_dimension_days_day_dimension_key_pk" PRIMARY KEY("day","dimension","key")
);
--> statement-breakpoint
CREATE TABLE "stats_network_person_days" (
	"day" date NOT NULL,
	"user_id" uuid NOT NULL,
	CONSTRAINT "stats_network_person_days_day_user_id_pk" PRIMARY KEY("day","user_id")
);
--> statement-breakpoint
CREATE TABLE "stats_person_days" (
	"day" date NOT NULL,
	"place_key" text NOT NULL,
	"mediator_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	CONSTRAINT "stats_person_days_day_place_key_mediator_id_user_id_pk" PRIMARY KEY("day","place_key","mediator_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "stats_place_months" (
	"month" date NOT NULL,
	"place_key" text NOT NULL,
	"activities" integer NOT NULL,
	CONSTRAINT "stats_place_months_month_place_key_pk" PRIMARY KEY("month","place_key")
);
--> statement-breakpoint
CREATE INDEX "stats_activity_days_place_idx" ON "stats_activity_days" USING btree ("place_key","day");--> statement-breakpoint
CREATE INDEX "stats_dimension_days_place_idx" ON "stats_dimension_days" USING btree ("place_key","day");--> statement-breakpoint
CREATE INDEX "stats_person_days_place_idx" ON "stats_person_days" USING btree ("place_key","day");--> statement-breakpoint
CREATE INDEX "activities_date_idx" ON "activities" USING btree ("date");--> statement-breakpoint
-- hand-written below
-- Statistics rollups (lib/stats/impact.ts reads them). Kept by the writes rather than refreshed by
-- the worker: the figures then never lag behind the activity log, a test or a page reads what was
-- just written, and logging an activity (a person typing a report) costs one bucket's recompute.
-- Each trigger recomputes whole buckets (day, place) from the raw tables, so inserts, edits,
-- deletions and cascades all end in the same state as a full recompute.
CREATE OR REPLACE FUNCTION comptoir_stats_refresh(p_days date[], p_places text[]) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
  ids uuid[];
BEGIN
  -- One writer per day at a time: days hash to 256 lock slots, taken in a fixed order (no
  -- deadlock between two writers, and a bounded number of locks for a bulk load).
  PERFORM pg_advisory_xact_lock(hashtext('comptoir_stats'), b.slot)
    FROM (SELECT DISTINCT abs(hashtext(d::text) % 256) AS slot FROM unnest(p_days) AS u(d) ORDER BY 1) b;
  DELETE FROM stats_activity_days s USING unnest(p_days, p_places) AS b(d, p) WHERE s.day = b.d AND s.place_key = b.p;
  DELETE FROM stats_dimension_days s USING unnest(p_days, p_places) AS b(d, p) WHERE s.day = b.d AND s.place_key = b.p;
  DELETE FROM stats_person_days s USING unnest(p_days, p_places) AS b(d, p) WHERE s.day = b.d AND s.place_key = b.p;
  SELECT coalesce(array_agg(a.id), '{}') INTO ids
    FROM activities a JOIN (SELECT DISTINCT d, p FROM unnest(p_days, p_places) AS u(d, p)) b
      ON a.date = b.d AND coalesce(a.place_id::text, '') = b.p;

  INSERT INTO stats_activity_days (day, place_key, mediator_id, kind, band, activities, minutes, anonymous_individual, anonymous_collective)
  SELECT a.date, coalesce(a.place_id::text, ''), a.mediator_id, a.kind,
    CASE WHEN a.duration_minutes < 30 THEN 'under-30' WHEN a.duration_minutes <= 60 THEN '30-60'
         WHEN a.duration_minutes <= 120 THEN '60-120' ELSE 'over-120' END,
    count(*), coalesce(sum(a.duration_minutes), 0),
    count(*) FILTER (WHERE a.kind = 'individual' AND a.learner_id IS NULL),
    coalesce(sum((a.anonymous_participants->>'count')::int) FILTER (WHERE a.kind = 'collective'), 0)
  FROM activities a WHERE a.id = ANY(ids)
  GROUP BY 1, 2, 3, 4, 5;

  -- Themes (one per activity and theme); anonymous individuals (one each); anonymous collective
  -- participants (the breakdowns given, and the head count per commune, unknown).
  INSERT INTO stats_dimension_days (day, place_key, mediator_id, dimension, key, value)
  SELECT x.day, x.place_key, x.mediator_id, x.dimension, x.key, sum(x.value)
  FROM (
    SELECT a.date AS day, coalesce(a.place_id::text, '') AS place_key, a.mediator_id, 'theme' AS dimension, t AS key, 1 AS value
      FROM activities a, unnest(a.themes) AS t WHERE a.id = ANY(ids)
    UNION ALL
    SELECT a.date, coalesce(a.place_id::text, ''), a.mediator_id, f,
        coalesce(nullif(trim(a.anonymous_person->>f), ''), CASE WHEN f = 'commune' THEN '' ELSE 'unknown' END), 1
      FROM activities a, unnest(array['gender', 'ageBand', 'socialStatus', 'commune']) AS f
      WHERE a.id = ANY(ids) AND a.kind = 'individual' AND a.learner_id IS NULL
    UNION ALL
    SELECT a.date, coalesce(a.place_id::text, ''), a.mediator_id, f, e.key, e.value::int
      FROM activities a, unnest(array['gender', 'ageBand', 'socialStatus', 'commune']) AS f,
        LATERAL (SELECT * FROM jsonb_each_text(a.anonymous_participants->f) WHERE f <> 'commune'
                 UNION ALL SELECT '', (a.anonymous_participants->>'count') WHERE f = 'commune') AS e
      WHERE a.id = ANY(ids) AND a.kind = 'collective' AND a.anonymous_participants IS NOT NULL
  ) x
  GROUP BY 1, 2, 3, 4, 5
  HAVING coalesce(sum(x.value), 0) <> 0;

  INSERT INTO stats_person_days (day, place_key, mediator_id, user_id)
  SELECT DISTINCT a.date, coalesce(a.place_id::text, ''), a.mediator_id, u.user_id
  FROM activities a,
    LATERAL (SELECT p.user_id FROM activity_participants p WHERE p.activity_id = a.id
             UNION ALL SELECT a.learner_id WHERE a.learner_id IS NOT NULL) u
  WHERE a.id = ANY(ids);

  -- The whole network, per day: the days touched are recomputed from all their activities.
  DELETE FROM stats_network_days s WHERE s.day = ANY(p_days);
  DELETE FROM stats_network_dimension_days s WHERE s.day = ANY(p_days);
  DELETE FROM stats_network_person_days s WHERE s.day = ANY(p_days);
  INSERT INTO stats_network_days (day, kind, band, activities, minutes, anonymous_individual, anonymous_collective)
  SELECT s.day, s.kind, s.band, sum(s.activities), sum(s.minutes), sum(s.anonymous_individual), sum(s.anonymous_collective)
  FROM stats_activity_days s WHERE s.day = ANY(p_days) GROUP BY 1, 2, 3;
  INSERT INTO stats_network_dimension_days (day, dimension, key, value)
  SELECT s.day, s.dimension, s.key, sum(s.value)
  FROM stats_dimension_days s WHERE s.day = ANY(p_days) GROUP BY 1, 2, 3;
  INSERT INTO stats_network_person_days (day, user_id)
  SELECT DISTINCT s.day, s.user_id FROM stats_person_days s WHERE s.day = ANY(p_days);

  -- Activities per place and month, for the months touched.
  DELETE FROM stats_place_months m USING (SELECT DISTINCT date_trunc('month', d)::date AS month, p FROM unnest(p_days, p_places) AS u(d, p)) b
    WHERE m.month = b.month AND m.place_key = b.p;
  INSERT INTO stats_place_months (month, place_key, activities)
  SELECT b.month, b.p, sum(s.activities)
  FROM (SELECT DISTINCT date_trunc('month', d)::date AS month, p FROM unnest(p_days, p_places) AS u(d, p)) b
    JOIN stats_activity_days s ON s.place_key = b.p AND s.day >= b.month AND s.day < (b.month + interval '1 month')::date
  GROUP BY 1, 2;
END $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION comptoir_stats_activities_changed() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  days date[];
  keys text[];
BEGIN
  IF TG_OP = 'INSERT' THEN
    SELECT array_agg(date), array_agg(coalesce(place_id::text, '')) INTO days, keys FROM new_rows;
  ELSIF TG_OP = 'DELETE' THEN
    SELECT array_agg(date), array_agg(coalesce(place_id::text, '')) INTO days, keys FROM old_rows;
  ELSE
    SELECT array_agg(date), array_agg(coalesce(place_id::text, '')) INTO days, keys
      FROM (SELECT date, place_id FROM old_rows UNION SELECT date, place_id FROM new_rows) r;
  END IF;
  IF days IS NOT NULL THEN PERFORM comptoir_stats_refresh(days, keys); END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION comptoir_stats_participants_changed() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  days date[];
  keys text[];
BEGIN
  IF TG_OP = 'INSERT' THEN
    SELECT array_agg(a.date), array_agg(coalesce(a.place_id::text, '')) INTO days, keys
      FROM activities a WHERE a.id IN (SELECT activity_id FROM new_rows);
  ELSIF TG_OP = 'DELETE' THEN
    SELECT array_agg(a.date), array_agg(coalesce(a.place_id::text, '')) INTO days, keys
      FROM activities a WHERE a.id IN (SELECT activity_id FROM old_rows);
  ELSE
    SELECT array_agg(a.date), array_agg(coalesce(a.place_id::text, '')) INTO days, keys
      FROM activities a WHERE a.id IN (SELECT activity_id FROM old_rows UNION SELECT activity_id FROM new_rows);
  END IF;
  IF days IS NOT NULL THEN PERFORM comptoir_stats_refresh(days, keys); END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER stats_activities_insert AFTER INSERT ON activities REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION comptoir_stats_activities_changed();
--> statement-breakpoint
CREATE TRIGGER stats_activities_update AFTER UPDATE ON activities REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION comptoir_stats_activities_changed();
--> statement-breakpoint
CREATE TRIGGER stats_activities_delete AFTER DELETE ON activities REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION comptoir_stats_activities_changed();
--> statement-breakpoint
CREATE TRIGGER stats_participants_insert AFTER INSERT ON activity_participants REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION comptoir_stats_participants_changed();
--> statement-breakpoint
CREATE TRIGGER stats_participants_update AFTER UPDATE ON activity_participants REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION comptoir_stats_participants_changed();
--> statement-breakpoint
CREATE TRIGGER stats_participants_delete AFTER DELETE ON activity_participants REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION comptoir_stats_participants_changed();
--> statement-breakpoint
-- The activities already logged.
SELECT comptoir_stats_refresh(array_agg(date), array_agg(place_key))
  FROM (SELECT DISTINCT date, coalesce(place_id::text, '') AS place_key FROM activities) b;
--> statement-breakpoint
-- Data cache of the public pages (lib/cache): every write to what they show sends the tags of
-- the entries to drop to every app instance, delivered at commit (nothing on rollback). Too many
-- tags at once (a bulk write) become '*': every entry.
CREATE OR REPLACE FUNCTION comptoir_cache_notify(tags text[]) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
  payload text;
BEGIN
  SELECT string_agg(DISTINCT t, ' ') INTO payload FROM unnest(tags) AS t WHERE t IS NOT NULL;
  IF payload IS NULL THEN RETURN; END IF;
  IF length(payload) > 7000 THEN payload := '*'; END IF;
  PERFORM pg_notify('comptoir_cache', payload);
END $$;
--> statement-breakpoint
-- Sign-ups change the seats of a session, its workshop's and its place's pages and the catalogue.
CREATE OR REPLACE FUNCTION comptoir_cache_enrollments_changed() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  ids uuid[];
BEGIN
  IF TG_OP = 'INSERT' THEN SELECT array_agg(DISTINCT session_id) INTO ids FROM new_rows;
  ELSIF TG_OP = 'DELETE' THEN SELECT array_agg(DISTINCT session_id) INTO ids FROM old_rows;
  ELSE SELECT array_agg(DISTINCT session_id) INTO ids FROM (SELECT session_id FROM old_rows UNION SELECT session_id FROM new_rows) r;
  END IF;
  IF ids IS NULL THEN RETURN NULL; END IF;
  PERFORM comptoir_cache_notify(array['catalogue'] || array(
    SELECT unnest(array['session:' || s.id, 'workshop:' || s.workshop_id, 'workshop:' || w.slug, 'place:' || s.place_id, 'place:' || p.slug])
    FROM sessions s JOIN workshops w ON w.id = s.workshop_id JOIN places p ON p.id = s.place_id WHERE s.id = ANY(ids)));
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION comptoir_cache_sessions_changed() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  tags text[];
BEGIN
  IF TG_OP = 'INSERT' THEN
    SELECT array_agg(t) INTO tags FROM new_rows s JOIN workshops w ON w.id = s.workshop_id JOIN places p ON p.id = s.place_id,
      unnest(array['session:' || s.id, 'workshop:' || s.workshop_id, 'workshop:' || w.slug, 'place:' || s.place_id, 'place:' || p.slug]) t;
  ELSIF TG_OP = 'DELETE' THEN
    SELECT array_agg(t) INTO tags FROM old_rows s LEFT JOIN workshops w ON w.id = s.workshop_id LEFT JOIN places p ON p.id = s.place_id,
      unnest(array['session:' || s.id, 'workshop:' || s.workshop_id, 'workshop:' || w.slug, 'place:' || s.place_id, 'place:' || p.slug]) t;
  ELSE
    SELECT array_agg(t) INTO tags FROM (SELECT * FROM old_rows UNION ALL SELECT * FROM new_rows) s
      JOIN workshops w ON w.id = s.workshop_id JOIN places p ON p.id = s.place_id,
      unnest(array['session:' || s.id, 'workshop:' || s.workshop_id, 'workshop:' || w.slug, 'place:' || s.place_id, 'place:' || p.slug]) t;
  END IF;
  PERFORM comptoir_cache_notify(array['catalogue'] || tags);
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION comptoir_cache_rows_changed() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  tags text[];
  prefix text := TG_ARGV[0];
  id_column text := TG_ARGV[1];
  extra text[] := TG_ARGV[2:];
BEGIN
  IF TG_OP = 'INSERT' THEN
    EXECUTE format('SELECT array_agg(DISTINCT %L || (r).%I) FROM (SELECT n AS r FROM new_rows n) x', prefix, id_column) INTO tags;
  ELSIF TG_OP = 'DELETE' THEN
    EXECUTE format('SELECT array_agg(DISTINCT %L || (r).%I) FROM (SELECT o AS r FROM old_rows o) x', prefix, id_column) INTO tags;
  ELSE
    EXECUTE format('SELECT array_agg(DISTINCT %L || (r).%I) FROM (SELECT o AS r FROM old_rows o UNION ALL SELECT n FROM new_rows n) x', prefix, id_column) INTO tags;
  END IF;
  PERFORM comptoir_cache_notify(extra || tags);
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER cache_enrollments_insert AFTER INSERT ON enrollments REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION comptoir_cache_enrollments_changed();
--> statement-breakpoint
CREATE TRIGGER cache_enrollments_update AFTER UPDATE ON enrollments REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION comptoir_cache_enrollments_changed();
--> statement-breakpoint
CREATE TRIGGER cache_enrollments_delete AFTER DELETE ON enrollments REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION comptoir_cache_enrollments_changed();
--> statement-breakpoint
CREATE TRIGGER cache_sessions_insert AFTER INSERT ON sessions REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION comptoir_cache_sessions_changed();
--> statement-breakpoint
CREATE TRIGGER cache_sessions_update AFTER UPDATE ON sessions REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION comptoir_cache_sessions_changed();
--> statement-breakpoint
CREATE TRIGGER cache_sessions_delete AFTER DELETE ON sessions REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION comptoir_cache_sessions_changed();
--> statement-breakpoint
CREATE TRIGGER cache_workshops_insert AFTER INSERT ON workshops REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION comptoir_cache_rows_changed('workshop:', 'id', 'catalogue');
--> statement-breakpoint
CREATE TRIGGER cache_workshops_update AFTER UPDATE ON workshops REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION comptoir_cache_rows_changed('workshop:', 'id', 'catalogue');
--> statement-breakpoint
CREATE TRIGGER cache_workshops_delete AFTER DELETE ON workshops REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION comptoir_cache_rows_changed('workshop:', 'id', 'catalogue');
--> statement-breakpoint
CREATE TRIGGER cache_workshop_places_insert AFTER INSERT ON workshop_places REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION comptoir_cache_rows_changed('workshop:', 'workshop_id', 'catalogue', 'places');
--> statement-breakpoint
CREATE TRIGGER cache_workshop_places_delete AFTER DELETE ON workshop_places REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION comptoir_cache_rows_changed('workshop:', 'workshop_id', 'catalogue', 'places');
--> statement-breakpoint
CREATE TRIGGER cache_places_insert AFTER INSERT ON places REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION comptoir_cache_rows_changed('place:', 'id', 'catalogue', 'places');
--> statement-breakpoint
CREATE TRIGGER cache_places_update AFTER UPDATE ON places REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION comptoir_cache_rows_changed('place:', 'id', 'catalogue', 'places');
--> statement-breakpoint
CREATE TRIGGER cache_places_delete AFTER DELETE ON places REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION comptoir_cache_rows_changed('place:', 'id', 'catalogue', 'places');
--> statement-breakpoint
CREATE TRIGGER cache_stat_shares_update AFTER UPDATE ON stat_shares REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION comptoir_cache_rows_changed('share:', 'token');

--> statement-breakpoint
-- Pages find workshops and places by slug: their entries carry the slug too (old and new).
CREATE TRIGGER cache_workshops_update_slug AFTER UPDATE ON workshops REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION comptoir_cache_rows_changed('workshop:', 'slug');
--> statement-breakpoint
CREATE TRIGGER cache_workshops_delete_slug AFTER DELETE ON workshops REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION comptoir_cache_rows_changed('workshop:', 'slug');
--> statement-breakpoint
CREATE TRIGGER cache_places_update_slug AFTER UPDATE ON places REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION comptoir_cache_rows_changed('place:', 'slug');
--> statement-breakpoint
CREATE TRIGGER cache_places_delete_slug AFTER DELETE ON places REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION comptoir_cache_rows_changed('place:', 'slug');
