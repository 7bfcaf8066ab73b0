import 'server-only';
import { client } from '@/db';
import { log } from '@/lib/log';

// The data cache of the public pages (catalogue, workshop, session, place, programme, shared
// statistics): in each app process, entries tagged with what they were read from.
//
// - Invalidation: triggers of migration 0013 send `NOTIFY comptoir_cache, '<tags>'` when a
//   workshop, session, sign-up, place or shared link changes. PostgreSQL delivers it at commit to
//   every instance that listens (each process listens once, on its own connection), so every
//   instance drops exactly the entries of those tags; on PGlite the notification stays in the
//   process. '*' drops everything (bulk writes).
// - Bound: an entry lives at most its TTL (CACHE_TTL_SECONDS by default), so that a notification
//   missed while a connection was being re-established costs at most that delay.
// - Consistency: a load that started before an invalidation of one of its tags is not kept (it
//   may have read the rows before the write committed).
// - Load: concurrent requests for one key share one load (one query for a hundred visitors).
// Personal data never goes in here: only what every visitor sees.

export const CACHE_TTL_SECONDS = 10;
const MAX_ENTRIES = 5_000;
const CHANNEL = 'comptoir_cache';

type Entry = { value: Promise<unknown>; expires: number; tags: readonly string[] };

// The tags of an entry: given, or read from the loaded value (a page found by slug is tagged with
// its id, known once loaded).
export type Tags<T> = readonly string[] | ((value: T) => readonly string[]);

type State = {
  entries: Map<string, Entry>;
  // tag → invalidation counter value when it was last invalidated.
  invalidatedAt: Map<string, number>;
  counter: number;
  everything: number;
  listening: { on: unknown; ready: Promise<void> } | null;
  hits: number;
  misses: number;
};

const globalForCache = globalThis as unknown as { comptoirCache?: State };
const state = (globalForCache.comptoirCache ??= {
  entries: new Map(),
  invalidatedAt: new Map(),
  counter: 0,
  everything: 0,
  listening: null,
  hits: 0,
  misses: 0,
});

// Drops, in this process, the entries carrying any of these tags ('*': all of them).
export function invalidateLocal(tags: readonly string[]): void {
  state.counter++;
  if (tags.includes('*')) {
    state.everything = state.counter;
    state.entries.clear();
    return;
  }
  const wanted = new Set(tags);
  for (const tag of wanted) state.invalidatedAt.set(tag, state.counter);
  for (const [key, entry] of state.entries) if (entry.tags.some((t: string) => wanted.has(t))) state.entries.delete(key);
  // The counters are only needed for loads under way: keep the map small.
  if (state.invalidatedAt.size > 10_000) state.invalidatedAt.clear();
}

// Listens once per database client; a failure is logged and retried on the next read.
function listen(): Promise<void> {
  const current = client();
  if (state.listening?.on === current) return state.listening.ready;
  const ready = current
    .listen(CHANNEL, (payload) => invalidateLocal(payload.split(' ').filter(Boolean)))
    .catch((error: unknown) => {
      log.warn({ err: error }, 'cache: écoute des invalidations impossible');
      state.listening = null;
    });
  state.listening = { on: current, ready };
  return ready;
}

function staleSince(tags: readonly string[], startedAt: number): boolean {
  if (state.everything > startedAt) return true;
  return tags.some((t) => (state.invalidatedAt.get(t) ?? 0) > startedAt);
}

// The cached value of `key`, loaded by `load` when missing or expired.
// COMPTOIR_DATA_CACHE=off reads straight from the database (the integration tests, which write
// rows directly and read them back at once, run so; tests/integration/cache.test.ts turns it on).
export async function cached<T>(key: string, tags: Tags<T>, load: () => Promise<T>, { ttlSeconds = CACHE_TTL_SECONDS } = {}): Promise<T> {
  if (process.env.COMPTOIR_DATA_CACHE === 'off') return load();
  await listen();
  const now = Date.now();
  const found = state.entries.get(key);
  if (found && found.expires > now) {
    state.hits++;
    return found.value as Promise<T>;
  }
  state.misses++;
  const startedAt = state.counter;
  const value = load();
  const entry: Entry = { value, expires: now + ttlSeconds * 1000, tags: typeof tags === 'function' ? [] : tags };
  state.entries.set(key, entry);
  if (state.entries.size > MAX_ENTRIES) state.entries.delete(state.entries.keys().next().value!);
  value.then(
    (loaded) => {
      if (typeof tags === 'function') entry.tags = tags(loaded);
      if (staleSince(entry.tags, startedAt) && state.entries.get(key) === entry) state.entries.delete(key);
    },
    () => {
      if (state.entries.get(key) === entry) state.entries.delete(key);
    },
  );
  return value;
}

export function cacheStats(): { entries: number; hits: number; misses: number } {
  return { entries: state.entries.size, hits: state.hits, misses: state.misses };
}
