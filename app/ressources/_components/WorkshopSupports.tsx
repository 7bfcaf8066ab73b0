import { getActor } from '@/lib/auth/actor';
import { getLocale, getT } from '@/lib/i18n';
import { attachableResources, mayChooseSupports, supportsOfWorkshops } from '@/lib/resources/workshop-supports';
import { linkWorkshopAction } from '../actions';
import { ActionForm } from './ActionForm';
import { SupportsList } from './SupportsList';

// "Supports de l'atelier" on the workshop page: what the person may see (network-only ones for
// participants), and for its staff a form to attach one more.
export async function WorkshopSupports({ workshop }: { workshop: { id: string; slug: string } }) {
  const actor = await getActor();
  const [t, locale, supports, staff] = await Promise.all([getT(), getLocale(), supportsOfWorkshops(actor, [workshop.id]), mayChooseSupports(actor, workshop.id)]);
  const items = supports.get(workshop.id) ?? [];
  const candidates = staff ? (await attachableResources(actor)).filter((r) => !items.some((i) => i.slug === r.slug)) : [];
  if (items.length === 0 && !staff) return null;
  return (
    <section aria-labelledby="supports-titre" className="mt-10">
      <h2 id="supports-titre" className="mb-3 text-2xl font-bold">
        {t('resources.supports')}
      </h2>
      {items.length === 0 ? <p className="text-slate-700">{t('resources.noSupport')}</p> : <SupportsList items={items} t={t} locale={locale} />}
      {staff && candidates.length > 0 && (
        <ActionForm action={linkWorkshopAction} submitLabel={t('resources.attachSupport')} className="mt-4 max-w-xl" buttonClass="btn-secondary">
          <input type="hidden" name="workshop" value={workshop.slug} />
          <label htmlFor="support-a-ajouter" className="mb-1 block font-semibold">
            {t('resources.attachSupportLabel')}
          </label>
          <select id="support-a-ajouter" name="resource" className="mb-3 block min-h-12 w-full rounded-lg border-2 border-slate-500 bg-white px-3 py-2">
            {candidates.map((r) => (
              <option key={r.slug} value={r.slug}>
                {r.title}
              </option>
            ))}
          </select>
        </ActionForm>
      )}
    </section>
  );
}
