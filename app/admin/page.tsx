import type { Metadata } from 'next';
import { listUsers } from '@/lib/accounts';
import { requirePageAccess } from '@/lib/auth/guard';
import { getT } from '@/lib/i18n';

export const metadata: Metadata = { title: 'Administration' };

export default async function AdminPage() {
  const actor = await requirePageAccess('admin:view', '/admin');
  const [t, { items, total }] = await Promise.all([getT(), listUsers(actor, { pageSize: 100 })]);
  return (
    <>
      <h1 className="mb-2 text-3xl font-bold">{t('admin.title')}</h1>
      <p className="mb-6">
        {t('admin.intro')} {t('admin.accounts', { count: total })}
      </p>
      <div className="overflow-x-auto">
        <table className="w-full border-collapse text-left">
          <thead>
            <tr className="border-b-2 border-slate-400">
              <th scope="col" className="p-2">{t('admin.name')}</th>
              <th scope="col" className="p-2">{t('admin.email')}</th>
              <th scope="col" className="p-2">{t('admin.roles')}</th>
              <th scope="col" className="p-2">{t('admin.places')}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((u) => (
              <tr key={u.id} className="border-b border-slate-200">
                <td className="p-2">
                  {u.name}
                  {u.disabled && ` (${t('admin.disabled')})`}
                </td>
                <td className="p-2">{u.email ?? t('admin.noEmail')}</td>
                <td className="p-2">{u.roles.map((r) => t(`roles.${r}`)).join(', ')}</td>
                <td className="p-2">{u.places.join(', ')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
