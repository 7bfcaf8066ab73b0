import Link from 'next/link';
import { whenText } from './catalogue-text';
import type { Locale } from '@/lib/i18n';

export type SessionLine = { id: string; title: string; startsAt: Date; endsAt: Date; place: string; detail?: string; href?: string; extra?: React.ReactNode };

// A list of dated sessions, each on its own card; one shared look for every role page.
export function SessionList({ items, locale, empty }: { items: SessionLine[]; locale: Locale; empty: string }) {
  if (items.length === 0) return <p className="text-slate-700">{empty}</p>;
  return (
    <ul className="grid gap-3">
      {items.map((item) => (
        <li key={item.id} className="card">
          <p className="font-semibold">{item.href ? <Link href={item.href}>{item.title}</Link> : item.title}</p>
          <p>{whenText(item.startsAt, item.endsAt, locale)}</p>
          <p className="text-slate-700">{item.place}</p>
          {item.detail && <p className="text-slate-700">{item.detail}</p>}
          {item.extra}
        </li>
      ))}
    </ul>
  );
}
