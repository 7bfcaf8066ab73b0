import 'server-only';
import { asc } from 'drizzle-orm';
import { db } from '@/db';
import { places } from '@/db/schema';

// The places of the network, for the place facet.
export function listPlaceOptions(): Promise<{ slug: string; name: string }[]> {
  return db.select({ slug: places.slug, name: places.name }).from(places).orderBy(asc(places.name));
}
