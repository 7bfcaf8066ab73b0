-- Building blocks of French search for every searchable corpus (lib/search/french.ts): a
-- corpus stores `search_text` (comptoir_fold of its words, for trigram similarity that forgives
-- typos) and `search_vector` (comptoir_weighted_vector, French full text that forgives accents)
-- as generated columns. IMMUTABLE (through comptoir_unaccent, which names its dictionary) so
-- that generated columns and indexes may use them; schema-qualified for PostgreSQL 17.
CREATE OR REPLACE FUNCTION comptoir_fold(value text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$ SELECT lower(public.comptoir_unaccent(coalesce(value, ''))) $$;
--> statement-breakpoint
-- Weight A for titles, B for summaries and themes, C for bodies.
CREATE OR REPLACE FUNCTION comptoir_weighted_vector(a text, b text, c text) RETURNS tsvector
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$ SELECT
    setweight(to_tsvector('french'::regconfig, public.comptoir_fold(a)), 'A') ||
    setweight(to_tsvector('french'::regconfig, public.comptoir_fold(b)), 'B') ||
    setweight(to_tsvector('french'::regconfig, public.comptoir_fold(c)), 'C') $$;
