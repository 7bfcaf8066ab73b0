import 'server-only';
import { inArray, sql, type Column, type SQL } from 'drizzle-orm';
import type { PlaceScope } from './policy';

// A place scope (lib/auth/policy.ts `placeScope`) as a SQL condition on a place id column:
// nothing to add for 'all', no row for an empty scope, the listed places otherwise.
export function inScope(column: Column, scope: PlaceScope): SQL | undefined {
  if (scope === 'all') return undefined;
  if (scope.length === 0) return sql`false`;
  return inArray(column, [...scope]);
}
