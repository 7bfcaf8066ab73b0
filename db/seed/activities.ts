import 'server-only';
import { sql } from 'drizzle-orm';
import { AGE_BANDS, GENDERS, PROPOSED_DURATIONS, SOCIAL_STATUSES, THEMES, ADMIN_THEMES, type Theme } from '@/lib/vocabulary';
import type { Database } from '../index';
import { activities, activityParticipants } from '../schema';
import { prng } from './random';

// A plausible year of activity reports for every place of a seeded network, written in bulk
// (for the demo network, `npm run bench` and the statistics pages). It bypasses
// lib/activities on purpose: no audit rows, no per-row checks, thousands of rows a query.

export type ActivitySeedOptions = {
  now?: Date;
  months?: number;
  individualPerMonth?: number;
  collectivePerMonth?: number;
  seed?: number;
  // Closed sessions that started before this instant get their report, as "save the session as
  // an activity" writes it (workshop title, themes, level and duration; the people marked present
  // or late); the later ones are left for the mediator to record.
  recordSessionsBefore?: Date;
  // The generated collective workshops (not tied to a session) are dated before this day
  // (YYYY-MM-DD): from then on, the recorded sessions are the collective work.
  collectiveBefore?: string;
};

// The report of every closed session that started before `before` and has none yet, with its
// attendees as participants: one statement, whatever the number of sessions.
async function recordClosedSessions(db: Database, before: Date): Promise<{ activities: number; participants: number }> {
  const [counts] = await rowsOf<{ activities: number; participants: number }>(
    db,
    sql`with recorded as (
          insert into activities (mediator_id, kind, date, duration_minutes, place_type, place_id, session_id, themes, equipment, title, level)
          select (select st.user_id from session_trainers st where st.session_id = s.id order by st.user_id limit 1),
            'collective', (s.starts_at at time zone 'Europe/Paris')::date, w.duration_minutes, 'place', s.place_id, s.id,
            w.themes, array['computer'], w.title, w.level
          from sessions s join workshops w on w.id = s.workshop_id
          where s.status = 'done' and s.starts_at < ${before.toISOString()}
            and exists (select 1 from session_trainers st where st.session_id = s.id)
            and not exists (select 1 from activities a where a.session_id = s.id)
          returning id, session_id
        ), attendees as (
          insert into activity_participants (activity_id, user_id)
          select r.id, at.user_id from recorded r join attendance at on at.session_id = r.session_id and at.status in ('present', 'late')
          returning 1
        )
        select (select count(*) from recorded)::int as activities, (select count(*) from attendees)::int as participants`,
  );
  return counts ?? { activities: 0, participants: 0 };
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
      // Collective workshops only on the days before `collectiveBefore` (none in its month or later
      // when it falls on the 1st).
      const monthKey = `${month.getUTCFullYear()}-${pad(month.getUTCMonth() + 1)}`;
      const cutoff = options.collectiveBefore;
      const collectiveLastDay = !cutoff || cutoff.slice(0, 7) > monthKey ? lastDay : cutoff.slice(0, 7) < monthKey ? 0 : Math.min(lastDay, Number(cutoff.slice(8, 10)) - 1);
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
        if (collectiveLastDay < 1) break;
        const id = crypto.randomUUID();
        const people = new Set<string>();
        const wanted = Math.min(learners.length, random.int(2, 7));
        while (people.size < wanted) people.add(random.pick(learners));
        const anonymous = random.int(0, 4);
        activityRows.push({
          id,
          mediatorId: place.mediator_id,
          kind: 'collective',
          date: `${monthKey}-${pad(random.int(1, collectiveLastDay))}`,
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
  const recorded = options.recordSessionsBefore ? await recordClosedSessions(db, options.recordSessionsBefore) : { activities: 0, participants: 0 };
  return { activities: activityRows.length + recorded.activities, participants: participantRows.length + recorded.participants };
}
