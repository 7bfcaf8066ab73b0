// Database restart drill (by hand, never in CI: it restarts the PostgreSQL server, and with it
// every database of that server). Against a running app (npm start) on a demo database, a
// coordinator signs people up for a session without pause while PostgreSQL restarts; then the
// database is asked for every sign-up the app acknowledged (201). Expected: none lost, and 503
// (not 500) while the database is away.
//
//   DATABASE_URL=postgres://postgres@127.0.0.1:5432/comptoir_drill \
//   DRILL_BASE_URL=http://127.0.0.1:3212 npx tsx scripts/drill-db-restart.ts
//
// DRILL_SECONDS (45): length of the drill; DRILL_RESTART_AT (10): when the restart starts, in
// seconds; DRILL_WORKERS (4): sign-ups in flight at once; DRILL_RESTART_COMMAND
// ("pg_ctlcluster 15 main restart"). The session's capacity is raised so that everyone fits.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import postgres from 'postgres';

const base = process.env.DRILL_BASE_URL ?? 'http://127.0.0.1:3212';
const databaseUrl = process.env.DATABASE_URL;
const seconds = Number(process.env.DRILL_SECONDS ?? 45);
const restartAt = Number(process.env.DRILL_RESTART_AT ?? 10);
const workers = Number(process.env.DRILL_WORKERS ?? 4);
const restartCommand = (process.env.DRILL_RESTART_COMMAND ?? 'pg_ctlcluster 15 main restart').split(' ');
const COORDINATOR = 'coordination@comptoir.test';
const PASSWORD = 'comptoir-demo';

if (!databaseUrl) {
  console.error('DATABASE_URL: the database of the running app (to read back the sign-ups).');
  process.exit(2);
}

// A session cookie for the coordinator, through the sign-in form's own endpoint.
async function signIn(): Promise<string> {
  const csrf = await fetch(`${base}/api/auth/csrf`);
  const jar = csrf.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const response = await fetch(`${base}/api/auth/callback/credentials`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: jar },
    body: new URLSearchParams({ csrfToken, email: COORDINATOR, password: PASSWORD }),
  });
  const session = response.headers.getSetCookie().find((c) => /session-token=/.test(c));
  if (!session) throw new Error(`sign-in failed (${response.status})`);
  return session.split(';')[0]!;
}

async function main() {
  const sql = postgres(databaseUrl!, { max: 2, onnotice: () => {} });
  const run = Date.now().toString(36);
  const [session] = await sql<{ id: string; capacity: number }[]>`select id, capacity from sessions where status = 'scheduled' and starts_at > now() + interval '1 day' order by starts_at limit 1`;
  if (!session) throw new Error('no upcoming session in this database (seed it first)');
  await sql`update sessions set capacity = 100000 where id = ${session.id}`;
  const people = await sql<{ id: string }[]>`insert into users (name, email) select 'Exercice ' || g, 'exercice.' || ${run} || '.' || g || '@exemple.fr' from generate_series(1, 5000) g returning id`;
  await sql.end();
  const cookie = await signIn();

  const statuses = new Map<string, number>();
  const acknowledged: string[] = [];
  let next = 0;
  // When answers other than 201 were seen (first and last second).
  const refused: { from: number | null; to: number | null } = { from: null, to: null };
  const started = Date.now();
  const elapsed = () => (Date.now() - started) / 1000;

  const worker = async () => {
    while (elapsed() < seconds && next < people.length) {
      const learnerId = people[next++]!.id;
      let status: string;
      try {
        const response = await fetch(`${base}/api/v1/sessions/${session.id}/enrollments`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', cookie },
          body: JSON.stringify({ learnerId }),
          signal: AbortSignal.timeout(15_000),
        });
        status = String(response.status);
        await response.arrayBuffer();
        if (response.status === 201) acknowledged.push(learnerId);
      } catch (error) {
        status = `no answer (${(error as Error).name})`;
      }
      if (status !== '201') {
        refused.from ??= elapsed();
        refused.to = elapsed();
        await new Promise((r) => setTimeout(r, 200));
      }
      statuses.set(status, (statuses.get(status) ?? 0) + 1);
    }
  };

  const restart = (async () => {
    await new Promise((r) => setTimeout(r, restartAt * 1000));
    const at = elapsed();
    await promisify(execFile)(restartCommand[0]!, restartCommand.slice(1));
    return { at, took: elapsed() - at };
  })();
  await Promise.all(Array.from({ length: workers }, worker));
  const restarted = await restart;

  // Read back, once the database answers again.
  const check = postgres(databaseUrl!, { max: 1, onnotice: () => {} });
  const found = new Set(
    (await check<{ user_id: string }[]>`select user_id from enrollments where session_id = ${session.id} and status in ('confirmed', 'waitlisted') and user_id = any(${acknowledged}::uuid[])`).map((r) => r.user_id),
  );
  await check`update sessions set capacity = ${session.capacity} where id = ${session.id}`.catch(() => {});
  await check.end();
  const lost = acknowledged.filter((id) => !found.has(id));

  console.log(
    JSON.stringify(
      {
        seconds,
        restart: { startedAtSecond: Number(restarted.at.toFixed(1)), tookSeconds: Number(restarted.took.toFixed(1)) },
        requests: [...statuses.values()].reduce((a, b) => a + b, 0),
        statuses: Object.fromEntries([...statuses].sort()),
        acknowledged: acknowledged.length,
        acknowledgedLost: lost.length,
        refusedWindowSeconds: refused.from === null ? null : { from: Number(refused.from.toFixed(1)), to: Number(refused.to!.toFixed(1)) },
      },
      null,
      2,
    ),
  );
  process.exit(lost.length === 0 && !statuses.has('500') ? 0 : 1);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
