'use server';
import { getPublicSession } from '@/lib/catalogue';
import { NotFoundError } from '@/lib/errors';
import { isUuid } from '@/lib/ids';
import { EnrollmentPanel } from './EnrollmentPanel';

// The sign-up panel of the person who asks, for the session page shared by everyone who is
// signed in (EnrollmentPanelSlot): the same server component as on a page rendered for them,
// sent to the browser. Null for an unknown session.
export async function enrollmentPanelFor(sessionId: unknown) {
  if (!isUuid(sessionId)) return null;
  try {
    const session = await getPublicSession(sessionId);
    return <EnrollmentPanel sessionId={session.id} workshopSlug={session.workshop.slug} />;
  } catch (error) {
    if (error instanceof NotFoundError) return null;
    throw error;
  }
}
