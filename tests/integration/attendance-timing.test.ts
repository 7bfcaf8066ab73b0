import { beforeAll, describe, expect, it } from 'vitest';
import { GET as certificateRoute } from '@/app/api/v1/sessions/[id]/certificate.pdf/route';
import { PUT as attendanceRoute } from '@/app/api/v1/sessions/[id]/attendance/route';
import { addNewWalkIn, issueCertificate, markAttendance, verifyCertificate } from '@/lib/attendance';
import { MARKING_OPENS_MINUTES_BEFORE } from '@/lib/attendance/marking';
import type { Actor } from '@/lib/auth/policy';
import { enroll } from '@/lib/enrollment';
import { ConflictError, NotFoundError } from '@/lib/errors';
import { demoActor } from '../helpers/actors';
import { apiRequest } from '../helpers/auth';
import { seededTestDatabase } from '../helpers/db';
import { makeLearners, makeSession } from '../helpers/enrollment-fixtures';

let mediator: Actor;
const minutes = (n: number) => n * 60_000;

beforeAll(async () => {
  await seededTestDatabase();
  mediator = await demoActor('mediator');
}, 180_000);

async function sessionWithLearner(startsAt: Date) {
  const sessionId = await makeSession({ capacity: 5, startsAt });
  const [learner] = await makeLearners(1);
  await enroll(learner!, sessionId, {}, new Date(startsAt.getTime() - minutes(24 * 60)));
  return { sessionId, learner: learner! };
}

describe('when attendance can be marked', () => {
  it(`opens ${MARKING_OPENS_MINUTES_BEFORE} minutes before the start, not days before`, async () => {
    const startsAt = new Date(Date.now() + 3 * 86400_000);
    const { sessionId, learner } = await sessionWithLearner(startsAt);
    const early = await markAttendance(mediator, sessionId, [{ personId: learner.id, status: 'present' }], new Date(startsAt.getTime() - minutes(MARKING_OPENS_MINUTES_BEFORE + 1))).catch((e) => e);
    expect(early).toBeInstanceOf(ConflictError);
    expect(early.message).toMatch(/L’émargement ouvre le .* à .*, 30 minutes avant le début/);
    await expect(addNewWalkIn(mediator, sessionId, { name: 'Venue Trop Tôt', consent: true }, new Date(startsAt.getTime() - 86400_000))).rejects.toBeInstanceOf(ConflictError);
    expect(await markAttendance(mediator, sessionId, [{ personId: learner.id, status: 'present' }], new Date(startsAt.getTime() - minutes(MARKING_OPENS_MINUTES_BEFORE)))).toEqual({ changed: 1 });
  });

  it('answers 409 problem+json to the API days before the session', async () => {
    const { sessionId, learner } = await sessionWithLearner(new Date(Date.now() + 2 * 86400_000));
    const response = await attendanceRoute(await apiRequest(`/api/v1/sessions/${sessionId}/attendance`, { method: 'PUT', as: mediator, body: [{ personId: learner.id, status: 'present' }] }), { params: Promise.resolve({ id: sessionId }) });
    expect(response.status).toBe(409);
    expect(response.headers.get('content-type')).toBe('application/problem+json');
  });
});

describe('attendance certificates', () => {
  it('exist only once the session has started, for someone present or late', async () => {
    const startsAt = new Date(Date.now() + minutes(10));
    const { sessionId, learner } = await sessionWithLearner(startsAt);
    // Marked present as they arrive, 10 minutes early: allowed.
    await markAttendance(mediator, sessionId, [{ personId: learner.id, status: 'present' }]);
    await expect(issueCertificate(learner, sessionId)).rejects.toBeInstanceOf(NotFoundError);
    const pdf = await certificateRoute(await apiRequest(`/api/v1/sessions/${sessionId}/certificate.pdf`, { as: learner }), { params: Promise.resolve({ id: sessionId }) });
    expect(pdf.status).toBe(404);
    // Once started, the certificate is there, and its code checks out.
    const certificate = await issueCertificate(learner, sessionId, {}, new Date(startsAt.getTime() + minutes(1)));
    expect(certificate.code).toMatch(/\w+/);
    expect(await verifyCertificate(certificate.code, new Date(startsAt.getTime() + minutes(1)))).not.toBeNull();
    expect(await verifyCertificate(certificate.code, new Date(startsAt.getTime() - minutes(1)))).toBeNull();
  });

  it('never exists for someone marked absent or excused', async () => {
    const startsAt = new Date(Date.now() - minutes(5));
    const { sessionId, learner } = await sessionWithLearner(startsAt);
    await markAttendance(mediator, sessionId, [{ personId: learner.id, status: 'excused' }]);
    await expect(issueCertificate(learner, sessionId)).rejects.toBeInstanceOf(NotFoundError);
  });
});
