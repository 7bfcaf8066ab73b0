import 'server-only';
import { type SQL, sql } from 'drizzle-orm';

// French search that forgives accents and typos, shared by every searchable corpus (catalogue,
// notes, resources). A corpus stores two generated columns per row, made in SQL by
// `comptoir_fold(text)` (lower-cased, unaccented text, for trigram similarity) and
// `comptoir_weighted_vector(a, b, c)` (French tsvector with weights A, B, C): see the migrations.

// Below this word similarity a misspelt word is not taken as a match.
const FUZZY_THRESHOLD = 0.45;
const MAX_WORDS = 8;
// Common words missing from PostgreSQL's French stop list.
const EXTRA_STOP_WORDS = new Set(['les']);

// "Démarches administratives, l’e-mail" → ["demarches", "administratives", "mail"]. Accents
// are folded here for the tsquery syntax; the database folds the documents with unaccent.
export function searchWords(q: string | undefined): string[] {
  if (!q) return [];
  const folded = q
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/œ/gi, 'oe')
    .replace(/æ/gi, 'ae')
    .toLowerCase();
  const words = folded.split(/[^\p{L}\p{N}]+/u).filter((w) => w.length >= 2 && !EXTRA_STOP_WORDS.has(w));
  return [...new Set(words)].slice(0, MAX_WORDS);
}

export type FrenchCorpus = {
  // The tsvector and the folded text of the current row (qualified: `${table}.search_vector`).
  vector: SQL;
  text: SQL;
  // "Does some document of the corpus contain this tsquery?": decides whether a word that the
  // current row lacks is a real word (no match) or a typo (matched by trigram similarity).
  // Limit it to the documents the reader may see, e.g.
  // (query) => sql`exists (select 1 from notes n2 where n2.search_vector @@ ${query} and …)`.
  anyDocumentMatches: (query: SQL) => SQL;
};

// Relevance of one word for the current row, 0 when it does not match. French stop words
// ("les", "de") count for nothing.
function wordScore(corpus: FrenchCorpus, word: string): SQL {
  const query = sql`to_tsquery('french', ${word.length >= 3 ? `${word}:*` : word}::text)`;
  return sql`(case
    when numnode(to_tsquery('french', ${word}::text)) = 0 then 0
    when ${corpus.anyDocumentMatches(query)}
      then case when ${corpus.vector} @@ ${query} then 1 + ts_rank(${corpus.vector}, ${query}) else 0 end
    when char_length(${word}::text) >= 4 and word_similarity(${word}::text, ${corpus.text}) >= ${sql.raw(String(FUZZY_THRESHOLD))}
      then word_similarity(${word}::text, ${corpus.text})
    else 0 end)`;
}

// The relevance of the current row for these words (0 without words), and the condition that
// keeps matching rows (undefined without words). Only words that mean something filter: a
// search for "les" alone keeps everything.
export function frenchSearch(corpus: FrenchCorpus, words: string[]): { score: SQL<number>; condition: SQL | undefined } {
  if (words.length === 0) return { score: sql<number>`0::float8`, condition: undefined };
  const score = sql<number>`(${sql.join(
    words.map((w) => wordScore(corpus, w)),
    sql` + `,
  )})::float8`;
  const meaningful = sql.join(
    words.map((w) => sql`numnode(to_tsquery('french', ${w}::text))`),
    sql` + `,
  );
  return { score, condition: sql`(${score} > 0 or (${meaningful}) = 0)` };
}
