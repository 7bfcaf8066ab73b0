import 'server-only';
import { asc, eq } from 'drizzle-orm';
import { db } from '@/db';
import { places } from '@/db/schema';
import { toCsv } from '@/lib/export/csv';
import { toInternationalPhone } from '@/lib/format/phone';
import { toParisWallClock } from '@/lib/time';
import type { StandardRow } from './schema';

// Export of the places as rows of the national standard of digital-mediation places
// (docs/standards/lieux-mediation-numerique.schema.json, v1.0.2): the columns in the standard's
// order, lists joined with "|", dates as YYYY-MM-DD, phones in +33 form.

export const STANDARD_COLUMNS = [
  'id',
  'pivot',
  'nom',
  'commune',
  'code_postal',
  'code_insee',
  'adresse',
  'complement_adresse',
  'latitude',
  'longitude',
  'typologie',
  'telephone',
  'courriels',
  'site_web',
  'horaires',
  'presentation_resume',
  'presentation_detail',
  'source',
  'itinerance',
  'structure_parente',
  'date_maj',
  'services',
  'publics_specifiquement_adresses',
  'prise_en_charge_specifique',
  'frais_a_charge',
  'dispositif_programmes_nationaux',
  'formations_labels',
  'autres_formations_labels',
  'modalites_acces',
  'modalites_accompagnement',
  'fiche_acces_libre',
  'prise_rdv',
] as const satisfies readonly (keyof StandardRow)[];

type PlaceRow = typeof places.$inferSelect;

const list = (values: readonly string[]) => {
  const kept = values.map((v) => v.trim()).filter(Boolean);
  return kept.length ? kept.join('|') : null;
};
const textOrNull = (value: string | null | undefined) => (value?.trim() ? value.trim() : null);

const isoDate = (instant: Date) => {
  const { year, month, day } = toParisWallClock(instant);
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
};

export function toStandardRow(place: PlaceRow): StandardRow {
  return {
    id: place.id,
    pivot: place.pivot,
    nom: place.name,
    commune: place.commune,
    code_postal: place.postalCode,
    code_insee: textOrNull(place.inseeCode),
    adresse: place.address,
    complement_adresse: textOrNull(place.addressComplement),
    latitude: place.latitude,
    longitude: place.longitude,
    typologie: list(place.typology),
    // A number the standard cannot hold is left out rather than exported invalid.
    telephone: toInternationalPhone(place.phone),
    courriels: list(place.emails),
    site_web: list(place.websites),
    horaires: textOrNull(place.openingHours),
    presentation_resume: textOrNull(place.summary),
    presentation_detail: textOrNull(place.description),
    source: textOrNull(place.source),
    itinerance: list(place.roaming),
    structure_parente: textOrNull(place.parentStructure),
    date_maj: isoDate(place.updatedAt),
    services: list(place.services),
    publics_specifiquement_adresses: list(place.publics),
    prise_en_charge_specifique: list(place.specificSupport),
    frais_a_charge: list(place.fees),
    dispositif_programmes_nationaux: list(place.nationalPrograms),
    formations_labels: list(place.trainingLabels),
    autres_formations_labels: textOrNull(place.otherTrainingLabels),
    modalites_acces: list(place.accessModes),
    modalites_accompagnement: list(place.supportModes),
    fiche_acces_libre: textOrNull(place.accessibilityUrl),
    prise_rdv: textOrNull(place.appointmentUrl),
  };
}

// Every active place as a row of the standard, sorted by commune then name.
export async function listStandardRows(): Promise<StandardRow[]> {
  const rows = await db.select().from(places).where(eq(places.active, true)).orderBy(asc(places.commune), asc(places.name));
  return rows.map(toStandardRow);
}

// CSV as in the standard's example file: comma-separated, every cell quoted, header first; cells
// that a spreadsheet would run as a formula are guarded (issue 9).
export function toStandardCsv(rows: readonly StandardRow[]): string {
  return toCsv([STANDARD_COLUMNS, ...rows.map((row) => STANDARD_COLUMNS.map((column) => row[column]))], { style: 'standard' });
}
