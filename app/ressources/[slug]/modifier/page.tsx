import type { Metadata } from 'next';
import Link from 'next/link';
import { forbidden, redirect } from 'next/navigation';
import { ActionButton } from '@/app/_components/ActionButton';
import { FormMessage } from '@/app/_components/FormMessage';
import { RevisionDiff } from '@/app/_components/RevisionDiff';
import { getActor } from '@/lib/auth/actor';
import { formatDayWithYear, formatTime } from '@/lib/format/dates';
import { pageData } from '@/lib/http/page';
import { getLocale, getT, type MessageKey } from '@/lib/i18n';
import { getResource } from '@/lib/resources/reads';
import { publishablePlaces, resourceHistory } from '@/lib/resources/writes';
import { diffRevisions } from '@/lib/revisions';
import { removeFileAction, restoreVersionAction, saveResourceAction } from '../../actions';
import { FileUpload } from '../../_components/FileUpload';
import { resourceFormProps } from '../../_components/form-props';
import { ResourceForm } from '../../_components/ResourceForm';
import { kindOf, sizeText } from '../../_components/text';

export const metadata: Metadata = { title: 'Modifier une ressource' };

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function EditResourcePage({ params, searchParams }: Props) {
  const { slug } = await params;
  const actor = await getActor();
  if (!actor) redirect(`/connexion?callbackUrl=${encodeURIComponent(`/ressources/${slug}/modifier`)}`);
  const resource = await pageData(getResource(actor, slug));
  if (!resource.canEdit) forbidden();
  const [t, locale, places, history, query] = await Promise.all([getT(), getLocale(), publishablePlaces(actor), pageData(resourceHistory(actor, slug)), searchParams]);
  // The resource's own place stays in the list even if the editor (its author) no longer staffs it.
  const placeList = resource.place && !places.some((p) => p.slug === resource.place!.slug) ? [resource.place, ...places] : places;
  const { labels, options } = resourceFormProps(t, placeList);
  const versions = history.map((v, i) => ({ ...v, diffs: diffRevisions(i === 0 ? null : history[i - 1]!.content, v.content) })).reverse();
  return (
    <>
      <p className="no-print mb-1">
        <Link href={`/ressources/${resource.slug}`} className="inline-flex min-h-11 items-center">
          ← {t('resources.backToResource')}
        </Link>
      </p>
      <h1 className="mb-4 text-3xl font-bold">{t('resources.editTitle', { title: resource.title })}</h1>
      <FormMessage message={query.cree ? t('resources.created') : undefined} tone="success" />

      <section id="fichiers" aria-labelledby="fichiers-titre" className="mb-10 rounded-xl bg-brand-50 p-4">
        <h2 id="fichiers-titre" className="mb-3 text-2xl font-bold">
          {t('resources.files')}
        </h2>
        {resource.files.length === 0 ? (
          <p className="mb-3 text-slate-700">{t('resources.noFile')}</p>
        ) : (
          <ul className="mb-4 grid gap-2">
            {resource.files.map((f) => (
              <li key={f.id} className="flex flex-wrap items-center gap-3">
                <a href={f.url} download className="inline-flex min-h-11 items-center">
                  {f.name} ({kindOf(f.contentType)}, {sizeText(f.size, locale)})
                </a>
                <ActionButton action={removeFileAction} fields={{ slug: resource.slug, file: f.id }} label={t('resources.removeFile')} ariaLabel={t('resources.removeFileNamed', { name: f.name })} className="btn-secondary" />
              </li>
            ))}
          </ul>
        )}
        <FileUpload
          slug={resource.slug}
          labels={{
            file: t('resources.upload.file'),
            hint: t('resources.upload.hint'),
            submit: t('resources.upload.submit'),
            sending: t('resources.upload.sending'),
            done: t('resources.upload.done'),
            failed: t('resources.upload.failed'),
          }}
        />
      </section>

      <h2 className="mb-3 text-2xl font-bold">{t('resources.description')}</h2>
      <ResourceForm
        action={saveResourceAction}
        labels={labels}
        options={options}
        values={{
          slug: resource.slug,
          title: resource.title,
          summary: resource.summary,
          body: resource.body,
          type: resource.type,
          themes: resource.themes,
          audiences: resource.audiences,
          level: resource.level ?? '',
          licence: resource.licence,
          visibility: resource.visibility,
          place: resource.place?.slug ?? '',
          links: resource.links,
        }}
      />

      <section aria-labelledby="versions-titre" className="mt-10">
        <h2 id="versions-titre" className="mb-3 text-2xl font-bold">
          {t('resources.versions')}
        </h2>
        <ol className="grid gap-4">
          {versions.map((v, i) => (
            <li key={v.id} className="card">
              <p className="mb-2 font-semibold">
                {t('resources.versionBy', { author: v.authorName ?? t('resources.unknownAuthor'), date: formatDayWithYear(v.createdAt, locale), time: formatTime(v.createdAt, locale) })}
              </p>
              <details>
                <summary className="min-h-11 cursor-pointer py-2 text-brand-800 underline">{t('resources.showChanges')}</summary>
                <RevisionDiff
                  diffs={v.diffs}
                  labels={{ field: (name) => t(`resources.fields.${name}` as MessageKey), added: t('revisions.added'), removed: t('revisions.removed'), none: t('revisions.none') }}
                />
              </details>
              {i > 0 && <ActionButton action={restoreVersionAction} fields={{ slug: resource.slug, revision: v.id }} label={t('resources.restore')} className="btn-secondary mt-3" />}
            </li>
          ))}
        </ol>
      </section>
    </>
  );
}
