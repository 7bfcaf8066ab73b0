import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { GET as getPlacesCsv } from '@/app/api/v1/places.csv/route';
import { GET as getPlaces } from '@/app/api/v1/places/route';
import { places } from '@/db/schema';
import { openApiDocument } from '@/lib/openapi';
import { STANDARD_COLUMNS, toStandardRow } from '@/lib/places';
import { db, seededTestDatabase } from '../helpers/db';

// The national standard of digital-mediation places (Table Schema), as vendored in docs/.
type Field = { name: string; type: string; constraints?: { required?: boolean; unique?: boolean; pattern?: string; maxLength?: number } };
const schema = JSON.parse(readFileSync(path.resolve(import.meta.dirname, '../../docs/standards/lieux-mediation-numerique.schema.json'), 'utf8')) as { fields: Field[] };

// A small Table Schema validator for the constraints this schema uses: required, unique,
// pattern (matched against the whole value, as Table Schema says), maxLength, and the number
// and date types. Cells are the CSV text; an empty cell is a missing value.
function validate(rows: Record<string, string>[]): string[] {
  const errors: string[] = [];
  const seen = new Map<string, Set<string>>();
  rows.forEach((row, index) => {
    const where = `row ${index + 1} (${row.nom})`;
    for (const field of schema.fields) {
      const value = row[field.name];
      const c = field.constraints ?? {};
      if (value === undefined) {
        errors.push(`${where}: column ${field.name} is missing`);
        continue;
      }
      if (value === '') {
        if (c.required) errors.push(`${where}: ${field.name} is required`);
        continue;
      }
      if (c.pattern && !new RegExp(`^(?:${c.pattern})$`, 'u').test(value)) errors.push(`${where}: ${field.name} "${value}" does not match ${c.pattern}`);
      if (c.maxLength !== undefined && [...value].length > c.maxLength) errors.push(`${where}: ${field.name} is longer than ${c.maxLength}`);
      if (field.type === 'number' && !/^-?\d+(\.\d+)?$/.test(value)) errors.push(`${where}: ${field.name} "${value}" is not a number`);
      if (field.type === 'date' && (!/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(Date.parse(`${value}T00:00:00Z`)))) errors.push(`${where}: ${field.name} "${value}" is not a YYYY-MM-DD date`);
      if (c.unique) {
        const values = seen.get(field.name) ?? new Set();
        if (values.has(value)) errors.push(`${where}: ${field.name} "${value}" is not unique`);
        values.add(value);
        seen.set(field.name, values);
      }
    }
    for (const column of Object.keys(row)) if (!schema.fields.some((f) => f.name === column)) errors.push(`${where}: unknown column ${column}`);
  });
  return errors;
}

const asCells = (row: Record<string, unknown>) => Object.fromEntries(Object.entries(row).map(([k, v]) => [k, v === null ? '' : String(v)]));

async function csvExport(query = '') {
  const response = await getPlacesCsv(new Request(`http://localhost/api/v1/places.csv${query}`), undefined);
  return { response, text: await response.text() };
}

async function standardExport(query = '?format=standard') {
  const response = await getPlaces(new Request(`http://localhost/api/v1/places${query}`), undefined);
  return { response, body: (await response.json()) as unknown };
}

// Migrating and seeding PGlite can take a while on a busy two-core machine.
beforeAll(async () => {
  await seededTestDatabase({ now: new Date('2026-11-28T09:00:00Z') });
}, 180_000);

describe('the open-data export of places', () => {
  it('writes the columns of the national standard, in its order', () => {
    expect(STANDARD_COLUMNS).toEqual(schema.fields.map((f) => f.name));
  });

  it('has a validator that catches rows the standard refuses', async () => {
    const [place] = await db.select().from(places).where(eq(places.slug, 'epn-feurs'));
    const row = asCells(toStandardRow(place!));
    expect(validate([row])).toEqual([]);
    const errors = validate([
      { ...row, services: 'Aide aux démarches administratives|Cours de cuisine', telephone: '0477000007', code_postal: '4200', pivot: '', presentation_resume: 'x'.repeat(281), date_maj: '28/11/2026', latitude: 'nord' },
      row,
    ]);
    expect(errors.map((e) => e.split(':')[1]!.trim().split(' ')[0])).toEqual(['pivot', 'code_postal', 'latitude', 'telephone', 'presentation_resume', 'date_maj', 'services', 'id']);
  });

  it('exports every demo place as a CSV row valid against the national schema', async () => {
    const { response, text } = await csvExport();
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    const header = text.split('\n')[0];
    expect(header).toBe(schema.fields.map((f) => `"${f.name}"`).join(','));
    const rows = parse(text, { columns: true, skip_empty_lines: true }) as Record<string, string>[];
    expect(rows).toHaveLength(10);
    expect(validate(rows)).toEqual([]);
    // The fields a reader of the national map relies on.
    const home = rows.find((r) => r.nom === 'Au Comptoir Numérique')!;
    expect(home).toMatchObject({
      telephone: '+33477000001',
      code_postal: '42000',
      horaires: 'Mo-Fr 09:00-12:00,14:00-18:00; Sa 09:00-12:00',
      frais_a_charge: 'Gratuit',
      modalites_acces: 'Se présenter|Téléphoner',
      itinerance: 'Fixe',
    });
    expect(home.services!.split('|')).toContain('Aide aux démarches administratives');
    expect(home.date_maj).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('gives the same rows in JSON (format=standard) as in the CSV file', async () => {
    const { response, body } = await standardExport();
    expect(response.status).toBe(200);
    const json = body as Record<string, unknown>[];
    const csv = parse((await csvExport()).text, { columns: true, skip_empty_lines: true }) as Record<string, string>[];
    expect(json.map(asCells)).toEqual(csv);
    expect(validate(json.map(asCells))).toEqual([]);
    expect(typeof json[0]!.latitude).toBe('number');
  });

  it('quotes commas, quotes and line breaks so that the file still reads back the same', async () => {
    await db
      .update(places)
      .set({ description: 'Un lieu « vivant », avec des "guillemets",\net un retour à la ligne.', phone: '04 77 00 00 09' })
      .where(eq(places.slug, 'epn-saint-just-saint-rambert'));
    const rows = parse((await csvExport()).text, { columns: true }) as Record<string, string>[];
    const row = rows.find((r) => r.commune === 'Saint-Just-Saint-Rambert')!;
    expect(row.presentation_detail).toBe('Un lieu « vivant », avec des "guillemets",\net un retour à la ligne.');
    expect(row.telephone).toBe('+33477000009');
    expect(validate(rows)).toEqual([]);
  });

  it('guards cells a spreadsheet would run as a formula, and keeps phone numbers as they are', async () => {
    await db
      .update(places)
      .set({ description: '=HYPERLINK("http://exemple.test","clic")', accessInfo: '@SUM(1+1)', phone: '04 77 00 00 09' })
      .where(eq(places.slug, 'epn-saint-just-saint-rambert'));
    const text = (await csvExport()).text;
    const rows = parse(text, { columns: true }) as Record<string, string>[];
    const row = rows.find((r) => r.commune === 'Saint-Just-Saint-Rambert')!;
    expect(row.presentation_detail).toBe('\'=HYPERLINK("http://exemple.test","clic")');
    expect(Object.values(row).filter((cell) => /^[=+\-@\t\r]/.test(cell) && !/^\+\d+$/.test(cell))).toEqual([]);
    expect(row.telephone).toBe('+33477000009');
    expect(text).not.toMatch(/(^|,)"[=@]/m);
  });

  it('leaves out a phone number the standard cannot hold rather than exporting it invalid', async () => {
    const [place] = await db.select().from(places).where(eq(places.slug, 'epn-feurs'));
    expect(toStandardRow({ ...place!, phone: 'voir le site' }).telephone).toBeNull();
    expect(toStandardRow({ ...place!, phone: '+33 4 77 00 00 07' }).telephone).toBe('+33477000007');
    expect(toStandardRow({ ...place!, phone: '0590 12 34 56' }).telephone).toBe('+33590123456');
  });

  it('filters the export by commune like the directory', async () => {
    const rows = parse((await csvExport('?commune=Roanne')).text, { columns: true }) as Record<string, string>[];
    expect(rows.map((r) => r.nom)).toEqual(['EPN de la médiathèque de Roanne']);
  });
});

describe('GET /api/v1/places', () => {
  it('lists the places for apps, sorted by commune, with a link to each page', async () => {
    const { response, body } = await standardExport('');
    expect(response.status).toBe(200);
    const { items } = body as { items: { name: string; commune: string; url: string; phone: string }[] };
    expect(items).toHaveLength(10);
    expect(items[0]).toMatchObject({ commune: 'Andrézieux-Bouthéon', url: '/lieux/epn-andrezieux-boutheon', phone: '+33477000008' });
    expect(Object.keys(items[0]!)).not.toContain('pivot');
  });

  it('answers an unknown format with a 400 problem in French, naming the field', async () => {
    const { response, body } = await standardExport('?format=xml');
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toBe('application/problem+json');
    expect(body).toMatchObject({ status: 400, errors: { format: [expect.stringContaining('format')] } });
  });

  it('is described in the OpenAPI document, with its query parameters', () => {
    const paths = openApiDocument().paths as Record<string, Record<string, { parameters?: { name: string }[] }>>;
    expect(paths['/api/v1/places']!.get!.parameters!.map((p) => p.name).sort()).toEqual(['commune', 'format', 'service']);
    expect(paths['/api/v1/places.csv']!.get).toBeDefined();
  });
});
