import type { Metadata } from 'next';
import Link from 'next/link';
import { env } from '@/lib/env';
import { formatCalendarDate } from '@/lib/format/numbers';
import { getLocale, getT } from '@/lib/i18n';
import { PRIVACY_TEXT_VERSION } from '@/lib/privacy/version';

export const metadata: Metadata = { title: 'Confidentialité' };

const SECTIONS = [
  { title: 'whatTitle', items: ['what1', 'what2', 'what3', 'what4', 'what5'] },
  { title: 'whyTitle', items: ['why1', 'why2', 'why3', 'why4'] },
  { title: 'basisTitle', items: ['basis1', 'basis2', 'basis3'] },
  { title: 'whoTitle', items: ['who1', 'who2', 'who3', 'who4', 'who5'] },
  { title: 'howLongTitle', items: ['howLong1', 'howLong2', 'howLong3', 'howLong4', 'howLong5'] },
  { title: 'rightsTitle', items: ['rights1', 'rights2', 'rights3', 'rights4', 'rights5'] },
] as const;

// The privacy notice in plain French. Its version is stored with each consent (users.consentVersion).
export default async function PrivacyPage() {
  const [t, locale] = await Promise.all([getT(), getLocale()]);
  const { RETENTION_YEARS, RETENTION_GRACE_DAYS } = env();
  const vars = { years: RETENTION_YEARS, days: RETENTION_GRACE_DAYS };
  return (
    <article className="max-w-3xl">
      <h1 className="mb-4 text-3xl font-bold">{t('privacy.title')}</h1>
      <p className="mb-2 text-lg">{t('privacy.intro')}</p>
      <p className="mb-6 text-sm text-slate-700">{t('privacy.version', { date: formatCalendarDate(PRIVACY_TEXT_VERSION, locale) })}</p>
      {SECTIONS.map((section) => (
        <section key={section.title} className="mb-6">
          <h2 className="mb-2 text-2xl font-bold">{t(`privacy.${section.title}`)}</h2>
          <ul className="list-disc pl-6">
            {section.items.map((item) => (
              <li key={item} className="mb-1">
                {t(`privacy.${item}`, vars)}
              </li>
            ))}
          </ul>
        </section>
      ))}
      <p className="mb-2">
        <Link href="/mon-espace/donnees" className="inline-flex min-h-11 items-center">
          {t('privacy.myDataLink')}
        </Link>
      </p>
      <p className="text-slate-700">{t('privacy.contact')}</p>
    </article>
  );
}
