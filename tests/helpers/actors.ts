import { eq } from 'drizzle-orm';
import { db } from '@/db';
import { users } from '@/db/schema';
import { DEMO_ACCOUNTS } from '@/db/seed/seed';
import { loadActor } from '@/lib/accounts';
import type { Actor } from '@/lib/auth/policy';

// The demo account of a role, as getActor() would return it.
export async function demoActor(role: keyof typeof DEMO_ACCOUNTS): Promise<Actor> {
  const [user] = await db.select({ id: users.id }).from(users).where(eq(users.email, DEMO_ACCOUNTS[role]));
  if (!user) throw new Error(`demo account ${role} missing`);
  const actor = await loadActor(user.id);
  if (!actor) throw new Error(`demo account ${role} disabled`);
  return actor;
}
