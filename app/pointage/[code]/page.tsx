import type { Metadata } from 'next';
import Link from 'next/link';
import { previewCheckIn, type CheckInPreview } from '@/lib/attendance';
import { requirePageAccess } from '@/lib/auth/guard';
import { NotFoundError, ValidationError } from '@/lib/errors';
import { formatSessionTime } from '@/lib/format/dates';
import { getLocale, getT } from '@/lib/i18n';
import { CheckInForm } from '../CheckInForm';

export const metadata: Metadata = { title: 'Pointer ma présence', robots: { index: false } };

// Opened by scanning the QR code: the session, then one button. Checking in is a POST, never a
// side effect of opening the address (link previews and scanners open addresses too).
export default async function CheckInCodePage({ params }: { params: Promise<{ code: string }> }) {
  const { code } = await params;
  const actor = await requirePageAccess('myspace:view', `/pointage/${encodeURIComponent(code)}`);
  const [t, locale] = await Promise.all([getT(), getLocale()]);
  let preview: CheckInPreview | null = null;
  try {
    preview = await previewCheckIn(actor, { code });
  } catch (error) {
    if (!(error instanceof NotFoundError || error instanceof ValidationError)) throw error;
  }
  const labels = { code: t('checkIn.codeLabel'), hint: t('checkIn.codeHint'), submit: t('checkIn.submit'), mySpace: t('checkIn.mySpace') };

  if (!preview) {
    return (
      <>
        <h1 className="mb-2 text-3xl font-bold">{t('checkIn.title')}</h1>
        <p role="alert" className="mb-6 rounded-lg border-2 border-red-700 bg-red-50 p-3 font-semibold text-red-900">
          {t('checkIn.unknown')}
        </p>
        <Link href="/pointage" className="btn-secondary">
          {t('checkIn.otherCode')}
        </Link>
      </>
    );
  }
  const { session, verdict } = preview;
  return (
    <>
      <h1 className="mb-2 text-3xl font-bold">{t('checkIn.title')}</h1>
      <p className="mb-2">{t('checkIn.confirmIntro')}</p>
      <div className="card mb-6">
        <p className="text-xl font-semibold">{session.workshopTitle}</p>
        <p>{formatSessionTime(session.startsAt, session.endsAt, locale)}</p>
        <p className="text-slate-700">{session.placeName}</p>
      </div>
      {!verdict.ok ? (
        <>
          <p role="alert" className="mb-6 rounded-lg border-2 border-red-700 bg-red-50 p-3 font-semibold text-red-900">
            {verdict.message}
          </p>
          <Link href="/mon-espace" className="btn-secondary">
            {labels.mySpace}
          </Link>
        </>
      ) : verdict.alreadyMarked ? (
        <>
          <p role="status" className="mb-6 rounded-lg border-2 border-green-700 bg-green-50 p-3 font-semibold text-green-900">
            {t('checkIn.already', { status: t(`attendance.${verdict.status}`) })}
          </p>
          <Link href="/mon-espace" className="btn-secondary">
            {labels.mySpace}
          </Link>
        </>
      ) : (
        <CheckInForm code={code} labels={labels} />
      )}
    </>
  );
}
