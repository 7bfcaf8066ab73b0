import { sql } from 'drizzle-orm';
import { NextResponse } from 'next/server';
import { db } from '@/db';
import { apiRoute } from '@/lib/http/problem';
import { errorSummary, log } from '@/lib/log';

export const dynamic = 'force-dynamic';

// 200 when the database answers within two seconds, 503 otherwise.
export const GET = apiRoute(async () => {
  const started = Date.now();
  try {
    await Promise.race([
      db.execute(sql`select 1`),
      new Promise((_, reject) => setTimeout(() => reject(new Error('database timeout')), 2000)),
    ]);
    return NextResponse.json({ status: 'ok', database: 'up', latencyMs: Date.now() - started });
  } catch (error) {
    log.warn({ err: errorSummary(error) }, 'health check: database unreachable');
    return NextResponse.json({ status: 'error', database: 'down' }, { status: 503 });
  }
});
