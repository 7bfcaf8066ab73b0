import 'server-only';
import { sql } from 'drizzle-orm';
import { AGE_BANDS, GENDERS, PROPOSED_DURATIONS, SOCIAL_STATUSES, THEMES, ADMIN_THEMES, type Theme } from '@/lib/vocabulary';
import type { Database } from '../index';
import { activities, activityParticipants } from '../schema';

// A plausible year of activity reports for every place of a seeded network, written in bulk
// (for `npm run bench` and for looking at the statistics pages with data in them). It
// bypasses lib/activities on purpose: no audit rows, no per-row checks, thousands of rows a query.

export type ActivitySeedOptions = { now?: Date; months?: number; individualPerMonth?: number; collectivePerMonth?: number; seed?: number };

function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  const pick = <T,>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T;
  // Weighted choice: [value, weight][]
  const weighted = <T,>(items: readonly (readonly [T, number])[]): T => {
    let r = next() * items.reduce((s, [, w]) => s + w, 0);
    for (const [value, w] of items) if ((r -= w) < 0) return value;
    return items[items.length - 1]![0];
  };
  return { next, int, pick, weighted };
}

const pad = (n: number) => String(n).padStart(2, '0');

async function rowsOf<T>(db: Database, query: ReturnType<typeof sql>): Promise<T[]> {
  const result = (await db.execute(query)) as unknown;
  return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];
}

export async function seedActivities(db: Database, options: ActivitySeedOptions = {}): Promise<{ activities: number; participants: number }> {
  const now = options.now ?? new Date();
  const months = options.months ?? 12;
  const perIndividual = options.individualPerMonth ?? 14;
  const perCollective = options.collectivePerMonth ?? 4;
  const random = prng(options.seed ?? 20260415);

  // Each place with one of its mediators and the people who signed up there.
  const placeRows = await rowsOf<{ place_id: string; mediator_id: string; commune: string; learners: string[] | null }>(
    db,
    sql`select p.id as place_id, p.commune,
          (select s.user_id from place_staff s where s.place_id = p.id order by s.user_id limit 1) as mediator_id,
          (select array_agg(distinct e.user_id) from enrollments e join sessions se on se.id = e.session_id where se.place_id = p.id) as learners
        from places p`,
  );

  const activityRows: (typeof activities.$inferInsert)[] = [];
  const participantRows: (typeof activityParticipants.$inferInsert)[] = [];
  const durationWeights = PROPOSED_DURATIONS.map((d) => [d, d === 30 || d === 45 ? 4 : d === 60 ? 3 : 1] as const);
  const ageWeights = AGE_BANDS.map((a) => [a, a === '60-69' || a === '70-plus' ? 4 : a === '40-59' ? 3 : a === 'unknown' ? 2 : 1] as const);
  const statusWeights = SOCIAL_STATUSES.map((s) => [s, s === 'retired' ? 4 : s === 'unemployed' ? 3 : 1] as const);
  const themes = (): Theme[] => {
    const first = random.weighted<Theme>(THEMES.map((t) => [t, t === 'demarches' ? 6 : t === 'e-mail' || t === 'materiel' ? 4 : 1] as const));
    return random.next() < 0.3 ? [...new Set<Theme>([first, random.pick(THEMES)])] : [first];
  };
  const today = new Date(now.getTime());
  for (const place of placeRows) {
    if (!place.mediator_id) continue;
    const learners = place.learners ?? [];
    for (let m = 0; m < months; m++) {
      const month = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth() - m, 1));
      const lastDay = m === 0 ? today.getUTCDate() : new Date(Date.UTC(month.getUTCFullYear(), month.getUTCMonth() + 1, 0)).getUTCDate();
      const day = () => `${month.getUTCFullYear()}-${pad(month.getUTCMonth() + 1)}-${pad(random.int(1, lastDay))}`;
      // Busier and quieter months.
      const individualCount = random.int(Math.floor(perIndividual * 0.5), Math.ceil(perIndividual * 1.5));
      const collectiveCount = random.int(Math.floor(perCollective * 0.5), Math.ceil(perCollective * 1.5));
      for (let i = 0; i < individualCount; i++) {
        const chosen = themes();
        const known = learners.length > 0 && random.next() < 0.4;
        activityRows.push({
          id: crypto.randomUUID(),
          mediatorId: place.mediator_id,
          kind: 'individual',
          date: day(),
          durationMinutes: random.weighted(durationWeights),
          placeType: random.weighted([['place', 8], ['remote', 1], ['home', 1]] as const),
          placeId: place.place_id,
          themes: chosen,
          adminThemes: chosen.includes('demarches') ? [random.pick(ADMIN_THEMES)] : [],
          equipment: [random.weighted([['computer', 5], ['phone', 4], ['tablet', 1]] as const)],
          learnerId: known ? random.pick(learners) : null,
          anonymousPerson: known
            ? null
            : { gender: random.pick(GENDERS), ageBand: random.weighted(ageWeights), socialStatus: random.weighted(statusWeights), commune: random.next() < 0.7 ? place.commune : '' },
          autonomy: random.pick(['fully-assisted', 'partly-autonomous', 'autonomous']),
          completion: chosen.includes('demarches') ? random.pick(['done', 'to-finish-alone', 'must-return', 'referred']) : null,
        });
      }
      for (let i = 0; i < collectiveCount; i++) {
        const id = crypto.randomUUID();
        const people = new Set<string>();
        const wanted = Math.min(learners.length, random.int(2, 7));
        while (people.size < wanted) people.add(random.pick(learners));
        const anonymous = random.int(0, 4);
        activityRows.push({
          id,
          mediatorId: place.mediator_id,
          kind: 'collective',
          date: day(),
          durationMinutes: random.weighted([[60, 1], [90, 2], [120, 3]] as const),
          placeType: 'place',
          placeId: place.place_id,
          themes: themes(),
          equipment: ['computer'],
          title: 'Atelier collectif',
          level: random.pick(['beginner', 'intermediate'] as const),
          anonymousParticipants: anonymous ? { count: anonymous, gender: { unknown: anonymous }, ageBand: { unknown: anonymous }, socialStatus: { unknown: anonymous } } : null,
        });
        for (const userId of people) participantRows.push({ activityId: id, userId });
      }
    }
  }
  for (let i = 0; i < activityRows.length; i += 1000) await db.insert(activities).values(activityRows.slice(i, i + 1000));
  for (let i = 0; i < participantRows.length; i += 2000) await db.insert(activityParticipants).values(participantRows.slice(i, i + 2000));
  return { activities: activityRows.length, participants: participantRows.length };
}
