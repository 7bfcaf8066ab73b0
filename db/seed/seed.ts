import 'server-only';
import { sql } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import { hashPassword } from '@/lib/auth/password';
import { addDays, parisToUtc, toParisIso, toParisWallClock } from '@/lib/time';
import type { Database } from '../index';
import {
  attendance,
  enrollments,
  placeStaff,
  places,
  sessionTrainers,
  sessions,
  userRoles,
  users,
  workshopPlaces,
  workshops,
} from '../schema';
import { seedActivities } from './activities';
import { FIRST_NAMES, LAST_NAMES, PLACES, WORKSHOPS } from './data';
import { prng } from './random';
import { seedNotes } from './notes';
import { seedResources } from './resources';

export const DEMO_PASSWORD = 'comptoir-demo';
export const DEMO_ACCOUNTS = {
  admin: 'admin@comptoir.test',
  coordinator: 'coordination@comptoir.test',
  mediator: 'mediateur@comptoir.test',
  learner: 'apprenant@comptoir.test',
} as const;

// `activities`: a year of activity reports (default: only for the demo itself; the large network
// of the benches gets its year from the bench script, so its figures stay comparable).
export type SeedOptions = { scale?: number; now?: Date; activities?: boolean };
export type SeedSummary = { places: number; workshops: number; sessions: number; users: number; enrollments: number; activities: number };

// "First Last", or when that name is taken the next free pair of the lists (same draws from the
// generator either way, so the rest of the network does not change).
function uniqueName(first: string, last: string, taken: Set<string>): string {
  const f = FIRST_NAMES.indexOf(first);
  const l = LAST_NAMES.indexOf(last);
  for (let k = 0; k < FIRST_NAMES.length * LAST_NAMES.length; k++) {
    const name = `${FIRST_NAMES[(f + Math.floor((l + k) / LAST_NAMES.length)) % FIRST_NAMES.length]} ${LAST_NAMES[(l + k) % LAST_NAMES.length]}`;
    if (!taken.has(name)) {
      taken.add(name);
      return name;
    }
  }
  throw new Error('Not enough first and last names for a unique name in each copy of the network.');
}

async function insertInChunks<T extends PgTable>(db: Database, table: T, rows: T['$inferInsert'][], size = 1000) {
  for (let i = 0; i < rows.length; i += size) {
    await db.insert(table).values(rows.slice(i, i + size) as never);
  }
}

const uuid = () => crypto.randomUUID();

export async function isEmpty(db: Database): Promise<boolean> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(users);
  return (row?.n ?? 0) === 0;
}

export async function seedDemo(db: Database, options: SeedOptions = {}): Promise<SeedSummary> {
  const scale = options.scale ?? 1;
  const now = options.now ?? new Date();
  const random = prng(20261128);
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const today = toParisWallClock(now);

  // Places: the real list, then numbered copies for larger scales.
  const placeRows = Array.from({ length: scale }, (_, copy) =>
    PLACES.map((p) => ({
      id: uuid(),
      slug: copy === 0 ? p.slug : `${p.slug}-${copy + 1}`,
      pivot: `${p.inseeCode}${String(copy).padStart(5, '0')}`.slice(0, 14).padEnd(9, '0'),
      name: copy === 0 ? p.name : `${p.name} (antenne ${copy + 1})`,
      commune: p.commune,
      postalCode: p.postalCode,
      inseeCode: p.inseeCode,
      address: p.address,
      latitude: p.latitude,
      longitude: p.longitude,
      typology: p.typology,
      phone: p.phone,
      emails: [`contact@${p.slug}.exemple.fr`],
      openingHours: p.openingHours,
      summary: p.summary,
      accessInfo: p.accessInfo,
      services: p.services,
      publics: p.publics,
      addressComplement: p.addressComplement ?? null,
      description: p.description ?? null,
      websites: p.websites ?? [],
      specificSupport: p.specificSupport ?? [],
      accessibilityUrl: p.accessibilityUrl ?? null,
      appointmentUrl: p.appointmentUrl ?? null,
      nationalPrograms: p.nationalPrograms ?? [],
      roaming: ['Fixe'],
      fees: ['Gratuit'],
      accessModes: ['Se présenter', 'Téléphoner'],
      supportModes: ['Dans un atelier collectif', 'Accompagnement individuel'],
      source: 'Comptoir',
    })),
  ).flat();
  await insertInChunks(db, places, placeRows);
  const home = placeRows[0]!;

  // People: the four demo accounts, one mediator per place, and learners.
  const demo = {
    admin: { id: uuid(), name: 'Alice Administratrice', email: DEMO_ACCOUNTS.admin },
    coordinator: { id: uuid(), name: 'Claire Coordination', email: DEMO_ACCOUNTS.coordinator },
    mediator: { id: uuid(), name: 'Mehdi Médiateur', email: DEMO_ACCOUNTS.mediator },
    learner: { id: uuid(), name: 'Annie Apprenante', email: DEMO_ACCOUNTS.learner },
  };
  const userRows: (typeof users.$inferInsert)[] = Object.values(demo).map((u) => ({ ...u, passwordHash, commune: 'Saint-Étienne' }));
  // Learners of a copy of the network are drawn from that copy's share of people (learnersOf
  // below); within a copy, and so on every roster, no two people share a name.
  const perCopy = Math.max(1, Math.floor((1 + 60 * scale) / scale));
  const namesInCopy = Array.from({ length: scale }, () => new Set<string>());
  const personName = (copy: number) => uniqueName(random.pick(FIRST_NAMES), random.pick(LAST_NAMES), namesInCopy[Math.min(copy, scale - 1)]!);
  const mediators = placeRows.map((place, i) => {
    if (i === 0) return demo.mediator;
    const row = { id: uuid(), name: personName(Math.floor(i / PLACES.length)), email: `mediateur.${place.slug}@comptoir.test` };
    userRows.push({ ...row, passwordHash, commune: place.commune });
    return row;
  });
  const learnerIds: string[] = [demo.learner.id];
  for (let i = 0; i < 60 * scale; i++) {
    const name = personName(Math.floor((i + 1) / perCopy));
    const place = random.pick(placeRows);
    const id = uuid();
    learnerIds.push(id);
    // One in six has no e-mail: a mediator created the profile at the desk, with consent.
    const atDesk = i % 6 === 5;
    userRows.push({
      id,
      name,
      email: atDesk ? null : `apprenant${i + 1}@exemple.fr`,
      phone: `+3366${String(1000000 + i).slice(-7)}`,
      passwordHash: atDesk ? null : passwordHash,
      commune: place.commune,
      consentAt: atDesk ? now : null,
      createdById: atDesk ? mediators[placeRows.indexOf(place)]!.id : null,
    });
  }
  await insertInChunks(db, users, userRows);
  await insertInChunks(db, userRoles, [
    { userId: demo.admin.id, role: 'admin' },
    { userId: demo.coordinator.id, role: 'coordinator' },
    ...mediators.map((m) => ({ userId: m.id, role: 'mediator' as const })),
  ]);
  await insertInChunks(
    db,
    placeStaff,
    placeRows.map((p, i) => ({ placeId: p.id, userId: mediators[i]!.id })),
  );

  // Workshops, each run by two or three places of the same copy of the network.
  const workshopRows: (typeof workshops.$inferInsert)[] = [];
  const workshopPlaceRows: (typeof workshopPlaces.$inferInsert)[] = [];
  const runs: { workshopId: string; placeIndex: number; minutes: number }[] = [];
  for (let copy = 0; copy < scale; copy++) {
    WORKSHOPS.forEach((w, wi) => {
      const id = uuid();
      workshopRows.push({
        id,
        slug: copy === 0 ? w.slug : `${w.slug}-${copy + 1}`,
        title: w.title,
        summary: w.summary,
        description: `${w.summary}\n\nAtelier en petit groupe, avec un médiateur numérique. Chacun avance à son rythme et repart avec une fiche pratique.`,
        themes: w.themes,
        level: w.level,
        durationMinutes: w.durationMinutes,
        audiences: w.audiences,
        prerequisites: w.prerequisites,
        toBring: w.toBring,
        status: 'published',
        createdById: demo.coordinator.id,
      });
      const base = copy * PLACES.length;
      const chosen = new Set([wi % PLACES.length, (wi + 1) % PLACES.length, (wi * 3 + 2) % PLACES.length]);
      // Roanne runs the beginners' smartphone workshop; Saint-Étienne runs every third workshop.
      if (w.slug === 'debuter-avec-son-smartphone') chosen.add(1);
      if (wi % 3 === 0) chosen.add(0);
      for (const local of chosen) {
        workshopPlaceRows.push({ workshopId: id, placeId: placeRows[base + local]!.id });
        runs.push({ workshopId: id, placeIndex: base + local, minutes: w.durationMinutes });
      }
    });
  }
  await insertInChunks(db, workshops, workshopRows);
  await insertInChunks(db, workshopPlaces, workshopPlaceRows);

  // Sessions: two in the past eight weeks, three in the next ten weeks, for every run.
  const sessionRows: (typeof sessions.$inferInsert)[] = [];
  const trainerRows: (typeof sessionTrainers.$inferInsert)[] = [];
  const enrollmentRows: (typeof enrollments.$inferInsert)[] = [];
  const attendanceRows: (typeof attendance.$inferInsert)[] = [];
  const learnersOf = (placeIndex: number) => {
    const start = Math.floor(placeIndex / PLACES.length) * perCopy;
    return learnerIds.slice(start, start + perCopy);
  };
  for (const run of runs) {
    const offsets = [-random.int(28, 56), -random.int(3, 27), random.int(1, 20), random.int(21, 45), random.int(46, 70)];
    for (const dayOffset of offsets) {
      let day = addDays(today, dayOffset);
      // No sessions on Sundays.
      if (new Date(Date.UTC(day.year, day.month - 1, day.day)).getUTCDay() === 0) day = addDays(day, 1);
      const morning = random.next() < 0.5;
      const startsAt = parisToUtc({ ...day, hour: morning ? 9 : 14, minute: morning ? 30 : 0 });
      const endsAt = new Date(startsAt.getTime() + run.minutes * 60000);
      const past = endsAt < now;
      const capacity = random.int(6, 12);
      const id = uuid();
      sessionRows.push({
        id,
        workshopId: run.workshopId,
        placeId: placeRows[run.placeIndex]!.id,
        startsAt,
        endsAt,
        capacity,
        status: past ? 'done' : 'scheduled',
        closedAt: past ? endsAt : null,
      });
      trainerRows.push({ sessionId: id, userId: mediators[run.placeIndex]!.id });

      const pool = learnersOf(run.placeIndex).filter((l) => l !== demo.learner.id);
      const wanted = past ? random.int(3, capacity) : random.int(0, capacity + 3);
      const chosen = new Set<string>();
      while (chosen.size < Math.min(wanted, pool.length)) chosen.add(random.pick(pool));
      [...chosen].forEach((userId, position) => {
        const confirmed = position < capacity;
        const signedUpAt = new Date(startsAt.getTime() - (14 - position * 0.1) * 86400000);
        enrollmentRows.push({
          sessionId: id,
          userId,
          status: confirmed ? 'confirmed' : 'waitlisted',
          source: position % 4 === 3 ? 'staff' : 'self',
          createdById: position % 4 === 3 ? mediators[run.placeIndex]!.id : userId,
          confirmedAt: confirmed ? signedUpAt : null,
          waitlistedAt: confirmed ? null : signedUpAt,
          createdAt: signedUpAt,
        });
        if (past && confirmed) {
          const r = random.next();
          attendanceRows.push({
            sessionId: id,
            userId,
            status: r < 0.7 ? 'present' : r < 0.8 ? 'late' : r < 0.88 ? 'excused' : 'absent',
            markedById: mediators[run.placeIndex]!.id,
            markedAt: startsAt,
          });
        }
      });
    }
  }

  // The demo learner: two sessions attended and two coming up, at Saint-Étienne.
  const homeSessions = sessionRows.filter((s) => s.placeId === home.id).sort((a, b) => +a.startsAt - +b.startsAt);
  const pastHome = homeSessions.filter((s) => s.status === 'done').slice(-2);
  const nextHome = homeSessions.filter((s) => s.status === 'scheduled').slice(0, 2);
  for (const s of [...pastHome, ...nextHome]) {
    const signedUpAt = new Date(s.startsAt.getTime() - 7 * 86400000);
    const past = s.status === 'done';
    // Keep capacity honest: the demo learner takes a seat only where one is free.
    const taken = enrollmentRows.filter((e) => e.sessionId === s.id && e.status === 'confirmed').length;
    if (taken >= s.capacity) s.capacity = taken + 1;
    enrollmentRows.push({ sessionId: s.id!, userId: demo.learner.id, status: 'confirmed', confirmedAt: signedUpAt, createdById: demo.learner.id, createdAt: signedUpAt });
    if (past) attendanceRows.push({ sessionId: s.id!, userId: demo.learner.id, status: 'present', markedById: demo.mediator.id, markedAt: s.startsAt });
  }

  // Today at Saint-Étienne, under way since the start of the current hour: six confirmed sign-ups
  // and one person waiting, so that attendance can be taken in the demo (and end-to-end tests).
  const todayRun = runs.find((r) => r.placeIndex === 0)!;
  const todayStart = parisToUtc({ year: today.year, month: today.month, day: today.day, hour: today.hour, minute: 0 });
  const todayId = uuid();
  sessionRows.push({
    id: todayId,
    workshopId: todayRun.workshopId,
    placeId: home.id,
    startsAt: todayStart,
    endsAt: new Date(todayStart.getTime() + Math.max(todayRun.minutes, 120) * 60000),
    capacity: 6,
    status: 'scheduled',
  });
  trainerRows.push({ sessionId: todayId, userId: demo.mediator.id });
  learnersOf(0)
    .filter((l) => l !== demo.learner.id)
    .slice(0, 7)
    .forEach((userId, position) => {
      const signedUpAt = new Date(todayStart.getTime() - (10 - position * 0.1) * 86400000);
      const confirmed = position < 6;
      enrollmentRows.push({
        sessionId: todayId,
        userId,
        status: confirmed ? 'confirmed' : 'waitlisted',
        createdById: userId,
        confirmedAt: confirmed ? signedUpAt : null,
        waitlistedAt: confirmed ? null : signedUpAt,
        createdAt: signedUpAt,
      });
    });

  await insertInChunks(db, sessions, sessionRows);
  await insertInChunks(db, sessionTrainers, trainerRows);
  await insertInChunks(db, enrollments, enrollmentRows);
  await insertInChunks(db, attendance, attendanceRows);

  // A year of activity reports: the closed sessions of more than three weeks ago recorded (the
  // later ones wait in each mediator's "to record" list), individual accompaniments every month,
  // and, before the first session held on Comptoir, the collective workshops logged by hand.
  const firstSession = sessionRows.reduce((first, s) => (s.startsAt < first ? s.startsAt : first), now);
  const { activities: activityCount } =
    (options.activities ?? scale === 1)
      ? await seedActivities(db, {
          now,
          individualPerMonth: 10,
          collectivePerMonth: 3,
          recordSessionsBefore: new Date(now.getTime() - 21 * 86400000),
          collectiveBefore: toParisIso(firstSession).slice(0, 10),
        })
      : { activities: 0 };
  const lastAttended = pastHome.at(-1);
  if (lastAttended) await seedNotes(db, { sessionId: lastAttended.id!, learnerId: demo.learner.id, mediatorId: demo.mediator.id, now });

  await seedResources(db, {
    now,
    random,
    places: placeRows,
    authors: mediators,
    learnerIds,
    supportedWorkshopIds: pastHome.map((s) => s.workshopId),
    scale,
  });

  return {
    places: placeRows.length,
    workshops: workshopRows.length,
    sessions: sessionRows.length,
    users: userRows.length,
    enrollments: enrollmentRows.length,
    activities: activityCount,
  };
}
