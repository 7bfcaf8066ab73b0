'use server';
import { getPublicSession } from '@/lib/catalogue';
import { NotFoundError } from '@/lib/errors';
import { readAction } from '@/lib/http/action';
import { uuidSchema } from '@/lib/ids';
import { EnrollmentPanel } from './EnrollmentPanel';

// The sign-up panel of the person who asks, for the session page shared by everyone who is
// signed in (EnrollmentPanelSlot): the same server component as on a page rendered for them,
// sent to the browser. Null for an unknown session.
export const enrollmentPanelFor = readAction(uuidSchema, async (sessionId) => {
  try {
    const session = await getPublicSession(sessionId);
    // Drawn here (an async component is a function), so that a failed read is caught by
    // readAction rather than while the answer is sent.
    return await EnrollmentPanel({ sessionId: session.id, workshopSlug: session.workshop.slug });
  } catch (error) {
    if (error instanceof NotFoundError) return null;
    throw error;
  }
});
