import { and, eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { DELETE as deleteMe } from '@/app/api/v1/me/route';
import { GET as getExport } from '@/app/api/v1/me/export/route';
import { activities, attendance, auditLog, enrollments, notes, outbox, users, workshops } from '@/db/schema';
import { hashPassword } from '@/lib/auth/password';
import { verifyCredentials } from '@/lib/accounts';
import { ValidationError } from '@/lib/errors';
import { deliverPending } from '@/lib/notifications/worker';
import { renderPersonExport } from '@/lib/pdf/person-export';
import { eraseAtDesk, exportAtDesk, exportMyData, eraseMyAccount } from '@/lib/privacy';
import { readErasureLog } from '@/lib/privacy/erasure-log';
import { PERSON_DATA } from '@/lib/privacy/registry';
import { statsFor } from '@/lib/stats/impact';
import { demoActor } from '../helpers/actors';
import { apiRequest } from '../helpers/auth';
import { db, seededTestDatabase } from '../helpers/db';
import { HOME, makeLearners, makeMediator, makeSession, placeBySlug, signUpsOf } from '../helpers/enrollment-fixtures';
import { parsePdf } from '../helpers/pdf';
import { startSmtpServer } from '../helpers/smtp';

const DAY = 86400_000;
const PASSWORD = 'mot-de-passe-de-test';

// Every column of the schema that points at a person (a foreign key to users.id).
async function personColumns(): Promise<string[]> {
  const rows = await db.execute<{ tbl: string; col: string }>(sql`
    select c.conrelid::regclass::text as tbl, a.attname as col
    from pg_constraint c join pg_attribute a on a.attrelid = c.conrelid and a.attnum = any (c.conkey)
    where c.contype = 'f' and c.confrelid = 'users'::regclass`);
  return [...(rows as unknown as { rows?: { tbl: string; col: string }[] }).rows ?? (rows as unknown as { tbl: string; col: string }[])].map((r) => `${r.tbl.replace(/^"|"$/g, '')}.${r.col}`).sort();
}

async function rowsOf<T>(query: ReturnType<typeof sql>): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows?: T[] } | T[];
  return Array.isArray(result) ? result : (result.rows ?? []);
}

// Where a value still appears: every text-like column of every table of the schema, searched.
async function whereFound(needles: string[]): Promise<string[]> {
  const columns = await rowsOf<{ table_name: string; column_name: string }>(sql`
    select table_name, column_name from information_schema.columns
    where table_schema = 'public' and data_type in ('text', 'character varying', 'jsonb', 'json', 'ARRAY')
      and table_name not like '__drizzle%'`);
  const found: string[] = [];
  for (const { table_name, column_name } of columns) {
    for (const needle of needles) {
      const [row] = await rowsOf<{ n: number }>(
        sql`select count(*)::int as n from ${sql.identifier(table_name)} where ${sql.identifier(column_name)}::text ilike ${`%${needle}%`}`,
      );
      if (row && row.n > 0) found.push(`${table_name}.${column_name} ~ ${needle}`);
    }
  }
  return found;
}

describe('my data: export and erasure', () => {
  let past: string;
  let future: string;
  let person: { id: string; name: string; email: string; roles: ['learner']; staffedPlaceIds: [] };
  let waiting: string;

  beforeAll(async () => {
    await seededTestDatabase();
    const home = await placeBySlug(HOME);
    const mediator = await demoActor('mediator');
    past = await makeSession({ capacity: 5, startsAt: new Date(Date.now() - 10 * DAY) });
    future = await makeSession({ capacity: 1, startsAt: new Date(Date.now() + 10 * DAY) });
    const [row] = await db
      .insert(users)
      .values({ name: 'Zéphyrine Quillebeuf', email: 'zephyrine.quillebeuf@exemple.fr', phone: '+33677889900', commune: 'Firminy', passwordHash: await hashPassword(PASSWORD), consentAt: new Date(), consentVersion: '2026-11-30' })
      .returning({ id: users.id });
    person = { id: row!.id, name: 'Zéphyrine Quillebeuf', email: 'zephyrine.quillebeuf@exemple.fr', roles: ['learner'], staffedPlaceIds: [] };
    await db.insert(enrollments).values({ sessionId: past, userId: person.id, status: 'confirmed', confirmedAt: new Date(Date.now() - 20 * DAY) });
    await db.insert(attendance).values({ sessionId: past, userId: person.id, status: 'present', markedById: mediator.id, markedAt: new Date(Date.now() - 10 * DAY), certificateCode: 'QUIL-0001' });
    await db.insert(enrollments).values({ sessionId: future, userId: person.id, status: 'confirmed', confirmedAt: new Date() });
    const [other] = await makeLearners(1);
    waiting = other!.id;
    await db.insert(enrollments).values({ sessionId: future, userId: waiting, status: 'waitlisted', waitlistedAt: new Date() });
    const [workshop] = await db.select({ id: workshops.id }).from(workshops).limit(1);
    await db.insert(notes).values({ authorId: person.id, workshopId: workshop!.id, kind: 'tip', body: 'Mon astuce : garder son code PIN sur un papier caché.' });
    await db.insert(activities).values({
      mediatorId: mediator.id,
      kind: 'individual',
      date: new Date(Date.now() - 9 * DAY).toISOString().slice(0, 10),
      durationMinutes: 45,
      placeType: 'epn',
      placeId: home.id,
      learnerId: person.id,
      themes: ['email'],
      notes: 'Zéphyrine Quillebeuf a créé son adresse e-mail.',
    });
    await db.insert(auditLog).values({ actorId: mediator.id, action: 'learner.create-at-desk', entityType: 'user', entityId: person.id, after: { name: 'Zéphyrine Quillebeuf', phone: '+33677889900' } });
    // A failed sign-in leaves a throttling counter keyed by the address.
    await verifyCredentials({ email: person.email, password: 'pas-le-bon-mot-de-passe' });
  });

  it('declares every column that points at a person in the registry of export and erasure', async () => {
    const declared = new Set(PERSON_DATA.flatMap((entry) => entry.columns.map((c) => `${entry.table}.${c}`)));
    const missing = (await personColumns()).filter((c) => !declared.has(c));
    expect(missing, `add these columns to lib/privacy/registry.ts: ${missing.join(', ')}`).toEqual([]);
  });

  it('exports the profile, sign-ups, attendance, certificates, notes, consents and log entries of the person', async () => {
    const data = await exportMyData(person);
    expect(data.profile).toMatchObject({ name: 'Zéphyrine Quillebeuf', email: 'zephyrine.quillebeuf@exemple.fr', phone: '06 77 88 99 00', commune: 'Firminy', hasPassword: true });
    expect(JSON.stringify(data)).not.toContain('argon2');
    expect((data.enrollments as { sessionId: string }[]).map((e) => e.sessionId).sort()).toEqual([past, future].sort());
    expect(data.attendance).toEqual([expect.objectContaining({ sessionId: past, status: 'present' })]);
    expect(data.certificates).toEqual([expect.objectContaining({ code: 'QUIL-0001' })]);
    expect(data.notes).toEqual([expect.objectContaining({ body: expect.stringContaining('code PIN') })]);
    expect(data.consents).toEqual([{ at: expect.any(String), version: '2026-11-30', given: 'online' }]);
    expect(data.claimCodes).toEqual([expect.objectContaining({ action: 'learner.create-at-desk' })]);
    expect(data.activities).toHaveLength(1);
    for (const entry of PERSON_DATA) if (entry.section) expect(data, entry.section).toHaveProperty(entry.section);
  });

  it('renders the export as a readable PDF in French', async () => {
    const pdf = await parsePdf(await renderPersonExport(await exportMyData(person)));
    expect(pdf.text).toContain('Zéphyrine Quillebeuf');
    expect(pdf.text).toContain('06 77 88 99 00');
    expect(pdf.text).toMatch(/Mes présences[\s\S]*présent/);
    expect(pdf.text).toContain('QUIL-0001');
    expect(pdf.text).toContain('code PIN');
  });

  it('serves the export as JSON to the signed-in person only', async () => {
    const response = await getExport(await apiRequest('/api/v1/me/export', { as: person }), {});
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toContain('no-store');
    expect((await response.json()).profile.email).toBe(person.email);
    const anonymous = await getExport(await apiRequest('/api/v1/me/export'), {});
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.get('content-type')).toContain('application/problem+json');
  });

  it('refuses the desk export of someone with an e-mail or unknown at the mediator’s places, and logs the desk export', async () => {
    const [deskPerson] = await makeLearners(1, { withEmail: false });
    const mediator = await demoActor('mediator');
    await expect(exportAtDesk(mediator, deskPerson!.id)).rejects.toThrow(/pas connue/);
    await db.insert(enrollments).values({ sessionId: past, userId: deskPerson!.id, status: 'confirmed' });
    const data = await exportAtDesk(mediator, deskPerson!.id);
    expect(data.profile.name).toBe(deskPerson!.name);
    const logged = await db.select().from(auditLog).where(and(eq(auditLog.action, 'privacy.export-at-desk'), eq(auditLog.entityId, deskPerson!.id)));
    expect(logged).toHaveLength(1);
    const other = await makeMediator((await placeBySlug('epn-roanne-mediatheque')).id);
    await expect(exportAtDesk(other, deskPerson!.id)).rejects.toThrow(/pas connue/);
    await expect(exportAtDesk(mediator, person.id)).rejects.toThrow(/pas connue|adresse e-mail/);
  });

  it('refuses an erasure with a wrong password and changes nothing', async () => {
    await expect(eraseMyAccount(person, { password: 'pas-le-bon' })).rejects.toBeInstanceOf(ValidationError);
    const response = await deleteMe(await apiRequest('/api/v1/me', { method: 'DELETE', as: person, body: { password: 'pas-le-bon' } }), {});
    expect(response.status).toBe(400);
    const [row] = await db.select({ name: users.name, erasedAt: users.erasedAt }).from(users).where(eq(users.id, person.id));
    expect(row).toEqual({ name: 'Zéphyrine Quillebeuf', erasedAt: null });
  });

  it('erases the person: no personal value left anywhere, statistics unchanged, future seat given to the waiting list', async () => {
    const coordinator = await demoActor('coordinator');
    const period = { from: new Date(Date.now() - 60 * DAY).toISOString().slice(0, 10), to: new Date().toISOString().slice(0, 10) };
    const statsBefore = await statsFor(coordinator, period);
    const needles = ['Quillebeuf', 'Zéphyrine', 'zephyrine.quillebeuf@exemple.fr', '677889900', '77 88 99 00'];
    expect((await whereFound(needles)).length).toBeGreaterThan(5);

    const response = await deleteMe(await apiRequest('/api/v1/me', { method: 'DELETE', as: person, body: { password: PASSWORD } }), {});
    expect(response.status).toBe(204);

    // Only the farewell message still holds the address, until it is sent.
    expect(await whereFound(needles)).toEqual(['outbox.to_address ~ Quillebeuf', 'outbox.to_address ~ zephyrine.quillebeuf@exemple.fr']);
    const smtp = await startSmtpServer();
    try {
      await deliverPending({ transport: smtp.transport });
      expect(smtp.to(person.email).map((m) => m.subject)).toEqual(['Votre compte Comptoir est supprimé']);
    } finally {
      await smtp.close();
    }
    expect(await whereFound(needles)).toEqual([]);

    expect(await statsFor(coordinator, period)).toEqual(statsBefore);
    const [att] = await db.select().from(attendance).where(eq(attendance.userId, person.id));
    expect(att?.status).toBe('present');
    const signUps = await signUpsOf(future);
    expect(signUps.find((s) => s.userId === person.id)?.status).toBe('cancelled');
    expect(signUps.find((s) => s.userId === waiting)?.status).toBe('confirmed');
    expect(await db.select().from(outbox).where(and(eq(outbox.recipientId, waiting), eq(outbox.kind, 'promoted')))).toHaveLength(1);
    expect(await db.select().from(notes).where(eq(notes.authorId, person.id))).toEqual([]);
    expect(await verifyCredentials({ email: person.email, password: PASSWORD })).toBeNull();
    expect((await readErasureLog()).map((e) => e.userId)).toContain(person.id);
    expect(await db.select().from(auditLog).where(and(eq(auditLog.action, 'privacy.erase'), eq(auditLog.entityId, person.id)))).toHaveLength(1);
  });

  it('lets a mediator erase a desk profile known at their place, with a reason, and no one else', async () => {
    const [deskPerson] = await makeLearners(1, { withEmail: false });
    const mediator = await demoActor('mediator');
    await db.insert(enrollments).values({ sessionId: past, userId: deskPerson!.id, status: 'confirmed' });
    await expect(eraseAtDesk(mediator, deskPerson!.id, { reason: '' })).rejects.toBeInstanceOf(ValidationError);
    const other = await makeMediator((await placeBySlug('epn-roanne-mediatheque')).id);
    await expect(eraseAtDesk(other, deskPerson!.id, { reason: 'Demande orale au guichet' })).rejects.toThrow(/pas connue/);
    await eraseAtDesk(mediator, deskPerson!.id, { reason: 'Demande orale au guichet' });
    const [row] = await db.select({ name: users.name, phone: users.phone, erasedAt: users.erasedAt }).from(users).where(eq(users.id, deskPerson!.id));
    expect(row).toEqual({ name: 'Personne effacée', phone: null, erasedAt: expect.any(Date) });
    const [logged] = await db.select().from(auditLog).where(and(eq(auditLog.action, 'privacy.erase'), eq(auditLog.entityId, deskPerson!.id)));
    expect(logged?.actorId).toBe(mediator.id);
    expect(logged?.after).toMatchObject({ reason: 'desk: Demande orale au guichet' });
  });
});
