import 'server-only';
import { parseInput } from '@/lib/validation';
import { listDirectory, toPlaceView } from './directory';
import { directoryFilterSchema, placesQuerySchema, type PlaceView, type StandardRow } from './schema';
import { listStandardRows, toStandardCsv } from './standard';

// GET /api/v1/places and /api/v1/places.csv: public reads of the active places, filtered as the
// directory page filters them (commune, service).

export type PlacesResponse = { format: 'apps'; items: PlaceView[] } | { format: 'standard'; rows: StandardRow[] };

async function standardRows(filter: unknown): Promise<StandardRow[]> {
  const [directory, rows] = await Promise.all([listDirectory(filter), listStandardRows()]);
  const kept = new Set(directory.places.map((p) => p.id));
  return rows.filter((row) => kept.has(row.id));
}

export async function listPlacesForApi(query: unknown): Promise<PlacesResponse> {
  const { format, ...filter } = parseInput(placesQuerySchema, query);
  if (format === 'standard') return { format, rows: await standardRows(filter) };
  const directory = await listDirectory(filter);
  return { format: 'apps', items: directory.places.map(toPlaceView) };
}

export async function placesCsv(query: unknown): Promise<string> {
  const filter = parseInput(directoryFilterSchema, query);
  return toStandardCsv(await standardRows(filter));
}
