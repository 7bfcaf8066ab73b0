import 'server-only';
import type { MessageKey, Translate } from '@/lib/i18n';
import fr from '@/messages/fr.json';

// The confirmation to show after a redirect with "?fait=<what>" (and "&n=<count>").
export function doneMessage(t: Translate, searchParams: Record<string, string | string[] | undefined>): string | undefined {
  const done = searchParams.fait;
  if (typeof done !== 'string' || !Object.hasOwn(fr.manage.done, done)) return undefined;
  const n = typeof searchParams.n === 'string' && /^\d{1,3}$/.test(searchParams.n) ? Number(searchParams.n) : 0;
  return t(`manage.done.${done}` as MessageKey, { count: n });
}
