import 'server-only';
import { activitiesForExport, type ActivityExportRow } from '@/lib/activities/export';
import type { ActivityListQuery } from '@/lib/activities/schema';
import { levelLabel, themeLabel, vocab, type VocabList } from '@/lib/activities/labels';
import { assertCan, placeScope, type Actor } from '@/lib/auth/policy';
import { formatMonth } from '@/lib/format/numbers';
import { fileResponse, fileSlug } from '@/lib/http/download';
import { translator, type Translate } from '@/lib/i18n';
import { toCsv, type Cell } from '@/lib/export/csv';
import { toXlsx, type Sheet } from '@/lib/export/xlsx';
import { statsFor, type Stats, type StatsQuery } from './impact';

// Downloads of the activity list and of the statistics, as CSV and XLSX, with French headers
// (what funders and the national reporting expect, whatever the interface language).

export type ExportFormat = 'csv' | 'xlsx';
export type Download = { body: string | Buffer; contentType: string; filename: string };

const t: Translate = translator('fr');

const percent = (ratio: number | null) => (ratio === null ? null : Math.round(ratio * 1000) / 10);
const hours = (minutes: number) => Math.round((minutes / 60) * 10) / 10;

function scopeLabel(stats: Stats): string {
  if (stats.scope.kind === 'network') return t('stats.scopeNetwork');
  if (stats.scope.kind === 'place') return t('stats.scopePlace', { name: stats.scope.place.name, commune: stats.scope.place.commune });
  return `${t('stats.scopeMine')} (${stats.scope.mediatorName})`;
}

// One table per part of the statistics: the key figures, the months, then each breakdown.
export function statsSheets(stats: Stats): Sheet[] {
  const s = stats.sessions;
  const figures: [string, Cell][] = [
    [t('exports.scope'), scopeLabel(stats)],
    [t('exports.from'), stats.period.from],
    [t('exports.to'), stats.period.to],
    [t('stats.activities'), stats.activities.total],
    [t('stats.individual'), stats.activities.individual],
    [t('stats.collective'), stats.activities.collective],
    [t('stats.people'), stats.people.total],
    [t('exports.knownPeople'), stats.people.known],
    [t('exports.anonymousPeople'), stats.people.anonymous],
    [t('stats.newLearners'), stats.newLearners],
    [t('stats.hours'), hours(stats.minutes)],
    [t('stats.sessionsHeld'), s.held],
    [t('stats.seatsOffered'), s.seatsOffered],
    [t('exports.confirmedSignups'), s.confirmedSignups],
    [t('exports.present'), s.present],
    [t('exports.late'), s.late],
    [t('exports.excused'), s.excused],
    [t('exports.absent'), s.absent],
    [t('exports.percent', { name: t('stats.fillRate') }), percent(s.fillRate)],
    [t('exports.percent', { name: t('stats.attendanceRate') }), percent(s.attendanceRate)],
    [t('exports.percent', { name: t('stats.noShowRate') }), percent(s.noShowRate)],
  ];
  const d = stats.distributions;
  const breakdown = (name: string, unit: string, rows: { key: string; label?: string; value: number }[], label: (r: { key: string; label?: string }) => string): Sheet => ({
    name,
    rows: [[t('exports.category'), unit], ...rows.map((r) => [label(r), r.value])],
  });
  const list = (key: VocabList) => (r: { key: string }) => vocab(t, key, r.key);
  return [
    { name: t('exports.keyFigures'), rows: [[t('exports.measure'), t('exports.value')], ...figures] },
    {
      name: t('exports.byMonth'),
      rows: [[t('stats.month'), t('stats.individual'), t('stats.collective'), t('exports.hours')], ...stats.months.map((m) => [formatMonth(m.month), m.individual, m.collective, hours(m.minutes)])],
    },
    breakdown(t('stats.theme'), t('exports.activities'), d.theme, (r) => themeLabel(t, r.key)),
    breakdown(t('stats.ageBand'), t('exports.people'), d.ageBand, list('ageBands')),
    breakdown(t('stats.gender'), t('exports.people'), d.gender, list('genders')),
    breakdown(t('stats.socialStatus'), t('exports.people'), d.socialStatus, list('socialStatuses')),
    breakdown(t('stats.commune'), t('exports.people'), d.commune, (r) => r.key || t('stats.unknownCommune')),
    breakdown(t('stats.durationBand'), t('exports.activities'), d.durationBand, list('durationBands')),
    breakdown(t('stats.placeChart'), t('exports.activities'), d.place, (r) => r.label ?? t('stats.noPlace')),
  ];
}

// The same tables in one CSV, in long form: section; category; measure; value.
function statsCsvRows(sheets: Sheet[]): Cell[][] {
  const rows: Cell[][] = [[t('exports.section'), t('exports.category'), t('exports.measure'), t('exports.value')]];
  for (const sheet of sheets) {
    const [header, ...body] = sheet.rows;
    for (const row of body) {
      if (sheet === sheets[0]) rows.push([sheet.name, '', row[0], row[1]]);
      else for (let i = 1; i < row.length; i++) rows.push([sheet.name, row[0], header![i], row[i]]);
    }
  }
  return rows;
}


// The statistics the actor may see, as a file. The whole network's need the network export right.
export async function exportStats(actor: Actor | null, query: StatsQuery, format: ExportFormat, now = new Date()): Promise<Download> {
  const stats = await statsFor(actor, query, now);
  if (stats.scope.kind === 'network') assertCan(actor, 'export:network');
  const sheets = statsSheets(stats);
  const where = stats.scope.kind === 'place' ? stats.scope.place.slug : stats.scope.kind === 'network' ? 'reseau' : 'mes-lieux';
  const filename = `statistiques-${where}-${stats.period.from}-${stats.period.to}.${format}`;
  return format === 'csv'
    ? { body: toCsv(statsCsvRows(sheets)), contentType: 'text/csv; charset=utf-8', filename }
    : { body: await toXlsx(sheets), contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', filename };
}

function activityRow(a: ActivityExportRow): Cell[] {
  const p = a.anonymousPerson as { gender?: string; ageBand?: string; socialStatus?: string; commune?: string } | null;
  return [
    a.date,
    vocab(t, 'kinds', a.kind),
    a.durationMinutes,
    vocab(t, 'placeTypes', a.placeType),
    a.placeName ?? '',
    a.mediatorName,
    a.themes.map((c) => themeLabel(t, c)).join(', '),
    a.adminThemes.map((c) => vocab(t, 'adminThemes', c)).join(', '),
    a.equipment.map((c) => vocab(t, 'equipment', c)).join(', '),
    a.title ?? '',
    a.level ? levelLabel(t, a.level) : '',
    a.knownParticipants,
    a.anonymousParticipants,
    p?.gender ? vocab(t, 'genders', p.gender) : '',
    p?.ageBand ? vocab(t, 'ageBands', p.ageBand) : '',
    p?.socialStatus ? vocab(t, 'socialStatuses', p.socialStatus) : '',
    p?.commune ?? '',
    a.autonomy ? vocab(t, 'autonomy', a.autonomy) : '',
    a.orientation.map((c) => vocab(t, 'orientation', c)).join(', '),
    a.completion ? vocab(t, 'completion', a.completion) : '',
    a.fromSession ? t('exports.yes') : t('exports.no'),
    a.notes,
  ];
}

// The activity list the actor may see (with the list's filters), one line per activity. People
// are counted, not named: the file may travel.
export async function exportActivities(actor: Actor | null, query: ActivityListQuery, format: ExportFormat, now = new Date()): Promise<Download> {
  // With no filter, a coordinator downloads the whole network's log.
  if (!query.place && !query.mine && placeScope(actor) === 'all') assertCan(actor, 'export:network');
  const rows = await activitiesForExport(actor, query);
  const header = [
    t('exports.date'),
    t('exports.kind'),
    t('exports.durationMinutes'),
    t('exports.placeType'),
    t('exports.place'),
    t('exports.mediator'),
    t('exports.themes'),
    t('exports.adminThemes'),
    t('exports.equipment'),
    t('exports.title'),
    t('exports.level'),
    t('exports.knownParticipants'),
    t('exports.anonymousParticipants'),
    t('exports.gender'),
    t('exports.ageBand'),
    t('exports.socialStatus'),
    t('exports.commune'),
    t('exports.autonomy'),
    t('exports.orientation'),
    t('exports.completion'),
    t('exports.fromSession'),
    t('exports.notes'),
  ];
  const table: Cell[][] = [header, ...rows.map(activityRow)];
  const day = now.toISOString().slice(0, 10);
  const filename = `activites-${query.place ? fileSlug(String(query.place)) : 'toutes'}-${day}.${format}`;
  return format === 'csv'
    ? { body: toCsv(table), contentType: 'text/csv; charset=utf-8', filename }
    : { body: await toXlsx([{ name: t('exports.activitiesSheet'), rows: table }]), contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', filename };
}

// The HTTP response of a download.
export function downloadResponse(download: Download): Response {
  return fileResponse(download.body, { type: download.contentType, filename: download.filename });
}
