// The network statistics for the last twelve months (computeStats), timed in this process on the
// bench database, which gets a year of activity reports for every place the first time.
import { sql } from 'drizzle-orm';
import type { Database } from '@/db';

export async function ensureActivities(db: Database): Promise<void> {
  const result = (await db.execute(sql`select exists (select 1 from activities) as present`)) as unknown;
  const [row] = (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as { present: boolean }[];
  if (row?.present) return;
  const { seedActivities } = await import('@/db/seed/activities');
  const started = Date.now();
  const year = await seedActivities(db);
  console.log(`Une année d’activités créée en ${((Date.now() - started) / 1000).toFixed(0)} s :`, year);
}

// Median of `runs` computations after one warm-up, the whole network over twelve months.
export async function timeNetworkYear(runs: number): Promise<{ median: number; min: number; max: number }> {
  const { computeStats } = await import('@/lib/stats/impact');
  const { periodPresets } = await import('@/lib/stats/period');
  const period = periodPresets(new Date()).last12Months;
  await computeStats({ kind: 'network' }, period);
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await computeStats({ kind: 'network' }, period);
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return { median: times[Math.floor(times.length / 2)]!, min: times[0]!, max: times.at(-1)! };
}
