import { asc, eq, sql } from 'drizzle-orm';
import { db, type Database } from '@/db';
import { enrollments, outbox, placeStaff, places, sessions, users, workshops } from '@/db/schema';
import { loadActor } from '@/lib/accounts';
import type { Actor } from '@/lib/auth/policy';

// Sessions and people made on purpose for the sign-up tests, on top of the demo seed.

export async function placeBySlug(slug: string) {
  const [place] = await db.select({ id: places.id, name: places.name }).from(places).where(eq(places.slug, slug));
  if (!place) throw new Error(`place ${slug} missing`);
  return place;
}

// The demo mediator's place (Saint-Étienne) and another one (Roanne).
export const HOME = 'au-comptoir-numerique-saint-etienne';
export const ROANNE = 'epn-roanne-mediatheque';

export async function makeSession({
  capacity,
  startsAt,
  placeId,
  signupCutoffHours = 0,
  status = 'scheduled',
  database = db,
}: {
  capacity: number;
  startsAt: Date;
  placeId?: string;
  signupCutoffHours?: number;
  status?: 'scheduled' | 'cancelled' | 'done';
  database?: Database;
}): Promise<string> {
  const [workshop] = await database.select({ id: workshops.id }).from(workshops).orderBy(asc(workshops.slug)).limit(1);
  const place = placeId ?? (await placeBySlug(HOME)).id;
  const [row] = await database
    .insert(sessions)
    .values({ workshopId: workshop!.id, placeId: place, startsAt, endsAt: new Date(startsAt.getTime() + 2 * 3600_000), capacity, signupCutoffHours, status })
    .returning({ id: sessions.id });
  return row!.id;
}

let counter = 0;

// `count` learner accounts with e-mail addresses (or without, for desk profiles), as actors.
// `createdById`: a desk profile made by that staff member (so in their places' people scope).
export async function makeLearners(count: number, { withEmail = true, createdById, database = db }: { withEmail?: boolean; createdById?: string; database?: Database } = {}): Promise<Actor[]> {
  const batch = ++counter;
  const tag = `${Date.now().toString(36)}${batch}`;
  const rows = await database
    .insert(users)
    .values(Array.from({ length: count }, (_, i) => ({ name: `Personne ${batch}-${i + 1}`, email: withEmail ? `personne.${tag}.${i + 1}@exemple.fr` : null, phone: `+33699${String(batch * 10000 + i).padStart(6, '0')}`.slice(0, 12), createdById })))
    .returning({ id: users.id, name: users.name, email: users.email });
  return rows.map((r) => ({ id: r.id, name: r.name, email: r.email, roles: ['learner'], staffedPlaceIds: [] }));
}

// A mediator who staffs only the given place.
export async function makeMediator(placeId: string): Promise<Actor> {
  const [user] = await db.insert(users).values({ name: `Médiatrice ${++counter}`, email: `mediatrice.${Date.now()}.${counter}@exemple.fr` }).returning({ id: users.id });
  await db.execute(sql`insert into user_roles (user_id, role) values (${user!.id}, 'mediator')`);
  await db.insert(placeStaff).values({ placeId, userId: user!.id });
  return (await loadActor(user!.id))!;
}

export async function signUpsOf(sessionId: string, database: Database = db) {
  return database
    .select({ id: enrollments.id, userId: enrollments.userId, status: enrollments.status, waitlistedAt: enrollments.waitlistedAt, confirmedAt: enrollments.confirmedAt })
    .from(enrollments)
    .where(eq(enrollments.sessionId, sessionId))
    .orderBy(asc(enrollments.waitlistedAt), asc(enrollments.id));
}

export async function messagesAbout(sessionId: string, database: Database = db) {
  return database.select().from(outbox).where(eq(outbox.sessionId, sessionId)).orderBy(asc(outbox.createdAt), asc(outbox.kind));
}
