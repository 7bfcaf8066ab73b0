import 'server-only';
import { and, asc, eq, like, or } from 'drizzle-orm';
import { db, type Executor } from '@/db';
import { placeStaff, places, userRoles, users } from '@/db/schema';
import { writeAudit } from '@/lib/audit';
import { assertCan, type Actor } from '@/lib/auth/policy';
import { ConflictError, NotFoundError, ValidationError } from '@/lib/errors';
import { slugCandidate, slugify } from '@/lib/slug';
import { parseInput } from '@/lib/validation';
import { addStaffSchema, placeSchema, removeStaffSchema } from './admin-schema';

// The coordinators' management of places and of who staffs them (policy actions 'place:manage'
// and 'staff:manage'). Adding someone to the staff of a place makes them a mediator; removing
// them keeps the role (they may staff other places; an admin revokes roles).

export type StaffMember = { id: string; name: string; email: string | null };

export type PlaceDetail = {
  id: string;
  slug: string;
  name: string;
  pivot: string;
  commune: string;
  postalCode: string;
  inseeCode: string | null;
  address: string;
  addressComplement: string | null;
  phone: string | null;
  emails: string[];
  websites: string[];
  openingHours: string | null;
  summary: string | null;
  description: string | null;
  services: string[];
  publics: string[];
  supportModes: string[];
  fees: string[];
  accessModes: string[];
  accessInfo: string | null;
  latitude: number | null;
  longitude: number | null;
  active: boolean;
  updatedAt: Date;
};

const NOT_FOUND = 'Ce lieu n’existe pas.';

const placeColumns = {
  id: places.id,
  slug: places.slug,
  name: places.name,
  pivot: places.pivot,
  commune: places.commune,
  postalCode: places.postalCode,
  inseeCode: places.inseeCode,
  address: places.address,
  addressComplement: places.addressComplement,
  phone: places.phone,
  emails: places.emails,
  websites: places.websites,
  openingHours: places.openingHours,
  summary: places.summary,
  description: places.description,
  services: places.services,
  publics: places.publics,
  supportModes: places.supportModes,
  fees: places.fees,
  accessModes: places.accessModes,
  accessInfo: places.accessInfo,
  latitude: places.latitude,
  longitude: places.longitude,
  active: places.active,
  updatedAt: places.updatedAt,
};

async function loadPlace(tx: Executor, where: { slug: string } | { id: string }, lock = false): Promise<PlaceDetail | null> {
  const query = tx
    .select(placeColumns)
    .from(places)
    .where('slug' in where ? eq(places.slug, where.slug) : eq(places.id, where.id));
  const [row] = lock ? await query.for('update') : await query;
  return row ?? null;
}

async function staffOf(tx: Executor, placeId: string): Promise<StaffMember[]> {
  return tx
    .select({ id: users.id, name: users.name, email: users.email })
    .from(placeStaff)
    .innerJoin(users, eq(users.id, placeStaff.userId))
    .where(eq(placeStaff.placeId, placeId))
    .orderBy(asc(users.name));
}

const snapshot = ({ updatedAt: _u, ...rest }: PlaceDetail) => rest;

export type PlaceForEdit = PlaceDetail & { staff: StaffMember[] };

export async function getPlaceForEdit(actor: Actor | null, slug: string): Promise<PlaceForEdit> {
  assertCan(actor, 'place:manage');
  const place = await loadPlace(db, { slug });
  if (!place) throw new NotFoundError(NOT_FOUND);
  return { ...place, staff: await staffOf(db, place.id) };
}

export async function createPlace(actor: Actor | null, input: unknown): Promise<PlaceDetail> {
  assertCan(actor, 'place:manage');
  const data = parseInput(placeSchema, input);
  return db.transaction(async (tx) => {
    const base = slugify(`${data.name} ${data.name.toLowerCase().includes(data.commune.toLowerCase()) ? '' : data.commune}`);
    const taken = new Set((await tx.select({ slug: places.slug }).from(places).where(or(eq(places.slug, base), like(places.slug, `${base}-%`)))).map((r) => r.slug));
    for (let attempt = 1; attempt < 1000; attempt++) {
      const slug = slugCandidate(base, attempt);
      if (taken.has(slug)) continue;
      // Another request may take the same slug between our read and our insert.
      const [row] = await tx
        .insert(places)
        .values({ ...data, slug, source: 'Comptoir' })
        .onConflictDoNothing({ target: places.slug })
        .returning({ id: places.id });
      if (!row) continue;
      const created = (await loadPlace(tx, { id: row.id }))!;
      await writeAudit(tx, { actorId: actor!.id, action: 'place.create', entityType: 'place', entityId: row.id, after: snapshot(created) });
      return created;
    }
    throw new ConflictError('Impossible de trouver une adresse libre pour ce lieu. Changez un peu le nom.');
  });
}

// Replaces the fields of a place (its slug stays, so that links keep working).
export async function updatePlace(actor: Actor | null, slug: string, input: unknown, { now = new Date() } = {}): Promise<PlaceDetail> {
  assertCan(actor, 'place:manage');
  const data = parseInput(placeSchema, input);
  return db.transaction(async (tx) => {
    const before = await loadPlace(tx, { slug }, true);
    if (!before) throw new NotFoundError(NOT_FOUND);
    await tx
      .update(places)
      .set({ ...data, updatedAt: now })
      .where(eq(places.id, before.id));
    const after = (await loadPlace(tx, { id: before.id }))!;
    await writeAudit(tx, { actorId: actor!.id, action: 'place.update', entityType: 'place', entityId: before.id, before: snapshot(before), after: snapshot(after) });
    return after;
  });
}

// Adds a person (by the e-mail of their account) to the staff of a place, and makes them a
// mediator if they were not one.
export async function addPlaceStaff(actor: Actor | null, slug: string, input: unknown): Promise<StaffMember> {
  assertCan(actor, 'staff:manage');
  const { email } = parseInput(addStaffSchema, input);
  return db.transaction(async (tx) => {
    const place = await loadPlace(tx, { slug });
    if (!place) throw new NotFoundError(NOT_FOUND);
    const [user] = await tx.select({ id: users.id, name: users.name, email: users.email, disabledAt: users.disabledAt }).from(users).where(eq(users.email, email));
    if (!user || user.disabledAt) {
      throw new ValidationError({ email: ['Aucun compte actif n’a cette adresse. La personne doit d’abord créer son compte.'] });
    }
    const [added] = await tx.insert(placeStaff).values({ placeId: place.id, userId: user.id }).onConflictDoNothing().returning({ userId: placeStaff.userId });
    if (!added) throw new ConflictError('Cette personne fait déjà partie de l’équipe de ce lieu.', { email: ['Cette personne fait déjà partie de l’équipe de ce lieu.'] });
    const [granted] = await tx.insert(userRoles).values({ userId: user.id, role: 'mediator' }).onConflictDoNothing().returning({ role: userRoles.role });
    await writeAudit(tx, [
      { actorId: actor!.id, action: 'place.staff.add', entityType: 'place', entityId: place.id, after: { userId: user.id } },
      ...(granted ? [{ actorId: actor!.id, action: 'user.role.grant', entityType: 'user', entityId: user.id, after: { role: 'mediator' } }] : []),
    ]);
    return { id: user.id, name: user.name, email: user.email };
  });
}

export async function removePlaceStaff(actor: Actor | null, slug: string, input: unknown): Promise<void> {
  assertCan(actor, 'staff:manage');
  const { userId } = parseInput(removeStaffSchema, input);
  await db.transaction(async (tx) => {
    const place = await loadPlace(tx, { slug });
    if (!place) throw new NotFoundError(NOT_FOUND);
    const removed = await tx
      .delete(placeStaff)
      .where(and(eq(placeStaff.placeId, place.id), eq(placeStaff.userId, userId)))
      .returning({ userId: placeStaff.userId });
    if (removed.length === 0) throw new NotFoundError('Cette personne ne fait pas partie de l’équipe de ce lieu.');
    await writeAudit(tx, { actorId: actor!.id, action: 'place.staff.remove', entityType: 'place', entityId: place.id, before: { userId } });
  });
}
