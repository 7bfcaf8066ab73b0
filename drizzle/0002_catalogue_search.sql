-- Catalogue search (lib/catalogue/search.ts): French full text that forgives accents, plus
-- trigram word similarity that forgives small typos. unaccent() is only STABLE (its dictionary
-- could change), so generated columns and indexes go through an IMMUTABLE wrapper that names
-- the dictionary. Functions are schema-qualified because PostgreSQL 17 evaluates index and
-- generated-column expressions with a restricted search_path.
CREATE OR REPLACE FUNCTION comptoir_unaccent(value text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
  AS $$ SELECT public.unaccent('public.unaccent'::regdictionary, value) $$;
--> statement-breakpoint
-- Lower-cased, unaccented title, summary and theme codes of a workshop, for trigram matching.
CREATE OR REPLACE FUNCTION comptoir_workshop_text(title text, summary text, themes text[]) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$ SELECT lower(public.comptoir_unaccent(coalesce(title, '') || ' ' || coalesce(summary, '') || ' ' || replace(array_to_string(themes, ' '), '-', ' '))) $$;
--> statement-breakpoint
-- French text-search vector of a workshop: the title weighs most, then summary and themes, then description.
CREATE OR REPLACE FUNCTION comptoir_workshop_vector(title text, summary text, description text, themes text[]) RETURNS tsvector
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$ SELECT
    setweight(to_tsvector('french'::regconfig, lower(public.comptoir_unaccent(coalesce(title, '')))), 'A') ||
    setweight(to_tsvector('french'::regconfig, lower(public.comptoir_unaccent(coalesce(summary, '') || ' ' || replace(array_to_string(themes, ' '), '-', ' ')))), 'B') ||
    setweight(to_tsvector('french'::regconfig, lower(public.comptoir_unaccent(coalesce(description, '')))), 'C') $$;
--> statement-breakpoint
-- Stored so that matching, ranking and sorting read them instead of recomputing them for every
-- row. Not declared in db/schema.ts on purpose: `select()` of a workshop, API answers and audit-log
-- snapshots never carry them; lib/catalogue/search.ts reads them by name.
ALTER TABLE "workshops" ADD COLUMN "search_text" text GENERATED ALWAYS AS (public.comptoir_workshop_text("title", "summary", "themes")) STORED;
--> statement-breakpoint
ALTER TABLE "workshops" ADD COLUMN "search_vector" tsvector GENERATED ALWAYS AS (public.comptoir_workshop_vector("title", "summary", "description", "themes")) STORED;
--> statement-breakpoint
-- Alphabetical order that ignores case and accents ("Écrire" among the E), the same on
-- PostgreSQL and PGlite (compared with COLLATE "C").
ALTER TABLE "workshops" ADD COLUMN "title_key" text GENERATED ALWAYS AS (lower(public.comptoir_unaccent("title"))) STORED;
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "workshops_search_vector_idx" ON "workshops" USING gin ("search_vector");
