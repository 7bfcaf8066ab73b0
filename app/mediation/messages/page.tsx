import type { Metadata } from 'next';
import Link from 'next/link';
import { requirePageAccess } from '@/lib/auth/guard';
import { can } from '@/lib/auth/policy';
import { formatDay, formatSessionTime, formatTime } from '@/lib/format/dates';
import { getLocale, getT, type MessageKey } from '@/lib/i18n';
import { listOutbox, mailIsConfigured } from '@/lib/notifications';
import { SendNowForm } from './SendNowForm';

export const metadata: Metadata = { title: 'Messages aux participants' };

const STATUS_STYLE = {
  pending: 'bg-amber-100 text-amber-950',
  sent: 'bg-green-100 text-green-950',
  failed: 'bg-red-100 text-red-950',
  skipped: 'bg-slate-200 text-slate-950',
} as const;

// The outbox of the places the person staffs (every place for coordination): what was sent,
// what waits, and who has no e-mail and must be phoned.
export default async function MessagesPage() {
  const actor = await requirePageAccess('mediation:view', '/mediation/messages');
  const [t, locale, { items, total }] = await Promise.all([getT(), getLocale(), listOutbox(actor)]);
  const smtpConfigured = mailIsConfigured();
  return (
    <>
      <p className="mb-2">
        <Link href="/mediation">{t('mediation.title')}</Link>
      </p>
      <h1 className="mb-2 text-3xl font-bold">{t('outbox.title')}</h1>
      <p className="mb-4">{t('outbox.intro')}</p>
      {!smtpConfigured ? null : can(actor, 'coordination:view') ? <SendNowForm label={t('outbox.sendNow')} /> : null}
      {smtpConfigured ? null : <p className="mb-6 rounded-lg bg-amber-50 p-3 font-semibold text-amber-950">{t('outbox.noSmtp')}</p>}
      {items.length === 0 ? (
        <p>{t('outbox.empty')}</p>
      ) : (
        <>
          <p className="mb-3 text-slate-700">{t('outbox.count', { count: total })}</p>
          <ul className="grid grid-cols-1 gap-3">
            {items.map((m) => (
              <li key={m.id} className="card">
                <p className="mb-1 flex flex-wrap items-center gap-2">
                  <span className={`rounded px-2 py-0.5 text-sm font-semibold ${STATUS_STYLE[m.status]}`}>{t(`outbox.status.${m.status}` as MessageKey)}</span>
                  <span className="text-sm text-slate-700">{t(`outbox.kinds.${m.kind}` as MessageKey)}</span>
                </p>
                <p className="font-semibold">{m.subject}</p>
                <p className="wrap-anywhere">
                  {t('outbox.to', { name: m.recipientName ?? '—' })}
                  {m.toAddress ? ` <${m.toAddress}>` : ''}
                </p>
                {m.phone && <p className="font-semibold">{t('outbox.phone', { phone: m.phone })}</p>}
                {m.workshopTitle && m.sessionStartsAt && m.sessionEndsAt && (
                  <p className="text-sm text-slate-700">{t('outbox.session', { title: m.workshopTitle, when: formatSessionTime(m.sessionStartsAt, m.sessionEndsAt, locale), place: m.placeName ?? '' })}</p>
                )}
                <p className="text-sm text-slate-700">{t('outbox.written', { day: formatDay(m.createdAt, locale), time: formatTime(m.createdAt, locale) })}</p>
                <details className="mt-2">
                  <summary className="inline-flex min-h-11 cursor-pointer items-center font-semibold text-brand-800 underline">{t('outbox.read')}</summary>
                  <pre className="mt-2 whitespace-pre-wrap wrap-anywhere rounded-lg bg-slate-50 p-3 font-sans">{m.body}</pre>
                </details>
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}
