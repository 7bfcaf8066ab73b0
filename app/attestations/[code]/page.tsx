import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { verifyCertificate } from '@/lib/attendance';
import { formatCertificateCode } from '@/lib/attendance/codes';
import { formatDayWithYear, formatDuration, formatTime } from '@/lib/format/dates';
import { getLocale, getT } from '@/lib/i18n';

export const metadata: Metadata = { title: 'Attestation de présence', robots: { index: false, follow: false } };

// Anyone holding a code sees what the certificate states, and nothing more. A wrong code is a 404.
export default async function CertificatePage({ params }: { params: Promise<{ code: string }> }) {
  const { code } = await params;
  const certificate = await verifyCertificate(decodeURIComponent(code));
  if (!certificate) notFound();
  const [t, locale] = await Promise.all([getT(), getLocale()]);
  const rows: [string, string][] = [
    [t('certificates.person'), certificate.personName],
    [t('certificates.workshop'), certificate.workshopTitle],
    [t('certificates.date'), `${formatDayWithYear(certificate.startsAt, locale)}, ${formatTime(certificate.startsAt, locale)} – ${formatTime(certificate.endsAt, locale)}`],
    [t('certificates.duration'), formatDuration(certificate.durationMinutes)],
    [t('certificates.place'), `${certificate.placeName}, ${certificate.placeAddress}, ${certificate.placePostalCode} ${certificate.placeCommune}`],
    [t('certificates.code'), formatCertificateCode(certificate.code)],
  ];
  return (
    <>
      <h1 className="mb-2 text-3xl font-bold">
        <span aria-hidden="true" className="text-green-800">
          ✓{' '}
        </span>
        {t('certificates.validTitle')}
      </h1>
      <p className="mb-6 text-lg">{t('certificates.validIntro')}</p>
      <dl className="card grid gap-x-6 gap-y-3 sm:grid-cols-[auto_1fr]">
        {rows.map(([label, value]) => (
          <div key={label} className="contents">
            <dt className="font-semibold">{label}</dt>
            <dd className="mb-2 sm:mb-0">{value}</dd>
          </div>
        ))}
      </dl>
    </>
  );
}
