import type { Metadata } from 'next';
import Link from 'next/link';
import { cache } from 'react';
import { Markdown } from '@/app/_components/Markdown';
import { FormMessage } from '@/app/_components/FormMessage';
import { getActor } from '@/lib/auth/actor';
import { formatDayWithYear } from '@/lib/format/dates';
import { pageData } from '@/lib/http/page';
import { getLocale, getT, type MessageKey } from '@/lib/i18n';
import { REPORT_REASONS } from '@/lib/moderation/reports';
import { attachableWorkshops } from '@/lib/resources/workshop-supports';
import { getResource } from '@/lib/resources/reads';
import { LICENCE_URLS, type Licence } from '@/lib/vocabulary';
import { linkWorkshopAction, moderateResourceAction, rateResourceAction, reportResourceAction } from '../actions';
import { ActionForm } from '../_components/ActionForm';
import { kindOf, licenceLabel, ratingLabel, sizeText, typeLabel, visibilityLabel } from '../_components/text';

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

const load = cache(async (slug: string) => pageData(getResource(await getActor(), slug)));

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const resource = await load((await params).slug);
  return { title: resource.title, description: resource.summary || undefined };
}

export default async function ResourcePage({ params, searchParams }: Props) {
  const { slug } = await params;
  const [resource, actor, t, locale, query] = await Promise.all([load(slug), getActor(), getT(), getLocale(), searchParams]);
  const workshopsToAttach = resource.canEdit || resource.canModerate ? await attachableWorkshops(actor) : [];
  const licenceUrl = LICENCE_URLS[resource.licence as Licence];
  const banner = query.enregistre ? t('resources.saved') : query.restauree ? t('resources.restored') : undefined;
  return (
    <>
      <p className="no-print mb-1">
        <Link href="/ressources" className="inline-flex min-h-11 items-center">
          ← {t('resources.back')}
        </Link>
      </p>
      <FormMessage message={banner} tone="success" />
      <h1 className="mb-2 text-3xl font-bold">{resource.title}</h1>
      {resource.summary && <p className="mb-3 text-lg">{resource.summary}</p>}
      <p className="mb-2 text-slate-700">
        {[typeLabel(t, resource.type), resource.level ? t(`levels.${resource.level}` as MessageKey) : null, visibilityLabel(t, resource.visibility)].filter(Boolean).join(' · ')}
      </p>
      <p className="mb-4 text-slate-700">
        {t('resources.byline', { author: resource.author.name ?? t('resources.unknownAuthor'), date: formatDayWithYear(resource.updatedAt, locale) })}
        {resource.place && (
          <>
            {' · '}
            <Link href={`/lieux/${resource.place.slug}`}>{resource.place.name}</Link>
          </>
        )}
      </p>
      {resource.toReview && <p className="mb-4 rounded-lg border-2 border-amber-700 bg-amber-50 p-3 font-semibold text-amber-950">{t('resources.toReviewLong', { date: formatDayWithYear(resource.reviewedAt, locale) })}</p>}
      {resource.hidden && <p className="mb-4 rounded-lg border-2 border-red-700 bg-red-50 p-3 font-semibold text-red-900">{t('resources.hiddenLong')}</p>}
      {resource.canEdit && (
        <p className="mb-6">
          <Link href={`/ressources/${resource.slug}/modifier`} className="btn-secondary">
            {t('resources.edit')}
          </Link>
        </p>
      )}

      <div className="grid items-start gap-8 md:grid-cols-3">
        <div className="md:col-span-2">
          {(resource.files.length > 0 || resource.links.length > 0) && (
            <section aria-labelledby="fichiers-titre" className="mb-6">
              <h2 id="fichiers-titre" className="mb-2 text-2xl font-bold">
                {t('resources.filesAndLinks')}
              </h2>
              <ul className="grid gap-2">
                {resource.files.map((f) => (
                  <li key={f.id}>
                    {f.previewUrl && (
                      // eslint-disable-next-line @next/next/no-img-element -- a stored thumbnail, already small
                      <img src={f.previewUrl} alt={t('resources.previewOf', { name: f.name })} className="mb-1 h-auto max-h-60 max-w-full rounded border border-slate-300" />
                    )}
                    <a href={f.url} download className="inline-flex min-h-11 items-center font-semibold">
                      {t('resources.download', { name: f.name, details: `${kindOf(f.contentType)}, ${sizeText(f.size, locale)}` })}
                    </a>
                  </li>
                ))}
                {resource.links.map((l) => (
                  <li key={l.url}>
                    <a href={l.url} rel="noopener noreferrer" className="inline-flex min-h-11 items-center font-semibold">
                      {l.label}
                      <span className="sr-only"> {t('resources.external')}</span>
                    </a>
                  </li>
                ))}
              </ul>
            </section>
          )}
          {resource.body && (
            <section aria-label={t('resources.bodyLabel')} className="mb-6">
              <Markdown baseHeadingLevel={2} className="[&_h3]:mt-4 [&_h3]:text-xl [&_h3]:font-bold">{resource.body}</Markdown>
            </section>
          )}
        </div>

        <div>
          <dl className="mb-6 grid gap-y-3 rounded-xl bg-brand-50 p-4">
            {resource.themes.length > 0 && (
              <div>
                <dt className="font-semibold">{t('resources.themes')}</dt>
                <dd>{resource.themes.map((c) => t(`themes.${c}` as MessageKey)).join(', ')}</dd>
              </div>
            )}
            {resource.audiences.length > 0 && (
              <div>
                <dt className="font-semibold">{t('resources.audiences')}</dt>
                <dd>{resource.audiences.map((c) => t(`audiences.${c}` as MessageKey)).join(', ')}</dd>
              </div>
            )}
            <div>
              <dt className="font-semibold">{t('resources.licence')}</dt>
              <dd>
                {licenceUrl ? (
                  <a href={licenceUrl} rel="license noopener noreferrer">
                    {licenceLabel(t, resource.licence)}
                  </a>
                ) : (
                  licenceLabel(t, resource.licence)
                )}
              </dd>
            </div>
            <div>
              <dt className="font-semibold">{t('resources.usefulness')}</dt>
              <dd>{resource.rating.average === null ? t('resources.noRating') : t('resources.ratingLong', { label: ratingLabel(t, Math.round(resource.rating.average)), count: resource.rating.count })}</dd>
            </div>
            <div>
              <dt className="font-semibold">{t('resources.downloadsLabel')}</dt>
              <dd>{t('resources.downloads', { count: resource.downloads })}</dd>
            </div>
          </dl>
          <section aria-labelledby="ateliers-lies" className="mb-6">
            <h2 id="ateliers-lies" className="mb-2 text-xl font-bold">
              {t('resources.relatedWorkshops')}
            </h2>
            {resource.workshops.length === 0 ? (
              <p className="text-slate-700">{t('resources.noWorkshop')}</p>
            ) : (
              <ul className="grid gap-1">
                {resource.workshops.map((w) => (
                  <li key={w.slug}>
                    <Link href={`/ateliers/${w.slug}`} className="inline-flex min-h-11 items-center">
                      {w.title}
                    </Link>
                  </li>
                ))}
              </ul>
            )}
            {workshopsToAttach.length > 0 && (
              <ActionForm action={linkWorkshopAction} submitLabel={t('resources.attach')} className="mt-3" buttonClass="btn-secondary">
                <input type="hidden" name="resource" value={resource.slug} />
                <label htmlFor="atelier-a-lier" className="mb-1 block font-semibold">
                  {t('resources.attachLabel')}
                </label>
                <select id="atelier-a-lier" name="workshop" className="mb-3 block min-h-12 w-full rounded-lg border-2 border-slate-500 bg-white px-3 py-2">
                  {workshopsToAttach.map((w) => (
                    <option key={w.slug} value={w.slug}>
                      {w.title}
                    </option>
                  ))}
                </select>
              </ActionForm>
            )}
          </section>
        </div>
      </div>

      {actor ? (
        <div className="mt-4 grid gap-8 md:grid-cols-2">
          <section aria-labelledby="avis-titre">
            <h2 id="avis-titre" className="mb-2 text-xl font-bold">
              {t('resources.rateTitle')}
            </h2>
            <ActionForm action={rateResourceAction} submitLabel={t('resources.rateSubmit')}>
              <input type="hidden" name="slug" value={resource.slug} />
              <fieldset className="mb-3">
                <legend className="mb-1 font-semibold">{t('resources.rateLegend')}</legend>
                {[1, 2, 3, 4].map((value) => (
                  <label key={value} htmlFor={`avis-${value}`} className="flex min-h-12 cursor-pointer items-center gap-3">
                    <input id={`avis-${value}`} type="radio" name="value" value={value} defaultChecked={resource.myRating === value} className="size-6 accent-brand-800" />
                    {ratingLabel(t, value)}
                  </label>
                ))}
              </fieldset>
            </ActionForm>
          </section>
          <section aria-labelledby="signaler-titre">
            <h2 id="signaler-titre" className="mb-2 text-xl font-bold">
              {t('resources.reportTitle')}
            </h2>
            <details>
              <summary className="min-h-12 cursor-pointer py-3 font-semibold text-brand-800 underline">{t('resources.reportOpen')}</summary>
              <ActionForm action={reportResourceAction} submitLabel={t('resources.reportSubmit')} buttonClass="btn-secondary">
                <input type="hidden" name="slug" value={resource.slug} />
                <fieldset className="mb-3">
                  <legend className="mb-1 font-semibold">{t('resources.reportLegend')}</legend>
                  {REPORT_REASONS.resource.map((reason) => (
                    <label key={reason} htmlFor={`raison-${reason}`} className="flex min-h-12 cursor-pointer items-center gap-3">
                      <input id={`raison-${reason}`} type="radio" name="reason" value={reason} className="size-6 accent-brand-800" />
                      {t(`moderation.reasons.resource.${reason}` as MessageKey)}
                    </label>
                  ))}
                </fieldset>
                <label htmlFor="signalement-commentaire" className="mb-1 block font-semibold">
                  {t('resources.reportComment')}
                </label>
                <textarea id="signalement-commentaire" name="comment" rows={3} maxLength={1000} className="mb-3 block w-full rounded-lg border-2 border-slate-500 px-3 py-2" />
              </ActionForm>
            </details>
          </section>
        </div>
      ) : (
        <p className="mt-4">
          <Link href={`/connexion?callbackUrl=${encodeURIComponent(`/ressources/${resource.slug}`)}`}>{t('resources.signInToRate')}</Link>
        </p>
      )}
      {resource.canModerate && resource.hidden && (
        <ActionForm action={moderateResourceAction} submitLabel={t('resources.showAgain')} className="mt-6" buttonClass="btn-secondary">
          <input type="hidden" name="slug" value={resource.slug} />
          <input type="hidden" name="decision" value="restore" />
        </ActionForm>
      )}
    </>
  );
}
