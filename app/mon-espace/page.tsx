import type { Metadata } from 'next';
import Link from 'next/link';
import { listMyAttendance } from '@/lib/attendance';
import { requirePageAccess } from '@/lib/auth/guard';
import { listMyEnrollments } from '@/lib/enrollment';
import { formatDay } from '@/lib/format/dates';
import { getLocale, getT } from '@/lib/i18n';
import { SessionList } from '../_components/SessionList';
import { CertificateLink } from './CertificateLink';

export const metadata: Metadata = { title: 'Mon espace' };

export default async function MySpacePage() {
  const actor = await requirePageAccess('myspace:view', '/mon-espace');
  const [t, locale, mine, attended] = await Promise.all([getT(), getLocale(), listMyEnrollments(actor), listMyAttendance(actor)]);
  return (
    <>
      <h1 className="mb-2 text-3xl font-bold">{t('mySpace.title')}</h1>
      <p className="mb-6 text-lg">{t('mySpace.hello', { name: actor.name })}</p>
      <h2 className="mb-3 text-2xl font-bold">{t('mySpace.upcoming')}</h2>
      <SessionList
        locale={locale}
        empty={t('mySpace.noUpcoming')}
        items={mine.upcoming.map((e) => ({ id: e.id, title: e.workshopTitle, startsAt: e.startsAt, endsAt: e.endsAt, place: e.placeName, detail: t(`enrollment.${e.status}`), href: `/ateliers/${e.workshopSlug}` }))}
      />
      <p className="my-4">
        <Link href="/ateliers" className="btn-secondary">
          {t('mySpace.findWorkshop')}
        </Link>
      </p>
      <h2 className="mb-3 mt-8 text-2xl font-bold">{t('mySpace.past')}</h2>
      <SessionList
        locale={locale}
        empty={t('mySpace.noPast')}
        items={attended.map((a) => ({
          id: a.sessionId,
          title: a.workshopTitle,
          startsAt: a.startsAt,
          endsAt: a.endsAt,
          place: a.placeName,
          detail: [t(`attendance.${a.status}`), a.walkIn ? t('mySpaceAttendance.walkIn') : ''].filter(Boolean).join(', '),
          extra: a.certificate ? (
            <CertificateLink sessionId={a.sessionId} label={t('certificates.download')} fullLabel={t('certificates.downloadFor', { title: a.workshopTitle, date: formatDay(a.startsAt, locale) })} />
          ) : undefined,
        }))}
      />
    </>
  );
}
