import Link from 'next/link';
import type { Locale, Translate } from '@/lib/i18n';
import type { ResourceListItem } from '@/lib/resources/reads';
import { kindOf, sizeText, typeLabel } from './text';

// The "Supports de l'atelier": each resource with its files to download and its links, on the
// workshop page and in Mon espace under an attended session.
export function SupportsList({ items, t, locale, headingLevel = 3 }: { items: ResourceListItem[]; t: Translate; locale: Locale; headingLevel?: 3 | 4 }) {
  const Heading = headingLevel === 3 ? 'h3' : 'h4';
  return (
    <ul className="grid gap-3">
      {items.map((r) => (
        <li key={r.id} className="rounded-lg border-2 border-brand-100 p-3">
          <Heading className="font-semibold">
            <Link href={`/ressources/${r.slug}`}>{r.title}</Link>
          </Heading>
          <p className="text-slate-700">
            {typeLabel(t, r.type)}
            {r.visibility === 'network' ? ` · ${t('resources.networkOnly')}` : ''}
          </p>
          {(r.files.length > 0 || r.links.length > 0) && (
            <ul className="mt-1 grid gap-1">
              {r.files.map((f) => (
                <li key={f.id}>
                  <a href={f.url} download className="inline-flex min-h-11 items-center">
                    {t('resources.download', { name: f.name, details: `${kindOf(f.contentType)}, ${sizeText(f.size, locale)}` })}
                  </a>
                </li>
              ))}
              {r.links.map((l) => (
                <li key={l.url}>
                  <a href={l.url} rel="noopener noreferrer" className="inline-flex min-h-11 items-center">
                    {l.label}
                    <span className="sr-only"> {t('resources.external')}</span>
                  </a>
                </li>
              ))}
            </ul>
          )}
        </li>
      ))}
    </ul>
  );
}
