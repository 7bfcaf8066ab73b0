import { beforeAll, describe, expect, it } from 'vitest';
import { POST as enrollRoute } from '@/app/api/v1/sessions/[id]/enrollments/route';
import { addWalkIn, searchWalkInCandidates } from '@/lib/attendance';
import type { Actor } from '@/lib/auth/policy';
import { enroll } from '@/lib/enrollment';
import { NotFoundError } from '@/lib/errors';
import { searchKnownLearners } from '@/lib/learners';
import { demoActor } from '../helpers/actors';
import { apiRequest } from '../helpers/auth';
import { seededTestDatabase } from '../helpers/db';
import { HOME, makeLearners, makeMediator, makeSession, placeBySlug, ROANNE, signUpsOf } from '../helpers/enrollment-fixtures';

let home: Actor;
let roanne: Actor;
let coordinator: Actor;
let roanneId: string;

beforeAll(async () => {
  await seededTestDatabase();
  roanneId = (await placeBySlug(ROANNE)).id;
  home = await makeMediator((await placeBySlug(HOME)).id);
  roanne = await makeMediator(roanneId);
  coordinator = await demoActor('coordinator');
}, 180_000);

const soon = () => new Date(Date.now() + 5 * 86400_000);

describe('the people a mediator may act on', () => {
  it('cannot sign up (API learnerId) a person outside their places, and nothing is written', async () => {
    const [stranger] = await makeLearners(1);
    // Known at Roanne only.
    await enroll(stranger!, await makeSession({ capacity: 5, startsAt: soon(), placeId: roanneId }));
    const sessionId = await makeSession({ capacity: 5, startsAt: soon() });
    const response = await enrollRoute(await apiRequest(`/api/v1/sessions/${sessionId}/enrollments`, { method: 'POST', as: home, body: { learnerId: stranger!.id } }), { params: Promise.resolve({ id: sessionId }) });
    expect(response.status).toBe(404);
    expect(await signUpsOf(sessionId)).toEqual([]);
    // …and so the desk search does not show them (nor their phone or e-mail).
    expect((await searchKnownLearners(home, { q: stranger!.name })).map((p) => p.id)).not.toContain(stranger!.id);
    // The Roanne mediator may.
    expect(await enroll(roanne, await makeSession({ capacity: 5, startsAt: soon(), placeId: roanneId }), { learnerId: stranger!.id })).toMatchObject({ status: 'confirmed' });
  });

  it('cannot add a stranger as a walk-in nor find them among walk-in candidates', async () => {
    const [stranger] = await makeLearners(1);
    const sessionId = await makeSession({ capacity: 5, startsAt: new Date(Date.now() + 10 * 60_000) });
    expect((await searchWalkInCandidates(home, sessionId, { q: stranger!.name })).map((p) => p.personId)).not.toContain(stranger!.id);
    await expect(addWalkIn(home, sessionId, { personId: stranger!.id })).rejects.toBeInstanceOf(NotFoundError);
  });

  it('lets a mediator act on people of their place, and network staff on anyone', async () => {
    const [known, anyone] = await makeLearners(2);
    await enroll(known!, await makeSession({ capacity: 5, startsAt: soon() }));
    const sessionId = await makeSession({ capacity: 5, startsAt: soon() });
    expect(await enroll(home, sessionId, { learnerId: known!.id })).toMatchObject({ status: 'confirmed' });
    expect((await searchKnownLearners(home, { q: known!.name })).map((p) => p.id)).toContain(known!.id);
    expect(await enroll(coordinator, sessionId, { learnerId: anyone!.id })).toMatchObject({ status: 'confirmed' });
  });
});
