import type { Metadata } from 'next';
import Link from 'next/link';
import { listUsers } from '@/lib/accounts';
import { accountDetail, previewMerge } from '@/lib/accounts/admin';
import { requirePageAccess } from '@/lib/auth/guard';
import { pageData, param } from '@/lib/http/page';
import { getT } from '@/lib/i18n';
import { DisableForm, MergeForm, RolesForm } from '../../AdminForms';

export const metadata: Metadata = { title: 'Un compte' };

// One account: its network roles, disabling, and merging another profile of the same person into it.
export default async function AccountPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { id } = await params;
  const actor = await requirePageAccess('admin:view', `/admin/comptes/${id}`);
  const query = await searchParams;
  const t = await getT();
  const account = await pageData(accountDetail(actor, id));
  const q = (param(query.q) ?? '').slice(0, 100);
  const other = param(query.avec);
  const candidates = q ? (await listUsers(actor, { q, pageSize: 10 })).items.filter((u) => u.id !== id && !u.erased) : [];
  const preview = other ? await pageData(previewMerge(actor, id, other)) : null;
  return (
    <>
      <p className="mb-1">
        <Link href="/admin" className="inline-flex min-h-11 items-center">
          ← {t('admin.title')}
        </Link>
      </p>
      <h1 className="mb-2 text-3xl font-bold">{account.name}</h1>
      <p className="mb-1 wrap-anywhere">{[account.email ?? t('admin.noEmail'), account.phone].filter(Boolean).join(' · ')}</p>
      {account.disabled && <p className="mb-4 font-semibold">{account.erased ? t('admin.erased') : t('admin.disabled')}</p>}
      {param(query.fusion) && <p className="mb-4 rounded-lg border-2 border-green-700 bg-green-50 p-3 font-semibold text-green-900">{t('admin.mergedDone')}</p>}
      {!account.erased && (
        <>
          <h2 className="mb-2 mt-6 text-2xl font-bold">{t('admin.rolesTitle')}</h2>
          <p className="mb-3 max-w-2xl">{t('admin.rolesHint')}</p>
          <RolesForm userId={account.id} current={account.roles} labels={{ legend: t('admin.networkRoles'), coordinator: t('roles.coordinator'), admin: t('roles.admin'), submit: t('admin.rolesSubmit') }} />
          <h2 className="mb-2 text-2xl font-bold">{t('admin.accessTitle')}</h2>
          <p className="mb-3 max-w-2xl">{account.disabled ? t('admin.enableHint') : t('admin.disableHint')}</p>
          <DisableForm userId={account.id} disabled={account.disabled} label={account.disabled ? t('admin.enable') : t('admin.disable')} />
          <h2 className="mb-2 text-2xl font-bold">{t('admin.mergeTitle')}</h2>
          <p className="mb-3 max-w-2xl">{t('admin.mergeHint')}</p>
          {preview ? (
            <div className="card max-w-2xl">
              <p className="mb-2">{t('admin.mergeSummary', { merge: preview.merge.name, keep: preview.keep.name })}</p>
              <ul className="mb-3 list-disc pl-6">
                <li>{t('admin.mergeMoves', { count: preview.moves.enrollments + preview.moves.attendance + preview.moves.notes + preview.moves.activities })}</li>
                {preview.conflicts.map((c) => (
                  <li key={c.kind}>{c.detail}</li>
                ))}
              </ul>
              {preview.blocking ? null : <MergeForm keepId={preview.keep.id} mergeId={preview.merge.id} label={t('admin.mergeSubmit')} />}
            </div>
          ) : (
            <>
              <form method="get" className="mb-4 flex max-w-xl flex-col gap-2 sm:flex-row sm:items-end">
                <div className="flex-1">
                  <label htmlFor="q" className="mb-1 block font-semibold">
                    {t('admin.mergeSearch')}
                  </label>
                  <input id="q" name="q" type="search" defaultValue={q} className="block min-h-12 w-full rounded-lg border-2 border-slate-500 px-3 py-2" />
                </div>
                <button type="submit" className="btn-secondary">
                  {t('admin.searchSubmit')}
                </button>
              </form>
              <ul className="grid gap-2">
                {candidates.map((c) => (
                  <li key={c.id}>
                    <Link href={`/admin/comptes/${account.id}?avec=${c.id}`} className="inline-flex min-h-11 items-center">
                      {t('admin.mergeWith', { name: c.name, contact: [c.email, c.phone].filter(Boolean).join(' · ') || t('admin.noEmail') })}
                    </Link>
                  </li>
                ))}
              </ul>
            </>
          )}
        </>
      )}
    </>
  );
}
