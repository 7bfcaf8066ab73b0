import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditLog, placeStaff, places, userRoles } from '@/db/schema';
import { loadActor } from '@/lib/accounts';
import type { Actor } from '@/lib/auth/policy';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '@/lib/errors';
import { listPlacesWithStaff } from '@/lib/places';
import { addPlaceStaff, createPlace, getPlaceForEdit, removePlaceStaff, updatePlace } from '@/lib/places/admin';
import { demoActor } from '../helpers/actors';
import { db, seededTestDatabase } from '../helpers/db';

let coordinator: Actor;
let mediator: Actor;
let learner: Actor;

const firminy2 = {
  name: 'Médiathèque de Firminy-Vert',
  pivot: '214200997 00011',
  commune: 'Firminy',
  postalCode: '42700',
  inseeCode: '42095',
  address: '1 boulevard Périphérique',
  phone: '04 77 10 20 30',
  emails: ['epn@firminy.example'],
  websites: ['https://www.firminy.example'],
  openingHours: 'Tu-Sa 10:00-12:00,14:00-18:00',
  summary: 'Postes en accès libre et ateliers pour débuter.',
  services: ['Maîtrise des outils numériques du quotidien'],
  publics: ['Seniors'],
  supportModes: ['Dans un atelier collectif'],
  fees: ['Gratuit'],
  accessInfo: 'Bus M1, arrêt Firminy-Vert.',
  latitude: 45.382,
  longitude: 4.286,
};

// Seeding hashes passwords with argon2: slow on a busy two-core machine, hence the long timeout.
beforeAll(async () => {
  await seededTestDatabase({ now: new Date('2026-03-02T09:00:00Z') });
  [coordinator, mediator, learner] = await Promise.all([demoActor('coordinator'), demoActor('mediator'), demoActor('learner')]);
}, 180_000);

describe('coordinators manage places', () => {
  it('creates a place with the national standard’s formats, and audit-logs it', async () => {
    const place = await createPlace(coordinator, firminy2);
    expect(place).toMatchObject({ slug: 'mediatheque-de-firminy-vert', pivot: '21420099700011', phone: '+33477102030', active: true, addressComplement: null });
    const [audit] = await db.select().from(auditLog).where(eq(auditLog.entityId, place.id));
    expect(audit).toMatchObject({ actorId: coordinator.id, action: 'place.create', entityType: 'place' });
    expect(audit!.after).toMatchObject({ name: 'Médiathèque de Firminy-Vert', postalCode: '42700' });
  });

  it('refuses bad fields with a French message each, and writes nothing', async () => {
    const before = await db.$count(places);
    const error = await createPlace(coordinator, { ...firminy2, postalCode: '427', phone: '12', openingHours: 'tous les jours' }).catch((e) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect(Object.keys(error.fieldErrors).sort()).toEqual(['openingHours', 'phone', 'postalCode']);
    expect(await db.$count(places)).toBe(before);
  });

  it('edits a place, keeps its address, and records before and after', async () => {
    const place = await getPlaceForEdit(coordinator, 'epn-feurs');
    const { id: _id, slug: _slug, updatedAt: _u, staff: _s, ...fields } = place;
    const edited = await updatePlace(coordinator, 'epn-feurs', { ...fields, summary: 'Nouveau résumé du lieu.', active: false });
    expect(edited).toMatchObject({ slug: 'epn-feurs', summary: 'Nouveau résumé du lieu.', active: false });
    const [audit] = await db.select().from(auditLog).where(eq(auditLog.action, 'place.update'));
    expect(audit!.before).toMatchObject({ summary: place.summary, active: true });
    expect(audit!.after).toMatchObject({ summary: 'Nouveau résumé du lieu.', active: false });
  });

  it('is for coordinators only', async () => {
    await expect(createPlace(mediator, firminy2)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(getPlaceForEdit(mediator, 'epn-feurs')).rejects.toBeInstanceOf(ForbiddenError);
    await expect(addPlaceStaff(mediator, 'epn-feurs', { email: 'apprenant@comptoir.test' })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(getPlaceForEdit(coordinator, 'nulle-part')).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe('coordinators choose who staffs a place', () => {
  it('adds a person by e-mail and makes them a mediator of that place', async () => {
    const [feurs] = await db.select({ id: places.id }).from(places).where(eq(places.slug, 'epn-feurs'));
    const added = await addPlaceStaff(coordinator, 'epn-feurs', { email: ' Apprenant@Comptoir.test ' });
    expect(added).toMatchObject({ id: learner.id, name: 'Annie Apprenante' });
    const now = await loadActor(learner.id);
    expect(now!.roles).toContain('mediator');
    expect(now!.staffedPlaceIds).toEqual([feurs!.id]);
    const audit = await db.select({ action: auditLog.action }).from(auditLog).where(eq(auditLog.actorId, coordinator.id));
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(['place.staff.add', 'user.role.grant']));
    await expect(addPlaceStaff(coordinator, 'epn-feurs', { email: 'apprenant@comptoir.test' })).rejects.toBeInstanceOf(ConflictError);
  });

  it('lists each place with the names of its staff', async () => {
    const list = await listPlacesWithStaff(coordinator);
    expect(list.find((p) => p.slug === 'au-comptoir-numerique-saint-etienne')!.staff).toEqual(['Mehdi Médiateur']);
    expect(list.find((p) => p.slug === 'epn-feurs')!.staff).toContain('Annie Apprenante');
  });

  it('says so when no account has that e-mail', async () => {
    const error = await addPlaceStaff(coordinator, 'epn-feurs', { email: 'personne@exemple.fr' }).catch((e) => e);
    expect(error.fieldErrors.email).toEqual(['Aucun compte actif n’a cette adresse. La personne doit d’abord créer son compte.']);
  });

  it('removes a person from the staff; they keep the mediator role', async () => {
    await removePlaceStaff(coordinator, 'epn-feurs', { userId: learner.id });
    expect(await db.select().from(placeStaff).where(eq(placeStaff.userId, learner.id))).toEqual([]);
    expect((await db.select().from(userRoles).where(eq(userRoles.userId, learner.id))).map((r) => r.role)).toEqual(['mediator']);
    await expect(removePlaceStaff(coordinator, 'epn-feurs', { userId: learner.id })).rejects.toBeInstanceOf(NotFoundError);
  });
});
