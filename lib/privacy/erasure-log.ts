import 'server-only';
import { appendFile, mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { env } from '@/lib/env';

// The erasure log: "<ISO date> <user id>" per line, no personal data. Backups taken before an
// erasure still hold the person; restoring one replays this log (scripts/db-restore.ts).

export async function recordErasure(userId: string, at: Date): Promise<void> {
  const file = env().ERASURE_LOG;
  await mkdir(path.dirname(path.resolve(file)), { recursive: true });
  await appendFile(file, `${at.toISOString()} ${userId}\n`, 'utf8');
}

export async function readErasureLog(file = env().ERASURE_LOG): Promise<{ at: Date; userId: string }[]> {
  const text = await readFile(file, 'utf8').catch((error: NodeJS.ErrnoException) => (error.code === 'ENOENT' ? '' : Promise.reject(error)));
  return text
    .split('\n')
    .map((line) => line.trim().split(' '))
    .filter((parts) => parts.length === 2 && /^[0-9a-f-]{36}$/.test(parts[1]!))
    .map(([at, userId]) => ({ at: new Date(at!), userId: userId! }));
}
