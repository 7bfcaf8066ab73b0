import type { Metadata } from 'next';
import Link from 'next/link';
import { listUsers } from '@/lib/accounts';
import { requirePageAccess } from '@/lib/auth/guard';
import { param } from '@/lib/http/page';
import { getT } from '@/lib/i18n';

export const metadata: Metadata = { title: 'Administration' };

// Find accounts by name, e-mail or phone; each leads to its page (roles, disabling, merging).
export default async function AdminPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requirePageAccess('admin:view', '/admin');
  const params = await searchParams;
  const q = (param(params.q) ?? '').slice(0, 100);
  const page = Number(param(params.page) ?? 1) || 1;
  const [t, result] = await Promise.all([getT(), listUsers(actor, { q, page })]);
  const href = (p: number) => `/admin?${new URLSearchParams({ ...(q ? { q } : {}), page: String(p) })}`;
  return (
    <>
      <h1 className="mb-2 text-3xl font-bold">{t('admin.title')}</h1>
      <p className="mb-4">{t('admin.intro')}</p>
      <form method="get" action="/admin" role="search" className="mb-6 flex max-w-xl flex-col gap-2 sm:flex-row sm:items-end">
        <div className="flex-1">
          <label htmlFor="q" className="mb-1 block font-semibold">
            {t('admin.search')}
          </label>
          <input id="q" name="q" type="search" defaultValue={q} className="block min-h-12 w-full rounded-lg border-2 border-slate-500 px-3 py-2" />
        </div>
        <button type="submit" className="btn">
          {t('admin.searchSubmit')}
        </button>
      </form>
      <p className="mb-3" role="status">
        {t('admin.accounts', { count: result.total })}
      </p>
      <div className="overflow-x-auto">
        <table className="w-full border-collapse text-left">
          <thead>
            <tr className="border-b-2 border-slate-400">
              <th scope="col" className="p-2">{t('admin.name')}</th>
              <th scope="col" className="p-2">{t('admin.contact')}</th>
              <th scope="col" className="p-2">{t('admin.roles')}</th>
              <th scope="col" className="p-2">{t('admin.places')}</th>
            </tr>
          </thead>
          <tbody>
            {result.items.map((u) => (
              <tr key={u.id} className="border-b border-slate-200">
                <td className="p-2">
                  <Link href={`/admin/comptes/${u.id}`} className="inline-flex min-h-11 items-center">
                    {u.name}
                  </Link>
                  {u.disabled && ` (${u.erased ? t('admin.erased') : t('admin.disabled')})`}
                </td>
                <td className="wrap-anywhere p-2">{[u.email ?? t('admin.noEmail'), u.phone].filter(Boolean).join(' · ')}</td>
                <td className="p-2">{u.roles.map((r) => t(`roles.${r}`)).join(', ')}</td>
                <td className="p-2">{u.places.join(', ')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {result.pageCount > 1 && (
        <nav aria-label={t('admin.pages')} className="mt-4 flex gap-4">
          {result.page > 1 && (
            <Link href={href(result.page - 1)} className="inline-flex min-h-11 items-center">
              {t('admin.previous')}
            </Link>
          )}
          <span className="inline-flex min-h-11 items-center">{t('admin.pageOf', { page: result.page, pages: result.pageCount })}</span>
          {result.page < result.pageCount && (
            <Link href={href(result.page + 1)} className="inline-flex min-h-11 items-center">
              {t('admin.next')}
            </Link>
          )}
        </nav>
      )}
    </>
  );
}
