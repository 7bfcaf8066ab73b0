import { attendance, enrollments, notes, placeStaff, places, sessionTrainers, sessions, userRoles, users, workshopPlaces, workshops } from '@/db/schema';
import { loadActor } from '@/lib/accounts';
import type { Actor } from '@/lib/auth/policy';
import { db } from './db';

// A workshop run at one place with two sessions, and one person per relationship to it, for the
// carnet's tests (on top of an empty, migrated database).

let n = 0;
const tag = () => `${Date.now().toString(36)}${++n}`;

async function person(name: string, roles: ('mediator' | 'coordinator')[] = [], email = true): Promise<string> {
  const [u] = await db
    .insert(users)
    .values({ name, email: email ? `${name.toLowerCase().replace(/[^a-z]+/g, '.')}.${tag()}@exemple.fr` : null })
    .returning({ id: users.id });
  for (const role of roles) await db.insert(userRoles).values({ userId: u!.id, role });
  return u!.id;
}

export async function makePlace(name: string) {
  const t = tag();
  const [p] = await db
    .insert(places)
    .values({ slug: `lieu-${t}`, pivot: '00000000000000', name, commune: 'Saint-Étienne', postalCode: '42000', address: '1 rue du Test' })
    .returning({ id: places.id });
  return p!.id;
}

export type CarnetWorld = {
  workshop: { id: string; slug: string };
  sessionA: string;
  sessionB: string;
  placeId: string;
  otherPlaceId: string;
  people: Record<'author' | 'participant' | 'walkIn' | 'otherSession' | 'trainer' | 'staff' | 'otherStaff' | 'coordinator' | 'stranger', Actor>;
};

export async function makeCarnetWorld(): Promise<CarnetWorld> {
  const placeId = await makePlace('EPN du carnet');
  const otherPlaceId = await makePlace('EPN voisin');
  const slug = `imprimer-${tag()}`;
  const [w] = await db.insert(workshops).values({ slug, title: 'Imprimer ses documents', summary: 'Imprimer depuis son téléphone', level: 'beginner', durationMinutes: 120, status: 'published' }).returning({ id: workshops.id });
  await db.insert(workshopPlaces).values({ workshopId: w!.id, placeId });
  const start = new Date('2026-11-10T13:00:00Z');
  const [a, b] = await db
    .insert(sessions)
    .values([
      { workshopId: w!.id, placeId, startsAt: start, endsAt: new Date(start.getTime() + 2 * 3600_000), capacity: 8, status: 'done' },
      { workshopId: w!.id, placeId, startsAt: new Date(start.getTime() + 7 * 86400_000), endsAt: new Date(start.getTime() + 7 * 86400_000 + 2 * 3600_000), capacity: 8 },
    ])
    .returning({ id: sessions.id });
  const ids = {
    author: await person('Nadia Benali'),
    participant: await person('Paul Martin'),
    walkIn: await person('Josette Roux', [], false),
    otherSession: await person('Karim Diallo'),
    trainer: await person('Léa Formatrice', ['mediator']),
    staff: await person('Marc Médiateur', ['mediator']),
    otherStaff: await person('Inès Ailleurs', ['mediator']),
    coordinator: await person('Claire Coordination', ['coordinator']),
    stranger: await person('Sam Inconnu'),
  };
  await db.insert(enrollments).values([
    { sessionId: a!.id, userId: ids.author, status: 'confirmed' },
    { sessionId: a!.id, userId: ids.participant, status: 'confirmed' },
    { sessionId: b!.id, userId: ids.otherSession, status: 'confirmed' },
  ]);
  await db.insert(attendance).values([
    { sessionId: a!.id, userId: ids.author, status: 'present' },
    { sessionId: a!.id, userId: ids.walkIn, status: 'present', walkIn: true },
  ]);
  await db.insert(sessionTrainers).values({ sessionId: a!.id, userId: ids.trainer });
  await db.insert(placeStaff).values([
    { placeId, userId: ids.trainer },
    { placeId, userId: ids.staff },
    { placeId: otherPlaceId, userId: ids.otherStaff },
  ]);
  const people = {} as CarnetWorld['people'];
  for (const [key, id] of Object.entries(ids)) people[key as keyof CarnetWorld['people']] = (await loadActor(id))!;
  return { workshop: { id: w!.id, slug }, sessionA: a!.id, sessionB: b!.id, placeId, otherPlaceId, people };
}

// A note written straight in the database (the matrix needs every combination, hidden ones too).
export async function insertNote(values: typeof notes.$inferInsert): Promise<string> {
  const [row] = await db.insert(notes).values(values).returning({ id: notes.id });
  return row!.id;
}

