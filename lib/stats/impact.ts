import 'server-only';
import { eq, sql, type SQL } from 'drizzle-orm';
import { db } from '@/db';
import { activities, attendance, activityParticipants, enrollments, places, sessions, users } from '@/db/schema';
import { assertCan, can, type Actor } from '@/lib/auth/policy';
import { NotFoundError } from '@/lib/errors';
import { AGE_BANDS, DURATION_BANDS, GENDERS, SOCIAL_STATUSES } from '@/lib/vocabulary';
import { monthsOf, periodInstants, resolvePeriod, type Period } from './period';

// The impact statistics of Comptoir: what the activity reports and the closed sessions say about
// a place, a mediator's work or the whole network, for a period. Every figure is defined once,
// here, and computed by the database in three queries whatever the amount of data.

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
async function rows<T>(query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown;
  return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];
}

const ratio = (part: number, whole: number) => (whole > 0 ? part / whole : null);

// Computes the statistics of a scope for a period. No permission check: callers decide who may
// see which scope (statsFor below, the shared-link page).
export async function computeStats(scope: StatsScope, period: Period): Promise<Stats> {
  const inPeriod = sql`${activities.date} >= ${period.from} and ${activities.date} <= ${period.to}`;
  const scoped = sql`scoped as (select * from ${activities} where ${inPeriod} and ${activityScope(scope)})`;
  const known = sql`known as (
    select ${activityParticipants.userId} as user_id from ${activityParticipants} join scoped on scoped.id = ${activityParticipants.activityId}
    union
    select scoped.learner_id from scoped where scoped.learner_id is not null)`;
  const { start, end } = periodInstants(period);

  const [headline, distributionRows, sessionRows] = await Promise.all([
    rows<{ total: number; individual: number; collective: number; minutes: number; known: number; anonymous_individual: number; anonymous_collective: number; new_learners: number }>(sql`
      with ${scoped}, ${known},
      firsts as (
        select x.user_id, min(x.day) as first_day from (
          select ${activityParticipants.userId} as user_id, ${activities.date} as day
            from ${activityParticipants} join ${activities} on ${activities.id} = ${activityParticipants.activityId}
            where ${activityScope(scope)}
          union all
          select ${activities.learnerId}, ${activities.date} from ${activities} where ${activities.learnerId} is not null and ${activityScope(scope)}
        ) x group by x.user_id)
      select
        (select count(*) from scoped)::int as total,
        (select count(*) from scoped where kind = 'individual')::int as individual,
        (select count(*) from scoped where kind = 'collective')::int as collective,
        (select coalesce(sum(duration_minutes), 0) from scoped)::int as minutes,
        (select count(*) from known)::int as known,
        (select count(*) from scoped where kind = 'individual' and learner_id is null)::int as anonymous_individual,
        (select coalesce(sum((anonymous_participants->>'count')::int), 0) from scoped where kind = 'collective')::int as anonymous_collective,
        (select count(*) from firsts where first_day >= ${period.from} and first_day <= ${period.to})::int as new_learners`),
    rows<{ dim: string; key: string; label: string | null; n: number }>(sql`
      with ${scoped}, ${known},
      anon_ind as (select anonymous_person as p from scoped where kind = 'individual' and learner_id is null),
      coll as (select anonymous_participants as a from scoped where kind = 'collective' and anonymous_participants is not null)
      select dim, key, label, sum(n)::int as n from (
        select 'theme' as dim, t as key, null as label, count(*) as n from scoped, unnest(scoped.themes) as t group by t
        union all
        select 'durationBand', case when duration_minutes < 30 then 'under-30' when duration_minutes <= 60 then '30-60' when duration_minutes <= 120 then '60-120' else 'over-120' end, null, count(*)
          from scoped group by 2
        union all
        select 'place', coalesce(scoped.place_id::text, ''), max(${places.name}), count(*) from scoped left join ${places} on ${places.id} = scoped.place_id group by scoped.place_id
        union all
        select 'month-' || scoped.kind::text, to_char(scoped.date, 'YYYY-MM'), null, count(*) from scoped group by 1, 2
        union all
        select 'month-minutes', to_char(scoped.date, 'YYYY-MM'), null, sum(scoped.duration_minutes) from scoped group by 2
        union all
        select d, 'unknown', null, count(*) from known, unnest(array['gender', 'ageBand', 'socialStatus']) as d group by d
        union all
        select 'commune', coalesce(trim(${users.commune}), ''), null, count(*) from known join ${users} on ${users.id} = known.user_id group by 2
        union all
        select d, coalesce(nullif(trim(p->>d), ''), case when d = 'commune' then '' else 'unknown' end), null, count(*)
          from anon_ind, unnest(array['gender', 'ageBand', 'socialStatus', 'commune']) as d group by d, 2
        union all
        select d, e.key, null, sum(e.value::int) from coll, unnest(array['gender', 'ageBand', 'socialStatus']) as d, jsonb_each_text(coll.a->d) as e group by d, e.key
        union all
        select 'commune', '', null, coalesce(sum((coll.a->>'count')::int), 0) from coll
      ) x group by dim, key, label`),
    rows<{ held: number; seats: number; confirmed: number; present: number; late: number; excused: number; absent: number }>(sql`
      with held as (
        select ${sessions.id} as id, ${sessions.capacity} as capacity from ${sessions}
        where ${sessions.status} = 'done' and ${sessions.startsAt} >= ${start.toISOString()} and ${sessions.startsAt} < ${end.toISOString()} and ${sessionScope(scope)}),
      marks as (
        select ${attendance.status} as status from ${attendance} join held on held.id = ${attendance.sessionId})
      select
        (select count(*) from held)::int as held,
        (select coalesce(sum(capacity), 0) from held)::int as seats,
        (select count(*) from ${enrollments} join held on held.id = ${enrollments.sessionId} where ${enrollments.status} = 'confirmed')::int as confirmed,
        (select count(*) from marks where status = 'present')::int as present,
        (select count(*) from marks where status = 'late')::int as late,
        (select count(*) from marks where status = 'excused')::int as excused,
        (select count(*) from marks where status = 'absent')::int as absent`),
  ]);

  const h = headline[0]!;
  const s = sessionRows[0]!;
  const byDim = new Map<string, DistributionRow[]>();
  for (const r of distributionRows) {
    if (!r.n) continue;
    const list = byDim.get(r.dim) ?? [];
    list.push({ key: r.key, value: Number(r.n), ...(r.label ? { label: r.label } : {}) });
    byDim.set(r.dim, list);
  }
  // Fixed vocabularies keep their order (zeros included); open lists go largest first.
  const fixed = (dim: string, codes: readonly string[]) => codes.map((key) => ({ key, value: byDim.get(dim)?.find((r) => r.key === key)?.value ?? 0 }));
  const largestFirst = (dim: string) =>
    (byDim.get(dim) ?? []).sort((a, b) => b.value - a.value || (a.label ?? a.key).localeCompare(b.label ?? b.key, 'fr'));
  const monthValue = (dim: string, month: string) => byDim.get(dim)?.find((r) => r.key === month)?.value ?? 0;

  const marked = s.present + s.late + s.excused + s.absent;
  const anonymous = h.anonymous_individual + h.anonymous_collective;
  return {
    scope,
    period,
    activities: { total: h.total, individual: h.individual, collective: h.collective },
    minutes: h.minutes,
    people: { total: h.known + anonymous, known: h.known, anonymous },
    newLearners: h.new_learners,
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
  if (can(actor, 'stats:network')) return { kind: 'network' };
  assertCan(actor, 'activity:log');
  return { kind: 'mediator', mediatorId: actor!.id, mediatorName: actor!.name, placeIds: [...actor!.staffedPlaceIds] };
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
