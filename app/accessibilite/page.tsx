import type { Metadata } from 'next';
import { formatCalendarDate } from '@/lib/format/numbers';
import { getLocale, getT } from '@/lib/i18n';
import { ReportForm } from './ReportForm';

export const metadata: Metadata = { title: 'Déclaration d’accessibilité' };

// Updated with the statement's content (RGAA: the date the statement was made).
const STATEMENT_DATE = '2026-11-30';

// The accessibility statement, as French public-service sites publish it (RGAA 4.1 model), and
// the form to report a barrier. `?page=` prefills the page concerned.
export default async function AccessibilityPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const [t, locale, params] = await Promise.all([getT(), getLocale(), searchParams]);
  const page = typeof params.page === 'string' ? params.page.slice(0, 500) : '';
  const gaps = ['gapMap', 'gapPdf', 'gapScreenReaders', 'gapAudit'] as const;
  const checks = ['checkAxe', 'checkKeyboard', 'checkPhone', 'checkWords'] as const;
  return (
    <article className="max-w-3xl">
      <h1 className="mb-4 text-3xl font-bold">{t('accessibilityStatement.title')}</h1>
      <p className="mb-3">{t('accessibilityStatement.commitment')}</p>
      <p className="mb-6">{t('accessibilityStatement.scope')}</p>

      <h2 className="mb-2 text-2xl font-bold">{t('accessibilityStatement.stateTitle')}</h2>
      <p className="mb-6 rounded-lg border-2 border-amber-800 bg-amber-50 p-3 font-semibold">{t('accessibilityStatement.state')}</p>

      <h2 className="mb-2 text-2xl font-bold">{t('accessibilityStatement.checksTitle')}</h2>
      <ul className="mb-3 list-disc pl-6">
        {checks.map((key) => (
          <li key={key} className="mb-1">
            {t(`accessibilityStatement.${key}`)}
          </li>
        ))}
      </ul>
      <p className="mb-6 text-slate-700">{t('accessibilityStatement.environment')}</p>

      <h2 className="mb-2 text-2xl font-bold">{t('accessibilityStatement.gapsTitle')}</h2>
      <ul className="mb-6 list-disc pl-6">
        {gaps.map((key) => (
          <li key={key} className="mb-1">
            {t(`accessibilityStatement.${key}`)}
          </li>
        ))}
      </ul>

      <h2 className="mb-2 text-2xl font-bold">{t('accessibilityStatement.dateTitle')}</h2>
      <p className="mb-6">{t('accessibilityStatement.date', { date: formatCalendarDate(STATEMENT_DATE, locale) })}</p>

      <section aria-labelledby="signaler" className="mb-8 rounded-xl bg-brand-50 p-4">
        <h2 id="signaler" className="mb-2 text-2xl font-bold">
          {t('accessibilityStatement.reportTitle')}
        </h2>
        <p className="mb-4">{t('accessibilityStatement.reportIntro')}</p>
        <ReportForm
          page={page}
          labels={{
            description: t('accessibilityStatement.description'),
            descriptionHint: t('accessibilityStatement.descriptionHint'),
            pageUrl: t('accessibilityStatement.pageUrl'),
            pageUrlHint: t('accessibilityStatement.pageUrlHint'),
            contact: t('accessibilityStatement.contact'),
            contactHint: t('accessibilityStatement.contactHint'),
            name: t('accessibilityStatement.name'),
            submit: t('accessibilityStatement.submit'),
          }}
        />
      </section>

      <h2 className="mb-2 text-2xl font-bold">{t('accessibilityStatement.remedyTitle')}</h2>
      <p className="mb-2">{t('accessibilityStatement.remedy')}</p>
      <ul className="list-disc pl-6">
        <li>
          <a href="https://formulaire.defenseurdesdroits.fr/" className="inline-flex min-h-11 items-center">
            {t('accessibilityStatement.remedyForm')}
          </a>
        </li>
        <li className="py-2">{t('accessibilityStatement.remedyMail')}</li>
      </ul>
    </article>
  );
}
