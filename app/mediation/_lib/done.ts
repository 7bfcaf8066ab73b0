import 'server-only';
import type { StaffMessages } from './messages';

// The confirmation to show after a redirect with "?fait=<what>" (and "&n=<count>").
export function doneMessage(messages: StaffMessages, searchParams: Record<string, string | string[] | undefined>): string | undefined {
  const done = searchParams.fait;
  if (typeof done !== 'string' || !Object.hasOwn(messages.manage.done, done)) return undefined;
  const template = messages.manage.done[done as keyof StaffMessages['manage']['done']];
  const n = typeof searchParams.n === 'string' && /^\d{1,3}$/.test(searchParams.n) ? searchParams.n : '';
  return template.replace('{count}', n);
}
