import 'server-only';
import { inArray } from 'drizzle-orm';
import type { Executor } from '@/db';
import { users } from '@/db/schema';
import { formatDay } from '@/lib/format/dates';

// Two people with the same name on one list (roster, desk search, sign-in sheet, merges) are told
// apart by a short hint that shows less than the place's staff may already see: the last two
// digits of the phone, a masked e-mail, or else the day the profile was made.

const fold = (name: string) =>
  name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();

export function maskEmail(email: string): string {
  const [local, domain] = email.split('@');
  return `${local!.slice(0, 1)}…@${domain}`;
}

type Known = { id: string; name: string; phone: string | null; email: string | null; createdAt: Date };

// From rows that already carry the contact details (no query).
export function namesakeHintsOf(people: readonly Known[]): Map<string, string> {
  const groups = new Map<string, Known[]>();
  for (const p of people) groups.set(fold(p.name), [...(groups.get(fold(p.name)) ?? []), p]);
  const hints = new Map<string, string>();
  for (const group of groups.values()) {
    const unique = [...new Map(group.map((p) => [p.id, p])).values()];
    if (unique.length < 2) continue;
    const first = unique.map((r) => (r.phone ? `tél. …${r.phone.slice(-2)}` : r.email ? maskEmail(r.email) : `profil du ${formatDay(r.createdAt)}`));
    // Same hint twice (a shared phone): the creation day tells them apart.
    const clash = new Set(first.filter((h, i) => first.indexOf(h) !== i));
    unique.forEach((r, i) => hints.set(r.id, clash.has(first[i]!) ? `${first[i]}, profil du ${formatDay(r.createdAt)}` : first[i]!));
  }
  return hints;
}

// For lists that carry only ids and names: one query, only when two names match.
export async function namesakeHints(tx: Executor, people: readonly { id: string; name: string }[]): Promise<Map<string, string>> {
  const counts = new Map<string, Set<string>>();
  for (const p of people) counts.set(fold(p.name), (counts.get(fold(p.name)) ?? new Set()).add(p.id));
  const ids = [...counts.values()].filter((g) => g.size > 1).flatMap((g) => [...g]);
  if (ids.length === 0) return new Map();
  const rows = await tx.select({ id: users.id, name: users.name, phone: users.phone, email: users.email, createdAt: users.createdAt }).from(users).where(inArray(users.id, ids));
  return namesakeHintsOf(rows);
}
