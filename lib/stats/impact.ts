import 'server-only';
import { eq, sql, type SQL } from 'drizzle-orm';
import { db, type Executor } from '@/db';
import { activities, activityParticipants, attendance, places, sessions, users } from '@/db/schema';
import { assertCan, placeScope, type Actor } from '@/lib/auth/policy';
import { confirmedSeats } from '@/lib/enrollment/seats';
import { NotFoundError } from '@/lib/errors';
import { AGE_BANDS, DURATION_BANDS, GENDERS, SOCIAL_STATUSES } from '@/lib/vocabulary';
import { monthsOf, periodInstants, resolvePeriod, type Period } from './period';

// The impact statistics of Comptoir: what the activity reports and the closed sessions say about
// a place, a mediator's work or the whole network, for a period. Every figure is defined once,
// here, and computed by the database in four queries whatever the amount of data.

export type StatsScope =
  | { kind: 'network' }
  | { kind: 'place'; place: { id: string; slug: string; name: string; commune: string } }
  // A mediator's own activities wherever they were logged, plus every activity and session of the
  // places they staff (their colleagues' work there included).
  | { kind: 'mediator'; mediatorId: string; mediatorName: string; placeIds: string[] };

export type DistributionRow = { key: string; label?: string; value: number };

export type MonthRow = { month: string; individual: number; collective: number; minutes: number };

export type Stats = {
  scope: StatsScope;
  period: Period;
  // Activity reports dated within the period (both ends included).
  activities: { total: number; individual: number; collective: number };
  // Sum of the activities' durations, in minutes (shown in hours).
  minutes: number;
  // Known people: distinct accounts that were the person of an individual activity or a known
  // participant of a collective one. Anonymous people: one per individual activity without an
  // account, plus the head counts of collective activities; anonymous people cannot be told
  // apart, so each one counts each time. people = known + anonymous.
  people: { total: number; known: number; anonymous: number };
  // Known people whose first activity in this scope (ever) falls within the period.
  newLearners: number;
  sessions: {
    // Sessions with status "done" (closed) that started within the period at the scope's places.
    held: number;
    // Sum of the capacities of the sessions held.
    seatsOffered: number;
    // Confirmed sign-ups on the sessions held (cancelled and waiting-list ones excluded).
    confirmedSignups: number;
    // Attendance rows of the sessions held, by status ("unmarked" rows are left out: closing a
    // session marks them absent). Walk-ins count.
    present: number;
    late: number;
    excused: number;
    absent: number;
    // confirmedSignups ÷ seatsOffered; null when no seat was offered.
    fillRate: number | null;
    // (present + late) ÷ (present + late + excused + absent); null when nobody was marked.
    attendanceRate: number | null;
    // absent ÷ (present + late + excused + absent): absent without excuse; null when nobody was marked.
    noShowRate: number | null;
  };
  distributions: {
    // Number of activities per theme; an activity with two themes counts in both.
    theme: DistributionRow[];
    // People reached per gender, age band, social status and commune. Known people have no
    // recorded gender, age band or status ("unknown"); their commune is the one of their account.
    // Anonymous collective participants have no commune ("" = unknown).
    gender: DistributionRow[];
    ageBand: DistributionRow[];
    socialStatus: DistributionRow[];
    commune: DistributionRow[];
    // Number of activities per duration band (lib/vocabulary.ts durationBandOf).
    durationBand: DistributionRow[];
    // Number of activities per place ("" = logged without a place).
    place: DistributionRow[];
  };
  // Per calendar month of the period (activity date): activities by kind and minutes.
  months: MonthRow[];
};

export type StatsQuery = { place?: string | null; from?: string | null; to?: string | null };

// Which activities and sessions a scope covers. Conditions are written on the unaliased tables.
function activityScope(scope: StatsScope): SQL {
  if (scope.kind === 'network') return sql`true`;
  if (scope.kind === 'place') return sql`${activities.placeId} = ${scope.place.id}`;
  const own = sql`${activities.mediatorId} = ${scope.mediatorId}`;
  if (scope.placeIds.length === 0) return own;
  return sql`(${own} or ${activities.placeId} in (${sql.join(scope.placeIds.map((id) => sql`${id}`), sql`, `)}))`;
}

function sessionScope(scope: StatsScope): SQL {
  if (scope.kind === 'network') return sql`true`;
  if (scope.kind === 'place') return sql`${sessions.placeId} = ${scope.place.id}`;
  if (scope.placeIds.length === 0) return sql`false`;
  return sql`${sessions.placeId} in (${sql.join(scope.placeIds.map((id) => sql`${id}`), sql`, `)})`;
}

// postgres.js returns an array of rows, PGlite an object with `rows`.
async function rows<T>(executor: Executor, query: SQL): Promise<T[]> {
  const result = (await executor.execute(query)) as unknown;
  return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];
}

const ratio = (part: number, whole: number) => (whole > 0 ? part / whole : null);

// Computes the statistics of a scope for a period, in four queries, each reading its tables once
// (a year of a 500-place network is about 100,000 activities). No permission check: callers
// decide who may see which scope (statsFor below, the shared-link page).
export async function computeStats(scope: StatsScope, period: Period): Promise<Stats> {
  const inScope = activityScope(scope);
  const inPeriod = sql`${activities.date} >= ${period.from} and ${activities.date} <= ${period.to}`;
  const { start, end } = periodInstants(period);

  // One transaction, so that the database does not compile these queries (JIT): each runs in
  // tens of milliseconds, and PostgreSQL's cost estimates of the spread in query 2 would
  // otherwise have it spend longer compiling than running.
  const [activityRows, breakdownRows, peopleRows, sessionRows] = await db.transaction(async (tx) => {
    await tx.execute(sql`set local jit = off`);
    return [
    // 1. Counts, minutes and anonymous head counts: overall, per kind and month, per duration
    //    band, per place (grouping sets: one pass over the period's activities).
    await rows<{ g: string; kind: string | null; month: string | null; band: string | null; place_id: string | null; place_name: string | null; n: number; minutes: number; anonymous_individual: number; anonymous_collective: number }>(tx, sql`
      select
        case when grouping(x.kind, x.month) = 0 then 'month' when grouping(x.band) = 0 then 'band' when grouping(x.place_key) = 0 then 'place' else 'total' end as g,
        x.kind, x.month, x.band, x.place_key as place_id, max(x.place_name) as place_name,
        count(*)::int as n,
        coalesce(sum(x.duration_minutes), 0)::int as minutes,
        (count(*) filter (where x.kind = 'individual' and x.learner_id is null))::int as anonymous_individual,
        coalesce(sum(x.anonymous_count) filter (where x.kind = 'collective'), 0)::int as anonymous_collective
      from (
        select ${activities.kind}::text as kind, to_char(${activities.date}, 'YYYY-MM') as month,
          case when ${activities.durationMinutes} < 30 then 'under-30' when ${activities.durationMinutes} <= 60 then '30-60'
               when ${activities.durationMinutes} <= 120 then '60-120' else 'over-120' end as band,
          coalesce(${activities.placeId}::text, '') as place_key, ${places.name} as place_name,
          ${activities.durationMinutes} as duration_minutes, ${activities.learnerId} as learner_id,
          (${activities.anonymousParticipants}->>'count')::int as anonymous_count
        from ${activities} left join ${places} on ${places.id} = ${activities.placeId}
        where ${inPeriod} and ${inScope}
      ) x
      group by grouping sets ((), (x.kind, x.month), (x.band), (x.place_key))`),
    // 2. Themes (activities), and anonymous people by gender, age band, status and commune. The
    //    anonymous descriptions are grouped first (few distinct ones), then spread and weighted.
    await rows<{ dim: string; key: string; n: number }>(tx, sql`
      select 'theme' as dim, t as key, count(*)::int as n
        from ${activities}, unnest(${activities.themes}) as t where ${inPeriod} and ${inScope} group by t
      union all
      select f, coalesce(nullif(trim(p.person->>f), ''), case when f = 'commune' then '' else 'unknown' end), sum(p.n)::int
        from (select ${activities.anonymousPerson} as person, count(*) as n from ${activities}
              where ${activities.kind} = 'individual' and ${activities.learnerId} is null and ${inPeriod} and ${inScope}
              group by 1) as p,
          unnest(array['gender', 'ageBand', 'socialStatus', 'commune']) as f
        group by 1, 2
      union all
      select f, e.key, sum(e.value::int * c.n)::int
        from (select ${activities.anonymousParticipants} as head, count(*) as n from ${activities}
              where ${activities.kind} = 'collective' and ${activities.anonymousParticipants} is not null and ${inPeriod} and ${inScope}
              group by 1) as c,
          unnest(array['gender', 'ageBand', 'socialStatus', 'commune']) as f,
          lateral (select * from jsonb_each_text(c.head->f) where f <> 'commune'
                   union all select '', (c.head->>'count') where f = 'commune') as e
        group by 1, 2`),
    // 3. Known people: each account once, with its first activity in the scope (ever) and whether
    //    it was reached in the period; counted per commune of the account.
    await rows<{ commune: string; known: number; new_learners: number }>(tx, sql`
      with seen as (
        select ${activityParticipants.userId} as user_id, ${activities.date} as day
          from ${activityParticipants} join ${activities} on ${activities.id} = ${activityParticipants.activityId}
          where ${activities.date} <= ${period.to} and ${inScope}
        union all
        select ${activities.learnerId}, ${activities.date} from ${activities}
          where ${activities.learnerId} is not null and ${activities.date} <= ${period.to} and ${inScope}
      ),
      person as (
        select user_id, min(day) as first_day, bool_or(day >= ${period.from}) as reached from seen group by user_id
      )
      select coalesce(trim(${users.commune}), '') as commune,
        (count(*) filter (where person.reached))::int as known,
        (count(*) filter (where person.first_day >= ${period.from}))::int as new_learners
      from person join ${users} on ${users.id} = person.user_id
      group by 1`),
    // 4. Sessions held in the period, their seats, confirmed sign-ups and attendance marks.
    await rows<{ held: number; seats: number; confirmed: number; present: number; late: number; excused: number; absent: number }>(tx, sql`
      with held as (
        select ${sessions.id} as id, ${sessions.capacity} as capacity from ${sessions}
        where ${sessions.status} = 'done' and ${sessions.startsAt} >= ${start.toISOString()} and ${sessions.startsAt} < ${end.toISOString()} and ${sessionScope(scope)})
      select h.held, h.seats, e.confirmed, a.present, a.late, a.excused, a.absent
      from (select count(*)::int as held, coalesce(sum(capacity), 0)::int as seats from held) h,
        (select coalesce(sum(c), 0)::int as confirmed from (select ${confirmedSeats(sql`held.id`)} as c from held) per_session) e,
        (select
           (count(*) filter (where ${attendance.status} = 'present'))::int as present,
           (count(*) filter (where ${attendance.status} = 'late'))::int as late,
           (count(*) filter (where ${attendance.status} = 'excused'))::int as excused,
           (count(*) filter (where ${attendance.status} = 'absent'))::int as absent
         from ${attendance} where ${attendance.sessionId} in (select id from held)) a`),
    ] as const;
  });

  const total = activityRows.find((r) => r.g === 'total');
  const known = peopleRows.reduce((a, r) => a + r.known, 0);
  const newLearners = peopleRows.reduce((a, r) => a + r.new_learners, 0);
  const s = sessionRows[0]!;

  // (dimension → key → value), from the four result sets.
  const byDim = new Map<string, Map<string, DistributionRow>>();
  const add = (dim: string, key: string, value: number, label?: string) => {
    if (!value) return;
    const map = byDim.get(dim) ?? new Map<string, DistributionRow>();
    const row = map.get(key) ?? { key, value: 0, ...(label ? { label } : {}) };
    row.value += value;
    map.set(key, row);
    byDim.set(dim, map);
  };
  for (const r of activityRows) {
    if (r.g === 'band') add('durationBand', r.band!, r.n);
    if (r.g === 'place') add('place', r.place_id!, r.n, r.place_name ?? undefined);
    if (r.g === 'month') {
      add(`month-${r.kind}`, r.month!, r.n);
      add('month-minutes', r.month!, r.minutes);
    }
  }
  for (const r of breakdownRows) add(r.dim, r.key, r.n);
  // Known people have no recorded gender, age band or status; their commune is their account's.
  for (const dim of ['gender', 'ageBand', 'socialStatus']) add(dim, 'unknown', known);
  for (const r of peopleRows) add('commune', r.commune, r.known);

  // Fixed vocabularies keep their order (zeros included); open lists go largest first.
  const fixed = (dim: string, codes: readonly string[]) => codes.map((key) => ({ key, value: byDim.get(dim)?.get(key)?.value ?? 0 }));
  const largestFirst = (dim: string) =>
    [...(byDim.get(dim)?.values() ?? [])].sort((a, b) => b.value - a.value || (a.label ?? a.key).localeCompare(b.label ?? b.key, 'fr'));
  const monthValue = (dim: string, month: string) => byDim.get(dim)?.get(month)?.value ?? 0;

  const marked = s.present + s.late + s.excused + s.absent;
  const anonymous = (total?.anonymous_individual ?? 0) + (total?.anonymous_collective ?? 0);
  return {
    scope,
    period,
    activities: { total: total?.n ?? 0, individual: monthTotal(activityRows, 'individual'), collective: monthTotal(activityRows, 'collective') },
    minutes: total?.minutes ?? 0,
    people: { total: known + anonymous, known, anonymous },
    newLearners,
    sessions: {
      held: s.held,
      seatsOffered: s.seats,
      confirmedSignups: s.confirmed,
      present: s.present,
      late: s.late,
      excused: s.excused,
      absent: s.absent,
      fillRate: ratio(s.confirmed, s.seats),
      attendanceRate: ratio(s.present + s.late, marked),
      noShowRate: ratio(s.absent, marked),
    },
    distributions: {
      theme: largestFirst('theme'),
      gender: fixed('gender', GENDERS),
      ageBand: fixed('ageBand', AGE_BANDS),
      socialStatus: fixed('socialStatus', SOCIAL_STATUSES),
      commune: largestFirst('commune'),
      durationBand: fixed('durationBand', DURATION_BANDS),
      place: largestFirst('place'),
    },
    months: monthsOf(period).map((month) => ({
      month,
      individual: monthValue('month-individual', month),
      collective: monthValue('month-collective', month),
      minutes: monthValue('month-minutes', month),
    })),
  };
}

const monthTotal = (rows: { g: string; kind: string | null; n: number }[], kind: string) => rows.filter((r) => r.g === 'month' && r.kind === kind).reduce((a, r) => a + r.n, 0);

async function placeBySlug(slug: string) {
  const [place] = await db.select({ id: places.id, slug: places.slug, name: places.name, commune: places.commune }).from(places).where(eq(places.slug, slug));
  if (!place) throw new NotFoundError('Ce lieu n’existe pas.');
  return place;
}

// Who may see what: a place's statistics for its staff and coordinators; the whole network for
// coordinators; with no place, a mediator gets their own work and their places.
export async function resolveStatsScope(actor: Actor | null, placeSlug?: string | null): Promise<StatsScope> {
  if (placeSlug) {
    assertCan(actor, 'activity:log');
    const place = await placeBySlug(placeSlug);
    assertCan(actor, 'stats:place', { placeId: place.id });
    return { kind: 'place', place };
  }
  const scope = placeScope(actor);
  if (scope === 'all') return { kind: 'network' };
  assertCan(actor, 'activity:log');
  return { kind: 'mediator', mediatorId: actor!.id, mediatorName: actor!.name, placeIds: [...scope] };
}

// The statistics a signed-in person asked for (pages, exports, GET /api/v1/stats).
export async function statsFor(actor: Actor | null, query: StatsQuery, now = new Date()): Promise<Stats> {
  const period = resolvePeriod({ from: query.from ?? undefined, to: query.to ?? undefined }, now);
  const scope = await resolveStatsScope(actor, query.place);
  return computeStats(scope, period);
}

// Small counts about people can point at someone ("the one person aged 12-17 in Feurs"): public
// shared pages hide the cells of the people distributions (gender, age band, status, commune)
// from 1 to PUBLIC_MIN_CELL - 1. When a breakdown hides a single cell, the next smallest one is
// hidden too, so that the hidden number cannot be worked out from the total. Small communes are
// grouped into one "others" row.
export const PUBLIC_MIN_CELL = 3;

// value null: hidden (between 1 and PUBLIC_MIN_CELL - 1, or hidden so as not to give one away).
export type PublicRow = { key: string; label?: string; value: number | null };

export type PublicStats = Omit<Stats, 'distributions' | 'scope'> & {
  scope: { kind: 'network' } | { kind: 'place'; place: { slug: string; name: string; commune: string } };
  distributions: Omit<Stats['distributions'], 'gender' | 'ageBand' | 'socialStatus' | 'commune'> & {
    gender: PublicRow[];
    ageBand: PublicRow[];
    socialStatus: PublicRow[];
    commune: PublicRow[];
  };
};

const isSmall = (n: number) => n > 0 && n < PUBLIC_MIN_CELL;

function suppress(list: DistributionRow[]): PublicRow[] {
  const hidden = new Set(list.filter((r) => isSmall(r.value)).map((r) => r.key));
  if (hidden.size === 1) {
    const next = list.filter((r) => r.value > 0 && !hidden.has(r.key)).sort((a, b) => a.value - b.value)[0];
    if (next) hidden.add(next.key);
  }
  return list.map((r) => ({ ...r, value: hidden.has(r.key) ? null : r.value }));
}

function groupSmallCommunes(list: DistributionRow[]): PublicRow[] {
  const small = list.filter((r) => isSmall(r.value));
  const kept: PublicRow[] = list.filter((r) => !isSmall(r.value));
  if (small.length === 0) return kept;
  const sum = small.reduce((a, r) => a + r.value, 0);
  return [...kept, { key: 'others', value: isSmall(sum) ? null : sum }];
}

// Aggregates only: no names, no ids of people; small people cells hidden.
export function toPublicStats(stats: Stats): PublicStats {
  const { scope } = stats;
  return {
    ...stats,
    scope: scope.kind === 'place' ? { kind: 'place', place: { slug: scope.place.slug, name: scope.place.name, commune: scope.place.commune } } : { kind: 'network' },
    distributions: {
      ...stats.distributions,
      gender: suppress(stats.distributions.gender),
      ageBand: suppress(stats.distributions.ageBand),
      socialStatus: suppress(stats.distributions.socialStatus),
      commune: groupSmallCommunes(stats.distributions.commune),
    },
  };
}
