import { readSheet } from 'read-excel-file/node';
import { and, count, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { POST as postActivity } from '@/app/api/v1/activities/route';
import { activities, activityParticipants, attendance, auditLog, sessions, users } from '@/db/schema';
import { activityDraftForEdit, activityDraftFromActivity, activityDraftFromSession } from '@/lib/activities/drafts';
import { activityIdForSession, getActivity, listKnownLearners, listSessionsToRecord } from '@/lib/activities/reads';
import { createActivity, deleteActivity, SessionAlreadyRecordedError, updateActivity } from '@/lib/activities/writes';
import { activityInputFromForm, formValuesFromDraft } from '@/lib/activities/form';
import type { Actor } from '@/lib/auth/policy';
import { ForbiddenError, NotFoundError, UnauthenticatedError, UserError, ValidationError } from '@/lib/errors';
import { exportActivities, exportStats } from '@/lib/stats/export';
import { parisToday } from '@/lib/stats/period';
import { demoActor } from '../helpers/actors';
import { db, onPostgres, seededTestDatabase } from '../helpers/db';
import { sessionCookie } from '../helpers/session';

const NOW = new Date();
let mediator: Actor;
let coordinator: Actor;
let learner: Actor;
let placeId: string;

async function activityCount() {
  const [row] = await db.select({ n: count() }).from(activities);
  return row!.n;
}

// A closed session of the demo mediator's place that no activity records yet.
async function closedSession(): Promise<string> {
  const [first] = await listSessionsToRecord(mediator, { limit: 1 });
  if (!first) throw new Error('no closed session left in the demo data');
  return first.id;
}

const individual = () => ({ kind: 'individual', date: parisToday(NOW), durationMinutes: 30, placeType: 'place', placeId, themes: ['e-mail'], anonymousPerson: { gender: 'female', ageBand: '60-69', socialStatus: 'retired', commune: 'Saint-Étienne' } });

function postJson(body: unknown, cookie?: string) {
  return postActivity(new Request('http://localhost/api/v1/activities', { method: 'POST', headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) }, body: JSON.stringify(body) }), {});
}

describe('the activity log', () => {
  beforeAll(async () => {
    await seededTestDatabase({ now: NOW });
    [mediator, coordinator, learner] = await Promise.all([demoActor('mediator'), demoActor('coordinator'), demoActor('learner')]);
    placeId = mediator.staffedPlaceIds[0]!;
  });

  it('records an individual accompaniment of an anonymous person, with an audit entry', async () => {
    const { id } = await createActivity(mediator, { ...individual(), equipment: ['phone'], autonomy: 'autonomous', orientation: ['france-services'] }, NOW);
    const a = await getActivity(mediator, id);
    expect(a).toMatchObject({ kind: 'individual', durationMinutes: 30, learner: null, anonymousPerson: { gender: 'female', ageBand: '60-69', socialStatus: 'retired', commune: 'Saint-Étienne' }, equipment: ['phone'], participantCount: 1, canChange: true });
    const audit = await db.select().from(auditLog).where(and(eq(auditLog.entityType, 'activity'), eq(auditLog.entityId, id)));
    expect(audit.map((r) => r.action)).toEqual(['activity.create']);
    expect(audit[0]!.after).toMatchObject({ kind: 'individual', durationMinutes: 30, mediatorId: mediator.id });
  });

  it('refuses bad input with a French message per field, and stores nothing', async () => {
    const before = await activityCount();
    const error = await createActivity(
      mediator,
      { kind: 'individual', date: 'hier', durationMinutes: 0, placeType: 'ailleurs', placeId, themes: [], adminThemes: ['logement'], equipment: ['none', 'phone'] },
      NOW,
    ).catch((e) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect(error.fieldErrors.date[0]).toMatch(/Indiquez la date/);
    expect(error.fieldErrors.durationMinutes[0]).toMatch(/au moins 1 minute/);
    expect(error.fieldErrors.placeType[0]).toMatch(/où l’activité a eu lieu/);
    expect(error.fieldErrors.themes[0]).toMatch(/au moins une thématique/);

    // Cross-field rules: sub-themes only with "Aide aux démarches administratives"; "no equipment" alone; a person.
    const rules = await createActivity(mediator, { ...individual(), anonymousPerson: null, adminThemes: ['logement'], completion: 'done', equipment: ['none', 'phone'] }, NOW).catch((e) => e);
    expect(rules.fieldErrors.adminThemes[0]).toMatch(/Aide aux démarches administratives/);
    expect(rules.fieldErrors.completion[0]).toMatch(/Aide aux démarches administratives/);
    expect(rules.fieldErrors.equipment[0]).toMatch(/Pas de matériel/);
    expect(rules.fieldErrors.learnerId[0]).toMatch(/Choisissez la personne/);

    const collective = await createActivity(
      mediator,
      { kind: 'collective', date: parisToday(NOW), durationMinutes: 60, placeType: 'place', placeId, themes: ['ia'], title: '', level: 'expert', anonymousParticipants: { count: 2, gender: { female: 3 } } },
      NOW,
    ).catch((e) => e);
    expect(collective.fieldErrors.title[0]).toMatch(/titre de l’atelier/);
    expect(collective.fieldErrors.level[0]).toMatch(/niveau/);
    // (The head-count rule runs once the rest is valid.)
    const counts = await createActivity(
      mediator,
      { kind: 'collective', date: parisToday(NOW), durationMinutes: 60, placeType: 'place', placeId, themes: ['ia'], title: 'IA', level: 'beginner', anonymousParticipants: { count: 2, gender: { female: 3 } } },
      NOW,
    ).catch((e) => e);
    expect(counts.fieldErrors['anonymousParticipants.gender'][0]).toMatch(/total par genre \(3\) dépasse le nombre de participants anonymes \(2\)/);
    const nobody = await createActivity(mediator, { kind: 'collective', date: parisToday(NOW), durationMinutes: 60, placeType: 'place', placeId, themes: ['ia'], title: 'IA', level: 'beginner' }, NOW).catch((e) => e);
    expect(nobody.fieldErrors.participantIds[0]).toMatch(/au moins un participant/);

    expect(await activityCount()).toBe(before);
  });

  it('accepts sub-themes with the administrative theme, and refuses a date in the future', async () => {
    const { id } = await createActivity(mediator, { ...individual(), themes: ['demarches'], adminThemes: ['argent', 'logement'], completion: 'must-return' }, NOW);
    expect((await getActivity(mediator, id)).adminThemes).toEqual(['argent', 'logement']);
    const tomorrow = new Date(NOW.getTime() + 36 * 3600_000);
    const error = await createActivity(mediator, { ...individual(), date: parisToday(tomorrow) }, NOW).catch((e) => e);
    expect(error.fieldErrors.date).toEqual(['La date ne peut pas être dans le futur.']);
  });

  it('refuses a place the mediator does not staff, and a person unknown at the place', async () => {
    const [other] = (await (await import('@/lib/activities/reads')).loggablePlaces(coordinator)).filter((p) => p.id !== placeId);
    const wrongPlace = await createActivity(mediator, { ...individual(), placeId: other!.id }, NOW).catch((e) => e);
    expect(wrongPlace.fieldErrors.placeId[0]).toMatch(/où vous intervenez/);
    // Someone with an account who never came to this place.
    const [stranger] = await db.insert(users).values({ name: 'Inconnue du lieu', email: 'inconnue@exemple.fr' }).returning({ id: users.id });
    const error = await createActivity(mediator, { ...individual(), anonymousPerson: null, learnerId: stranger!.id }, NOW).catch((e) => e);
    expect(error.fieldErrors.learnerId[0]).toMatch(/connues de ce lieu/);
    await expect(listKnownLearners(mediator, other!.id)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(createActivity(learner, individual(), NOW)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(createActivity(null, individual(), NOW)).rejects.toBeInstanceOf(UnauthenticatedError);
  });

  it('records a closed session once, prefilled, and points to the existing activity the second time', async () => {
    const sessionId = await closedSession();
    const draft = await activityDraftFromSession(mediator, sessionId);
    const present = await db.select({ userId: attendance.userId, status: attendance.status }).from(attendance).where(eq(attendance.sessionId, sessionId));
    expect(draft.participants.map((p) => p.id).sort()).toEqual(present.filter((p) => p.status === 'present' || p.status === 'late').map((p) => p.userId).sort());
    expect(draft).toMatchObject({ kind: 'collective', sessionId, placeId, placeType: 'place' });
    expect(draft.title.length).toBeGreaterThan(2);
    expect(draft.themes.length).toBeGreaterThan(0);

    // What the form posts when the mediator only presses "Enregistrer".
    const form = formValuesFromDraft(draft);
    const { id } = await createActivity(mediator, activityInputFromForm(form), NOW);
    expect(await activityIdForSession(mediator, sessionId)).toBe(id);
    const saved = await getActivity(mediator, id);
    expect(saved.participants.map((p) => p.id).sort()).toEqual(draft.participants.map((p) => p.id).sort());
    expect(saved.durationMinutes).toBe(draft.durationMinutes);

    const again = await activityDraftFromSession(mediator, sessionId).catch((e) => e);
    expect(again).toBeInstanceOf(SessionAlreadyRecordedError);
    expect(again.activityId).toBe(id);
    const twice = await createActivity(mediator, activityInputFromForm(form), NOW).catch((e) => e);
    expect(twice).toBeInstanceOf(SessionAlreadyRecordedError);
    expect(twice.status).toBe(409);
    expect(twice.activityId).toBe(id);
  });

  it('refuses to record a session that is not closed, or of another place', async () => {
    const [scheduled] = await db.select({ id: sessions.id }).from(sessions).where(and(eq(sessions.placeId, placeId), eq(sessions.status, 'scheduled'))).limit(1);
    const error = await activityDraftFromSession(mediator, scheduled!.id).catch((e) => e);
    expect(error).toBeInstanceOf(UserError);
    expect(error.status).toBe(409);
    expect(error.message).toMatch(/pas encore clôturée/);
    const foreign = (await db.select({ id: sessions.id, placeId: sessions.placeId }).from(sessions).where(eq(sessions.status, 'done'))).find((s) => s.placeId !== placeId);
    await expect(activityDraftFromSession(mediator, foreign!.id)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(activityDraftFromSession(mediator, 'pas-un-identifiant')).rejects.toBeInstanceOf(NotFoundError);
  });

  it('duplicates an activity for a recurring one: same content, dated today, tied to no session', async () => {
    const sessionId = await closedSession();
    const draft = await activityDraftFromSession(mediator, sessionId);
    const { id } = await createActivity(mediator, activityInputFromForm({ ...formValuesFromDraft(draft), anonCount: '2', 'anonAge:70-plus': '1' }), NOW);
    const copy = await activityDraftFromActivity(mediator, id, NOW);
    expect(copy).toMatchObject({ kind: 'collective', date: parisToday(NOW), sessionId: null, title: draft.title, durationMinutes: draft.durationMinutes, themes: draft.themes });
    expect(copy.anonymousParticipants).toMatchObject({ count: 2, ageBand: { '70-plus': 1, unknown: 1 } });
    const { id: copyId } = await createActivity(mediator, activityInputFromForm(formValuesFromDraft(copy)), NOW);
    expect((await getActivity(mediator, copyId)).participantCount).toBe((await getActivity(mediator, id)).participantCount);
  });

  it('lets the author edit and delete, audit-logged with before and after, and nobody else at the place', async () => {
    const { id } = await createActivity(mediator, individual(), NOW);
    const edit = await activityDraftForEdit(mediator, id);
    await updateActivity(mediator, id, activityInputFromForm({ ...formValuesFromDraft(edit), duration: '90', notes: 'Revenue avec son fils.' }), NOW);
    const updated = await getActivity(mediator, id);
    expect(updated).toMatchObject({ durationMinutes: 90, notes: 'Revenue avec son fils.' });
    const [audit] = await db.select().from(auditLog).where(and(eq(auditLog.entityId, id), eq(auditLog.action, 'activity.update')));
    expect(audit!.before).toMatchObject({ durationMinutes: 30, notes: '' });
    expect(audit!.after).toMatchObject({ durationMinutes: 90, notes: 'Revenue avec son fils.' });

    // A colleague of the same place reads it but cannot change it; a coordinator can.
    const colleague: Actor = { id: crypto.randomUUID(), name: 'Collègue', email: null, roles: ['learner', 'mediator'], staffedPlaceIds: [placeId] };
    expect((await getActivity(colleague, id)).canChange).toBe(false);
    await expect(updateActivity(colleague, id, individual(), NOW)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(deleteActivity(colleague, id)).rejects.toBeInstanceOf(ForbiddenError);
    await updateActivity(coordinator, id, { ...individual(), durationMinutes: 45 }, NOW);

    await deleteActivity(mediator, id);
    await expect(getActivity(mediator, id)).rejects.toBeInstanceOf(NotFoundError);
    const [deleted] = await db.select().from(auditLog).where(and(eq(auditLog.entityId, id), eq(auditLog.action, 'activity.delete')));
    expect(deleted!.before).toMatchObject({ durationMinutes: 45, mediatorId: mediator.id });
    expect(deleted!.after).toBeNull();
  });

  it('keeps a session’s activity collective and tied to its session when edited', async () => {
    const sessionId = await closedSession();
    const draft = await activityDraftFromSession(mediator, sessionId);
    const { id } = await createActivity(mediator, activityInputFromForm(formValuesFromDraft(draft)), NOW);
    const error = await updateActivity(mediator, id, individual(), NOW).catch((e) => e);
    expect(error.fieldErrors.kind[0]).toMatch(/reste un atelier collectif/);
    await updateActivity(mediator, id, { ...activityInputFromForm(formValuesFromDraft(draft)), sessionId: null, participantIds: [], anonymousParticipants: { count: 4 } }, NOW);
    const a = await getActivity(mediator, id);
    expect(a.sessionId).toBe(sessionId);
    expect(a.participants).toEqual([]);
    expect(await db.select().from(activityParticipants).where(eq(activityParticipants.activityId, id))).toEqual([]);
  });

  it('records through the API: 201 with a session cookie, 400 with the fields, 401 without, 409 for a recorded session', async () => {
    const cookie = await sessionCookie(mediator.id);
    expect((await postJson(individual())).status).toBe(401);
    const created = await postJson(individual(), cookie);
    expect(created.status).toBe(201);
    const body = await created.json();
    expect(body).toMatchObject({ kind: 'individual', durationMinutes: 30, place: { id: placeId } });
    expect(created.headers.get('location')).toBe(`/api/v1/activities/${body.id}`);

    const bad = await postJson({ kind: 'collective', themes: ['inconnu'] }, cookie);
    expect(bad.status).toBe(400);
    const problem = await bad.json();
    expect(Object.keys(problem.errors)).toEqual(expect.arrayContaining(['date', 'durationMinutes', 'title', 'level']));
    const notJson = await postActivity(new Request('http://localhost/api/v1/activities', { method: 'POST', headers: { cookie }, body: '{' }), {});
    expect(notJson.status).toBe(400);

    const sessionId = await closedSession();
    const input = activityInputFromForm(formValuesFromDraft(await activityDraftFromSession(mediator, sessionId)));
    expect((await postJson(input, cookie)).status).toBe(201);
    const conflict = await postJson(input, cookie);
    expect(conflict.status).toBe(409);
    expect((await conflict.json()).activityId).toBe(await activityIdForSession(mediator, sessionId));
  });

  it('exports the activity list and the statistics as CSV and XLSX with French headers, people counted not named', async () => {
    const csv = await exportActivities(mediator, { mine: 'true' }, 'csv', NOW);
    const text = csv.body as string;
    expect(text.startsWith('\uFEFFDate;Type;Durée (minutes);Type de lieu;Lieu;Médiateur;Thématiques')).toBe(true);
    expect(text).toContain('Accompagnement individuel');
    expect(csv.filename).toMatch(/\.csv$/);
    const known = await listKnownLearners(mediator, placeId);
    for (const person of known.slice(0, 20)) expect(text).not.toContain(person.name);

    const xlsx = await exportActivities(mediator, { mine: 'true' }, 'xlsx', NOW);
    const rows = await readSheet(xlsx.body as Buffer);
    expect(rows[0]!.slice(0, 3)).toEqual(['Date', 'Type', 'Durée (minutes)']);
    expect(rows.length).toBe(text.trim().split('\r\n').length);

    const stats = await exportStats(mediator, {}, 'xlsx', NOW);
    const figures = await readSheet(stats.body as Buffer, 'Chiffres clés');
    expect(figures[0]).toEqual(['Indicateur', 'Valeur']);
    expect(figures.find((r) => r[0] === 'Activités')![1]).toBeGreaterThan(0);
    const statsCsv = (await exportStats(mediator, {}, 'csv', NOW)).body as string;
    expect(statsCsv.split('\r\n')[0]).toBe('\uFEFFRubrique;Catégorie;Indicateur;Valeur');
    expect(statsCsv).toContain('Thématiques;');
    // The whole network's statistics need the network export right.
    await expect(exportStats(coordinator, {}, 'csv', NOW)).resolves.toMatchObject({ filename: expect.stringContaining('reseau') });
    await expect(exportStats(learner, {}, 'csv', NOW)).rejects.toBeInstanceOf(ForbiddenError);
  });
});

describe.skipIf(!onPostgres)('recording a session twice at the same moment (needs PostgreSQL for true concurrency)', () => {
  beforeAll(async () => {
    if (!mediator) {
      await seededTestDatabase({ now: NOW });
      mediator = await demoActor('mediator');
    }
  });

  it('keeps exactly one activity and points the other confirmation to it', async () => {
    const sessionId = await closedSession();
    const input = activityInputFromForm(formValuesFromDraft(await activityDraftFromSession(mediator, sessionId)));
    const results = await Promise.allSettled(Array.from({ length: 4 }, () => createActivity(mediator, input, NOW)));
    const ok = results.filter((r) => r.status === 'fulfilled');
    expect(ok).toHaveLength(1);
    for (const r of results.filter((r) => r.status === 'rejected')) expect((r as PromiseRejectedResult).reason).toBeInstanceOf(SessionAlreadyRecordedError);
    const rows = await db.select({ id: activities.id }).from(activities).where(eq(activities.sessionId, sessionId));
    expect(rows).toHaveLength(1);
  });
});
