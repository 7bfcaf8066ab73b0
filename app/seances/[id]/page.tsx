// TEMPORARY page (enrollment branch): only mounts the enrollment panel so that it can be tried
// and tested end to end. The real session page is built on another branch; keep that one and
// mount <EnrollmentPanel sessionId={id} /> in it.
import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { db } from '@/db';
import { formatSessionTime } from '@/lib/format/dates';
import { getLocale } from '@/lib/i18n';
import { loadSessionInfo } from '@/lib/notifications';
import { EnrollmentPanel } from './EnrollmentPanel';

export const metadata: Metadata = { title: 'Séance' };

export default async function SessionPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const session = /^[0-9a-f-]{36}$/i.test(id) ? await loadSessionInfo(db, id) : null;
  if (!session) notFound();
  const locale = await getLocale();
  return (
    <>
      <h1 className="mb-1 text-3xl font-bold">{session.title}</h1>
      <p className="mb-1 text-lg">{formatSessionTime(session.startsAt, session.endsAt, locale)}</p>
      <p className="mb-6">{session.placeName}, {session.commune}</p>
      <EnrollmentPanel sessionId={id} />
    </>
  );
}
