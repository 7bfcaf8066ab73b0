import 'server-only';
import type { ResourceListItem } from './reads';

// An Atom (RFC 4287) feed of new public resources. Everything is escaped as XML text.
const escape = (value: string) => value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');

export function atomFeed(items: (ResourceListItem & { publishedAt: Date })[], origin: string): string {
  const updated = (items[0]?.publishedAt ?? new Date(0)).toISOString();
  const entries = items.map((r) => {
    const url = `${origin}/ressources/${encodeURIComponent(r.slug)}`;
    return `  <entry>
    <title>${escape(r.title)}</title>
    <link rel="alternate" type="text/html" href="${escape(url)}"/>
    <id>${escape(url)}</id>
    <published>${r.publishedAt.toISOString()}</published>
    <updated>${r.updatedAt.toISOString()}</updated>
    <author><name>${escape(r.author.name ?? 'Comptoir')}</name></author>
    <summary>${escape(r.summary)}</summary>
    <rights>${escape(r.licence)}</rights>
${r.themes.map((theme) => `    <category term="${escape(theme)}"/>`).join('\n')}
  </entry>`;
  });
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="fr">
  <title>Comptoir — nouvelles ressources du réseau</title>
  <link rel="self" type="application/atom+xml" href="${escape(`${origin}/ressources/atom.xml`)}"/>
  <link rel="alternate" type="text/html" href="${escape(`${origin}/ressources`)}"/>
  <id>${escape(`${origin}/ressources`)}</id>
  <updated>${updated}</updated>
${entries.join('\n')}
</feed>
`;
}
