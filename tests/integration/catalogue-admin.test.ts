import { and, count, eq, inArray, notInArray } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { PATCH as patchWorkshopRoute } from '@/app/api/v1/workshops/[slug]/route';
import { POST as scheduleRoute } from '@/app/api/v1/workshops/[slug]/sessions/route';
import { POST as createWorkshopRoute } from '@/app/api/v1/workshops/route';
import { PATCH as patchSessionRoute } from '@/app/api/v1/sessions/[id]/route';
import { auditLog, enrollments, places, sessions, users, workshopPlaces, workshops } from '@/db/schema';
import type { Actor } from '@/lib/auth/policy';
import { cancelSession, getSessionForEdit, scheduleSessions, updateSession } from '@/lib/catalogue/sessions-admin';
import { createWorkshop, getWorkshopForEdit, listManagedWorkshops, setWorkshopStatus, updateWorkshop } from '@/lib/catalogue/workshops-admin';
import { ConflictError, ForbiddenError, NotFoundError, UnauthenticatedError, ValidationError } from '@/lib/errors';
import { toParisWallClock } from '@/lib/time';
import { demoActor } from '../helpers/actors';
import { apiRequest } from '../helpers/auth';
import { db, onPostgres, seededTestDatabase } from '../helpers/db';

// A Monday morning in early March 2026: the last Sunday of March (29th) is ahead.
const NOW = new Date('2026-03-02T09:00:00Z');

let mediator: Actor;
let coordinator: Actor;
let learner: Actor;
let homeId: string;
let roanneId: string;

const workshopInput = (overrides: Record<string, unknown> = {}) => ({
  title: 'Faire ses courses en ligne',
  summary: 'Choisir un site, payer sans risque, suivre sa livraison.',
  description: 'En petit groupe, sur les ordinateurs du lieu.',
  themes: ['banque-achats', 'securite'],
  level: 'intermediate',
  durationMinutes: 120,
  audiences: ['seniors'],
  prerequisites: 'Savoir utiliser une souris.',
  toBring: 'Sa carte bancaire n’est pas nécessaire.',
  placeIds: [homeId],
  ...overrides,
});

async function auditOf(entityId: string) {
  return db.select().from(auditLog).where(eq(auditLog.entityId, entityId)).orderBy(auditLog.id);
}

async function learnerIds(n: number): Promise<string[]> {
  const rows = await db.select({ id: users.id }).from(users).where(notInArray(users.email, ['mediateur@comptoir.test', 'coordination@comptoir.test', 'admin@comptoir.test'])).limit(n);
  return rows.map((r) => r.id);
}

// A workshop that the demo mediator's place does not run.
async function otherPlacesWorkshop() {
  const home = db.select({ id: workshopPlaces.workshopId }).from(workshopPlaces).where(eq(workshopPlaces.placeId, homeId));
  const [row] = await db.select({ id: workshops.id, slug: workshops.slug, title: workshops.title }).from(workshops).where(notInArray(workshops.id, home)).limit(1);
  return row!;
}

// Seeding hashes passwords with argon2: slow on a busy two-core machine, hence the long timeout.
beforeAll(async () => {
  await seededTestDatabase({ now: NOW });
  [mediator, coordinator, learner] = await Promise.all([demoActor('mediator'), demoActor('coordinator'), demoActor('learner')]);
  const rows = await db.select({ id: places.id, slug: places.slug }).from(places).where(inArray(places.slug, ['au-comptoir-numerique-saint-etienne', 'epn-roanne-mediatheque']));
  homeId = rows.find((r) => r.slug === 'au-comptoir-numerique-saint-etienne')!.id;
  roanneId = rows.find((r) => r.slug === 'epn-roanne-mediatheque')!.id;
}, 180_000);

describe('building the catalogue: workshops', () => {
  it('lets a mediator create a draft workshop at their place, with an address made from the title, and audit-logs it', async () => {
    const workshop = await createWorkshop(mediator, workshopInput());
    expect(workshop).toMatchObject({ slug: 'faire-ses-courses-en-ligne', status: 'draft', themes: ['banque-achats', 'securite'], places: [{ id: homeId }] });
    const audit = await auditOf(workshop.id);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actorId: mediator.id, action: 'workshop.create', entityType: 'workshop', before: null });
    expect(audit[0]!.after).toMatchObject({ title: 'Faire ses courses en ligne', placeIds: [homeId] });
  });

  it('gives a second workshop with the same title its own address', async () => {
    const again = await createWorkshop(coordinator, workshopInput());
    expect(again.slug).toBe('faire-ses-courses-en-ligne-2');
  });

  it('refuses a mediator a workshop at a place they do not staff, and writes nothing', async () => {
    const before = await db.$count(workshops);
    await expect(createWorkshop(mediator, workshopInput({ title: 'Ailleurs', placeIds: [homeId, roanneId] }))).rejects.toBeInstanceOf(ForbiddenError);
    expect(await db.$count(workshops)).toBe(before);
  });

  it('refuses a learner (403) and a visitor (401)', async () => {
    await expect(createWorkshop(learner, workshopInput())).rejects.toBeInstanceOf(ForbiddenError);
    await expect(createWorkshop(null, workshopInput())).rejects.toBeInstanceOf(UnauthenticatedError);
  });

  it('does not let a mediator edit a workshop of a place they do not staff', async () => {
    const other = await otherPlacesWorkshop();
    await expect(getWorkshopForEdit(mediator, other.slug)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(updateWorkshop(mediator, other.slug, { title: 'Pris en main' })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(setWorkshopStatus(mediator, other.slug, 'archived')).rejects.toBeInstanceOf(ForbiddenError);
    const [row] = await db.select({ title: workshops.title }).from(workshops).where(eq(workshops.id, other.id));
    expect(row!.title).toBe(other.title);
    expect(await auditOf(other.id)).toEqual([]);
    // Nor does "Mes ateliers" list it.
    expect((await listManagedWorkshops(mediator, { now: NOW })).map((w) => w.id)).not.toContain(other.id);
  });

  it('keeps the address when the title changes, and records before and after', async () => {
    const created = await createWorkshop(mediator, workshopInput({ title: 'Envoyer des photos' }));
    const edited = await updateWorkshop(mediator, created.slug, { title: 'Envoyer ses photos par e-mail', level: 'beginner' }, { now: NOW });
    expect(edited).toMatchObject({ slug: 'envoyer-des-photos', title: 'Envoyer ses photos par e-mail', level: 'beginner', description: created.description });
    const [, update] = await auditOf(created.id);
    expect(update).toMatchObject({ action: 'workshop.update', actorId: mediator.id });
    expect(update!.before).toMatchObject({ title: 'Envoyer des photos', level: 'intermediate' });
    expect(update!.after).toMatchObject({ title: 'Envoyer ses photos par e-mail', level: 'beginner' });
  });

  it('lets a mediator add or remove only the places they staff', async () => {
    const created = await createWorkshop(mediator, workshopInput({ title: 'Visio avec ses proches' }));
    await expect(updateWorkshop(mediator, created.slug, { placeIds: [homeId, roanneId] })).rejects.toBeInstanceOf(ForbiddenError);
    // The coordinator shares it with Roanne; the mediator may not take Roanne away.
    await updateWorkshop(coordinator, created.slug, { placeIds: [homeId, roanneId] });
    await expect(updateWorkshop(mediator, created.slug, { placeIds: [homeId] })).rejects.toBeInstanceOf(ForbiddenError);
    const kept = await updateWorkshop(mediator, created.slug, { summary: 'Appeler en vidéo ses enfants et petits-enfants.' });
    expect(kept.places.map((p) => p.id).sort()).toEqual([homeId, roanneId].sort());
  });

  it('publishes a workshop, and archives it only once no session is to come', async () => {
    const created = await createWorkshop(mediator, workshopInput({ title: 'Ranger ses fichiers' }));
    expect((await setWorkshopStatus(mediator, created.slug, 'published', { now: NOW })).status).toBe('published');
    const { sessions: [session] } = await scheduleSessions(mediator, created.slug, { placeId: homeId, date: '2026-03-10', startTime: '10:00', capacity: 8 }, { now: NOW });
    const listed = (await listManagedWorkshops(mediator, { now: NOW })).find((w) => w.id === created.id);
    expect(listed).toMatchObject({ status: 'published', upcomingSessions: 1, places: [{ id: homeId }] });
    const refused = await setWorkshopStatus(mediator, created.slug, 'archived', { now: NOW }).catch((e) => e);
    expect(refused).toBeInstanceOf(ConflictError);
    expect(refused.message).toBe('Cet atelier a encore 1 séance à venir. Annulez-la avant d’archiver l’atelier.');
    await cancelSession(mediator, session!.id, {}, { now: NOW });
    expect((await setWorkshopStatus(mediator, created.slug, 'archived', { now: NOW })).status).toBe('archived');
    expect((await auditOf(created.id)).map((a) => a.action)).toEqual(['workshop.create', 'workshop.publish', 'workshop.archive']);
  });

  it('answers 404 for an unknown workshop', async () => {
    await expect(updateWorkshop(coordinator, 'pas-un-atelier', { title: 'Nouveau' })).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe('building the catalogue: sessions', () => {
  let slug: string;
  let workshopId: string;

  beforeAll(async () => {
    const workshop = await createWorkshop(mediator, workshopInput({ title: 'Les bases de l’ordinateur', durationMinutes: 90, status: 'published' }));
    slug = workshop.slug;
    workshopId = workshop.id;
  });

  it('schedules a weekly series across the spring change that keeps 14:00 in Paris, with one series id, and audit-logs each session', async () => {
    const result = await scheduleSessions(
      mediator,
      slug,
      { placeId: homeId, date: '2026-03-24', startTime: '14:00', endTime: '16:00', capacity: 10, trainerIds: [mediator.id], repeat: { weekdays: [2, 4], everyWeeks: 1, until: '2026-04-09' } },
      { now: NOW },
    );
    expect(result.seriesId).toEqual(expect.any(String));
    expect(result.sessions).toHaveLength(6);
    const rows = await db.select().from(sessions).where(eq(sessions.seriesId, result.seriesId!)).orderBy(sessions.startsAt);
    expect(rows.map((r) => r.startsAt.toISOString())).toEqual([
      '2026-03-24T13:00:00.000Z',
      '2026-03-26T13:00:00.000Z',
      '2026-03-31T12:00:00.000Z',
      '2026-04-02T12:00:00.000Z',
      '2026-04-07T12:00:00.000Z',
      '2026-04-09T12:00:00.000Z',
    ]);
    for (const row of rows) {
      expect(toParisWallClock(row.startsAt)).toMatchObject({ hour: 14, minute: 0 });
      expect(toParisWallClock(row.endsAt)).toMatchObject({ hour: 16, minute: 0 });
      expect(row).toMatchObject({ capacity: 10, status: 'scheduled', placeId: homeId, workshopId });
    }
    expect(result.sessions[0]!.trainers).toEqual([{ id: mediator.id, name: mediator.name }]);
    const audit = await db.select().from(auditLog).where(and(eq(auditLog.action, 'session.create'), inArray(auditLog.entityId, rows.map((r) => r.id))));
    expect(audit).toHaveLength(6);
  });

  it('ends a session after the workshop’s duration when no end time is given', async () => {
    const { seriesId, sessions: [one] } = await scheduleSessions(mediator, slug, { placeId: homeId, date: '2026-03-12', startTime: '09:30', capacity: 6 }, { now: NOW });
    expect(seriesId).toBeNull();
    expect(toParisWallClock(one!.endsAt)).toMatchObject({ hour: 11, minute: 0 });
  });

  it('refuses a date in the past, a series of more than 100 sessions, and trainers from elsewhere', async () => {
    const past = await scheduleSessions(mediator, slug, { placeId: homeId, date: '2026-03-01', startTime: '14:00', capacity: 6 }, { now: NOW }).catch((e) => e);
    expect(past).toBeInstanceOf(ValidationError);
    expect(past.fieldErrors.date).toEqual(['Cette date est passée. Choisissez une date à venir.']);
    const tooMany = await scheduleSessions(
      mediator,
      slug,
      { placeId: homeId, date: '2026-03-09', startTime: '14:00', capacity: 6, repeat: { weekdays: [1, 2, 3, 4, 5], everyWeeks: 1, until: '2026-12-31' } },
      { now: NOW },
    ).catch((e) => e);
    expect(tooMany.fieldErrors['repeat.until'][0]).toMatch(/^Cette répétition donne \d+ séances ; 100 au plus/);
    const stranger = await scheduleSessions(mediator, slug, { placeId: homeId, date: '2026-03-09', startTime: '14:00', capacity: 6, trainerIds: [coordinator.id] }, { now: NOW }).catch((e) => e);
    expect(stranger.fieldErrors.trainerIds).toEqual(['Les animateurs doivent faire partie de l’équipe du lieu de la séance.']);
  });

  it('does not let a mediator schedule at a place they do not staff, even for a shared workshop', async () => {
    await updateWorkshop(coordinator, slug, { placeIds: [homeId, roanneId] });
    await expect(scheduleSessions(mediator, slug, { placeId: roanneId, date: '2026-03-09', startTime: '14:00', capacity: 6 }, { now: NOW })).rejects.toBeInstanceOf(ForbiddenError);
    const other = await otherPlacesWorkshop();
    await expect(scheduleSessions(mediator, other.slug, { placeId: homeId, date: '2026-03-09', startTime: '14:00', capacity: 6 }, { now: NOW })).rejects.toBeInstanceOf(ForbiddenError);
  });

  it('refuses to bring the capacity below the confirmed sign-ups, and accepts it at that number', async () => {
    const { sessions: [session] } = await scheduleSessions(mediator, slug, { placeId: homeId, date: '2026-03-16', startTime: '14:00', capacity: 8 }, { now: NOW });
    const people = await learnerIds(4);
    await db.insert(enrollments).values([
      ...people.slice(0, 3).map((userId) => ({ sessionId: session!.id, userId, status: 'confirmed' as const, confirmedAt: NOW })),
      { sessionId: session!.id, userId: people[3]!, status: 'waitlisted' as const, waitlistedAt: NOW },
    ]);
    const refused = await updateSession(mediator, session!.id, { capacity: 2 }, { now: NOW }).catch((e) => e);
    expect(refused).toBeInstanceOf(ConflictError);
    expect(refused.fieldErrors.capacity).toEqual(['3 personnes sont déjà inscrites : gardez au moins 3 places, ou annulez d’abord des inscriptions.']);
    const [unchanged] = await db.select({ capacity: sessions.capacity }).from(sessions).where(eq(sessions.id, session!.id));
    expect(unchanged!.capacity).toBe(8);
    expect((await updateSession(mediator, session!.id, { capacity: 3 }, { now: NOW })).capacity).toBe(3);
  });

  it('moves a session to another day and time, in Paris time, and records before and after', async () => {
    const { sessions: [session] } = await scheduleSessions(mediator, slug, { placeId: homeId, date: '2026-03-27', startTime: '14:00', capacity: 8 }, { now: NOW });
    const moved = await updateSession(mediator, session!.id, { date: '2026-04-03', startTime: '10:00', endTime: '11:30', trainerIds: [mediator.id] }, { now: NOW });
    expect(moved.startsAt.toISOString()).toBe('2026-04-03T08:00:00.000Z');
    expect(moved.trainers.map((t) => t.id)).toEqual([mediator.id]);
    const form = await getSessionForEdit(mediator, session!.id);
    expect(form).toMatchObject({ date: '2026-04-03', startTime: '10:00', endTime: '11:30' });
    const [, update] = await auditOf(session!.id);
    expect(update).toMatchObject({ action: 'session.update' });
    expect(update!.before).toMatchObject({ startsAt: '2026-03-27T13:00:00.000Z', trainerIds: [] });
    expect(update!.after).toMatchObject({ startsAt: '2026-04-03T08:00:00.000Z', trainerIds: [mediator.id] });
  });

  it('cancels a session and keeps its sign-ups, marked cancelled, in the same change', async () => {
    const { sessions: [session] } = await scheduleSessions(mediator, slug, { placeId: homeId, date: '2026-03-18', startTime: '14:00', capacity: 8 }, { now: NOW });
    const people = await learnerIds(2);
    await db.insert(enrollments).values([
      { sessionId: session!.id, userId: people[0]!, status: 'confirmed', confirmedAt: NOW },
      { sessionId: session!.id, userId: people[1]!, status: 'waitlisted', waitlistedAt: NOW },
    ]);
    const result = await cancelSession(mediator, session!.id, { reason: 'Le médiateur est malade.' }, { now: NOW });
    expect(result.session.status).toBe('cancelled');
    expect(result.cancelledEnrollments.map((e) => e.previousStatus).sort()).toEqual(['confirmed', 'waitlisted']);
    const kept = await db.select().from(enrollments).where(eq(enrollments.sessionId, session!.id));
    expect(kept).toHaveLength(2);
    for (const e of kept) expect(e).toMatchObject({ status: 'cancelled', cancelledAt: NOW });
    const [, cancel] = await auditOf(session!.id);
    expect(cancel).toMatchObject({ action: 'session.cancel', before: { status: 'scheduled' } });
    expect(cancel!.after).toMatchObject({ status: 'cancelled', reason: 'Le médiateur est malade.' });
    // Each sign-up has its own record of the cancellation, by whom and from which status.
    const perSignUp = await db
      .select({ entityId: auditLog.entityId, actorId: auditLog.actorId, before: auditLog.before, after: auditLog.after })
      .from(auditLog)
      .where(and(eq(auditLog.action, 'enrollment.cancel'), inArray(auditLog.entityId, kept.map((e) => e.id))));
    expect(perSignUp.map((row) => (row.before as { status: string }).status).sort()).toEqual(['confirmed', 'waitlisted']);
    for (const row of perSignUp) expect(row).toMatchObject({ actorId: mediator.id, after: { status: 'cancelled', by: 'session-cancelled' } });
    await expect(cancelSession(mediator, session!.id, {}, { now: NOW })).rejects.toBeInstanceOf(ConflictError);
    await expect(updateSession(mediator, session!.id, { capacity: 12 }, { now: NOW })).rejects.toBeInstanceOf(ConflictError);
  });

  it('does not let a mediator edit or cancel a session of another place', async () => {
    const [other] = await db.select({ id: sessions.id }).from(sessions).where(and(eq(sessions.placeId, roanneId), eq(sessions.status, 'scheduled'))).limit(1);
    await expect(updateSession(mediator, other!.id, { capacity: 30 }, { now: NOW })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(cancelSession(mediator, other!.id, {}, { now: NOW })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(updateSession(mediator, 'pas-un-id', { capacity: 30 }, { now: NOW })).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe('the staff API of the catalogue', () => {
  const json = async (response: Response) => ({ status: response.status, type: response.headers.get('content-type'), body: await response.json() });
  const params = <T>(value: T) => ({ params: Promise.resolve(value) });

  it('creates a workshop for a signed-in mediator (201), and asks a visitor to sign in (401)', async () => {
    const created = await json(await createWorkshopRoute(await apiRequest('/api/v1/workshops', { method: 'POST', body: workshopInput({ title: 'Retoucher ses photos de vacances' }), as: mediator }), {}));
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ slug: 'retoucher-ses-photos-de-vacances', status: 'draft', places: [{ id: homeId }] });
    const anonymous = await json(await createWorkshopRoute(await apiRequest('/api/v1/workshops', { method: 'POST', body: workshopInput() }), {}));
    expect(anonymous).toMatchObject({ status: 401, type: 'application/problem+json', body: { detail: 'Connectez-vous pour continuer.' } });
  });

  it('answers 400 with the offending fields, in French', async () => {
    const bad = await json(await createWorkshopRoute(await apiRequest('/api/v1/workshops', { method: 'POST', body: { title: '' }, as: mediator }), {}));
    expect(bad.status).toBe(400);
    expect(bad.type).toBe('application/problem+json');
    expect(bad.body.errors.title).toEqual(['Le titre doit faire au moins 3 caractères.']);
    const notJson = await json(await createWorkshopRoute(await apiRequest('/api/v1/workshops', { method: 'POST', body: '{oops', as: mediator }), {}));
    expect(notJson.status).toBe(400);
  });

  it('refuses a mediator (403) the edit of a workshop of a place they do not staff', async () => {
    const other = await otherPlacesWorkshop();
    const response = await json(await patchWorkshopRoute(await apiRequest(`/api/v1/workshops/${other.slug}`, { method: 'PATCH', body: { title: 'Pris en main' }, as: mediator }), params({ slug: other.slug })));
    expect(response).toMatchObject({ status: 403, type: 'application/problem+json' });
    const [row] = await db.select({ title: workshops.title }).from(workshops).where(eq(workshops.id, other.id));
    expect(row!.title).toBe(other.title);
    const asCoordinator = await json(await patchWorkshopRoute(await apiRequest(`/api/v1/workshops/${other.slug}`, { method: 'PATCH', body: { status: 'draft' }, as: coordinator }), params({ slug: other.slug })));
    expect(asCoordinator).toMatchObject({ status: 200, body: { status: 'draft' } });
    const missing = await patchWorkshopRoute(await apiRequest('/api/v1/workshops/inconnu', { method: 'PATCH', body: { title: 'Titre' }, as: coordinator }), params({ slug: 'inconnu' }));
    expect(missing.status).toBe(404);
  });

  it('schedules a repeating series (201) whose times stay at 14:00 in Paris, and cancels a session through PATCH', async () => {
    const workshop = await createWorkshop(mediator, workshopInput({ title: 'Prendre rendez-vous chez le médecin' }));
    const response = await json(
      await scheduleRoute(
        await apiRequest(`/api/v1/workshops/${workshop.slug}/sessions`, {
          method: 'POST',
          as: mediator,
          body: { placeId: homeId, date: '2030-03-18', startTime: '14:00', endTime: '15:30', capacity: 6, repeat: { weekdays: [1], everyWeeks: 1, until: '2030-04-08' } },
        }),
        params({ slug: workshop.slug }),
      ),
    );
    expect(response.status).toBe(201);
    expect(response.body.sessions.map((s: { startsAt: string }) => s.startsAt)).toEqual([
      '2030-03-18T13:00:00.000Z',
      '2030-03-25T13:00:00.000Z',
      // The API runs on today's clock, so this series is set in 2030, whose last Sunday of March is the 31st.
      '2030-04-01T12:00:00.000Z',
      '2030-04-08T12:00:00.000Z',
    ]);
    const id = response.body.sessions[0].id;

    const tooSmall = await json(await patchSessionRoute(await apiRequest(`/api/v1/sessions/${id}`, { method: 'PATCH', body: { capacity: 0 }, as: mediator }), params({ id })));
    expect(tooSmall.status).toBe(400);
    const cancelled = await json(await patchSessionRoute(await apiRequest(`/api/v1/sessions/${id}`, { method: 'PATCH', body: { status: 'cancelled' }, as: mediator }), params({ id })));
    expect(cancelled).toMatchObject({ status: 200, body: { id, status: 'cancelled', cancelledEnrollments: 0 } });
    const again = await json(await patchSessionRoute(await apiRequest(`/api/v1/sessions/${id}`, { method: 'PATCH', body: { status: 'cancelled' }, as: mediator }), params({ id })));
    expect(again).toMatchObject({ status: 409, body: { detail: 'Cette séance est déjà annulée.' } });
  });

  it('answers 409 when the capacity would drop below the sign-ups, 403 for another place, 404 for an unknown session', async () => {
    const workshop = await createWorkshop(mediator, workshopInput({ title: 'Utiliser France Connect' }));
    const { sessions: [session] } = await scheduleSessions(mediator, workshop.slug, { placeId: homeId, date: '2030-03-19', startTime: '10:00', capacity: 4 });
    const people = await learnerIds(2);
    await db.insert(enrollments).values(people.map((userId) => ({ sessionId: session!.id, userId, status: 'confirmed' as const, confirmedAt: NOW })));
    const conflict = await json(await patchSessionRoute(await apiRequest(`/api/v1/sessions/${session!.id}`, { method: 'PATCH', body: { capacity: 1 }, as: mediator }), params({ id: session!.id })));
    expect(conflict).toMatchObject({ status: 409, type: 'application/problem+json' });
    expect(conflict.body.errors.capacity).toEqual(['2 personnes sont déjà inscrites : gardez au moins 2 places, ou annulez d’abord des inscriptions.']);

    const [other] = await db.select({ id: sessions.id }).from(sessions).where(and(eq(sessions.placeId, roanneId), eq(sessions.status, 'scheduled'))).limit(1);
    const forbidden = await patchSessionRoute(await apiRequest(`/api/v1/sessions/${other!.id}`, { method: 'PATCH', body: { capacity: 20 }, as: mediator }), params({ id: other!.id }));
    expect(forbidden.status).toBe(403);
    const unknown = await patchSessionRoute(await apiRequest('/api/v1/sessions/abc', { method: 'PATCH', body: { capacity: 20 }, as: mediator }), params({ id: 'abc' }));
    expect(unknown.status).toBe(404);
  });
});

describe.skipIf(!onPostgres)('at the same time, on a real PostgreSQL server (skipped on PGlite, which runs one query at a time)', () => {
  it('gives each of several workshops created at once with the same title its own address', async () => {
    const results = await Promise.all(Array.from({ length: 4 }, () => createWorkshop(mediator, workshopInput({ title: 'Atelier en double' }))));
    expect(new Set(results.map((w) => w.slug)).size).toBe(4);
  });

  it('never leaves more confirmed sign-ups than seats when the capacity drops while people sign up', async () => {
    const workshop = await createWorkshop(mediator, workshopInput({ title: 'Atelier très demandé' }));
    const { sessions: [session] } = await scheduleSessions(mediator, workshop.slug, { placeId: homeId, date: '2030-05-06', startTime: '14:00', capacity: 4 });
    const people = await learnerIds(4);
    // A sign-up as the sign-up rule makes it: lock the session, count, confirm only if a seat is free.
    const signUp = (userId: string) =>
      db.transaction(async (tx) => {
        const [row] = await tx.select({ capacity: sessions.capacity }).from(sessions).where(eq(sessions.id, session!.id)).for('update');
        const [{ n }] = (await tx.select({ n: count() }).from(enrollments).where(and(eq(enrollments.sessionId, session!.id), eq(enrollments.status, 'confirmed')))) as [{ n: number }];
        const status = n < row!.capacity ? 'confirmed' : 'waitlisted';
        await tx.insert(enrollments).values({ sessionId: session!.id, userId, status, confirmedAt: status === 'confirmed' ? new Date() : null, waitlistedAt: status === 'waitlisted' ? new Date() : null });
      });
    const results = await Promise.allSettled([...people.map(signUp), updateSession(mediator, session!.id, { capacity: 2 })]);
    const [{ capacity }] = (await db.select({ capacity: sessions.capacity }).from(sessions).where(eq(sessions.id, session!.id))) as [{ capacity: number }];
    const [{ n }] = (await db.select({ n: count() }).from(enrollments).where(and(eq(enrollments.sessionId, session!.id), eq(enrollments.status, 'confirmed')))) as [{ n: number }];
    expect(n).toBeLessThanOrEqual(capacity);
    // Either the reduction came first (2 seats, 2 confirmed) or it was refused (4 seats).
    const reduction = results.at(-1)!;
    if (reduction.status === 'rejected') expect(reduction.reason).toBeInstanceOf(ConflictError);
    expect([2, 4]).toContain(capacity);
  });
});
