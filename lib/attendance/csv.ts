import 'server-only';
import { toCsv } from '@/lib/export/csv';
import { fileResponse, fileSlug } from '@/lib/http/download';
import { translator } from '@/lib/i18n';
import type { Roster } from './roster';

// The roster as a CSV for spreadsheets in French: semicolons, a byte-order mark so that accents
// open correctly, French headers and labels.
export function rosterCsv(roster: Roster): string {
  const header = ['Nom', 'Statut', 'Inscription', 'Venu sans inscription', 'Absences sans prévenir (autres séances)', 'Noté le'];
  const t = translator('fr');
  const stamp = new Intl.DateTimeFormat('fr-FR', { timeZone: 'Europe/Paris', dateStyle: 'short', timeStyle: 'short' });
  const lines = roster.people.map((p) => [p.name, t(`attendance.${p.status}`), p.enrolled ? 'Confirmée' : '', p.walkIn ? 'oui' : 'non', String(p.noShows), p.markedAt ? stamp.format(p.markedAt) : '']);
  return toCsv([header, ...lines]);
}

export function rosterCsvResponse(roster: Roster): Response {
  const day = roster.session.startsAt.toISOString().slice(0, 10);
  return fileResponse(rosterCsv(roster), { type: 'text/csv; charset=utf-8', filename: `emargement-${fileSlug(roster.session.workshopTitle)}-${day}.csv` });
}
