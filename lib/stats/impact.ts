import 'server-only';
import { eq, sql, type SQL } from 'drizzle-orm';
import { db, type Executor, type Transaction } from '@/db';
import { attendance, places, sessions, users } from '@/db/schema';
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

// Which activities a scope covers, on the rollup tables (alias "d"); and which sessions.
function activityScope(scope: StatsScope): SQL {
  if (scope.kind === 'network') return sql`true`;
  if (scope.kind === 'place') return sql`d.place_key = ${scope.place.id}`;
  const own = sql`d.mediator_id = ${scope.mediatorId}`;
  if (scope.placeIds.length === 0) return own;
  return sql`(${own} or d.place_key in (${sql.join(scope.placeIds.map((id) => sql`${id}`), sql`, `)}))`;
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

// The whole calendar months within a period: [fullFrom, fullTo) as first days of months (empty
// when fullFrom >= fullTo).
function fullMonths(period: Period): { fullFrom: string; fullTo: string } {
  const firstOfMonth = (y: number, m: number) => new Date(Date.UTC(y, m, 1)).toISOString().slice(0, 10);
  const [fy, fm, fd] = period.from.split('-').map(Number) as [number, number, number];
  const fullFrom = fd === 1 ? period.from : firstOfMonth(fy, fm);
  const next = new Date(`${period.to}T00:00:00Z`);
  next.setUTCDate(next.getUTCDate() + 1);
  return { fullFrom, fullTo: firstOfMonth(next.getUTCFullYear(), next.getUTCMonth()) };
}

const ratio = (part: number, whole: number) => (whole > 0 ? part / whole : null);

// One statistics query in its own transaction, without query compilation (JIT).
function withoutJit<T>(query: (tx: Transaction) => Promise<T>): Promise<T> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`set local jit = off`);
    return query(tx);
  });
}

// Computes the statistics of a scope for a period, in four queries, from the daily rollups of the
// activity reports (db/schema.ts statsActivityDays and the next ones, kept by triggers) and the
// sessions: a year of a 500-place network (about 100,000 activities) reads a few thousand rows
// for the network, and only the place distribution reads one row per place and day. No permission check: callers
// decide who may see which scope (statsFor below, the shared-link page).
export async function computeStats(scope: StatsScope, period: Period): Promise<Stats> {
  const inScope = activityScope(scope);
  const inPeriod = sql`d.day >= ${period.from} and d.day <= ${period.to}`;
  const { start, end } = periodInstants(period);
  // The network reads its own per-day rollups; a place or a mediator the per-place ones.
  const network = scope.kind === 'network';
  const activityDays = sql.raw(network ? 'stats_network_days' : 'stats_activity_days');
  const dimensionDays = sql.raw(network ? 'stats_network_dimension_days' : 'stats_dimension_days');
  const personDays = sql.raw(network ? 'stats_network_person_days' : 'stats_person_days');
  // Activities per place: for the network, whole months from the monthly rollup and the days of
  // the partial months at both ends; for a place or a mediator, their days.
  const { fullFrom, fullTo } = fullMonths(period);
  const placeDays = network
    ? sql`select m.place_key, m.activities from stats_place_months m where m.month >= ${fullFrom} and m.month < ${fullTo}
        union all
        select d.place_key, d.activities from stats_activity_days d where ${inPeriod} and not (d.day >= ${fullFrom} and d.day < ${fullTo})`
    : sql`select d.place_key, d.activities from stats_activity_days d where ${inPeriod} and ${inScope}`;

  // The four queries at once, each on its own connection (the database answers them side by
  // side), each in a transaction that turns off query compilation (JIT): PostgreSQL's cost
  // estimates would otherwise have it spend longer compiling than running.
  const [activityRows, breakdownRows, peopleRows, sessionRows] = await Promise.all([
    // 1. Counts, minutes and anonymous head counts: overall, per kind and month, per duration
    //    band (grouping sets: one pass over the period's daily rollups); and per place.
    withoutJit((tx) => rows<{ g: string; kind: string | null; month: string | null; band: string | null; place_id: string | null; place_name: string | null; n: number; minutes: number; anonymous_individual: number; anonymous_collective: number }>(tx, sql`
      select
        case when grouping(d.kind, to_char(d.day, 'YYYY-MM')) = 0 then 'month' when grouping(d.band) = 0 then 'band' else 'total' end as g,
        d.kind::text as kind, to_char(d.day, 'YYYY-MM') as month, d.band, null as place_id, null as place_name,
        sum(d.activities)::int as n, sum(d.minutes)::int as minutes,
        sum(d.anonymous_individual)::int as anonymous_individual, sum(d.anonymous_collective)::int as anonymous_collective
      from ${activityDays} d
      where ${inPeriod} and ${inScope}
      group by grouping sets ((), (d.kind, to_char(d.day, 'YYYY-MM')), (d.band))
      union all
      select 'place', null, null, null, x.place_key, ${places.name}, x.n, 0, 0, 0
      from (select d.place_key, sum(d.activities)::int as n from (${placeDays}) d group by 1) x
        left join ${places} on ${places.id}::text = x.place_key`)),
    // 2. Themes (activities), and anonymous people by gender, age band, status and commune.
    withoutJit((tx) => rows<{ dim: string; key: string; n: number }>(tx, sql`
      select d.dimension as dim, d.key, sum(d.value)::int as n
        from ${dimensionDays} d where ${inPeriod} and ${inScope} group by 1, 2`)),
    // 3. Known people: each account once, with its first activity in the scope (ever) and whether
    //    it was reached in the period; counted per commune of the account.
    withoutJit((tx) => rows<{ commune: string; known: number; new_learners: number }>(tx, sql`
      with person as (
        select d.user_id, min(d.day) as first_day, bool_or(d.day >= ${period.from}) as reached
          from ${personDays} d where d.day <= ${period.to} and ${inScope} group by d.user_id
      )
      select coalesce(trim(${users.commune}), '') as commune,
        (count(*) filter (where person.reached))::int as known,
        (count(*) filter (where person.first_day >= ${period.from}))::int as new_learners
      from person join ${users} on ${users.id} = person.user_id
      group by 1`)),
    // 4. Sessions held in the period, their seats, confirmed sign-ups and attendance marks.
    withoutJit((tx) => rows<{ held: number; seats: number; confirmed: number; present: number; late: number; excused: number; absent: number }>(tx, sql`
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
         from ${attendance} where ${attendance.sessionId} in (select id from held)) a`)),
  ]);

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
