import 'server-only';
import { fileResponse, fileSlug } from '@/lib/http/download';
import { translator } from '@/lib/i18n';
import type { Roster } from './roster';

// A cell that a spreadsheet neither splits nor runs as a formula.
function cell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[";\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

// The roster as a CSV for spreadsheets in French: semicolons, a byte-order mark so that accents
// open correctly, French headers and labels.
export function rosterCsv(roster: Roster): string {
  const header = ['Nom', 'Statut', 'Inscription', 'Venu sans inscription', 'Absences sans prévenir (autres séances)', 'Noté le'];
  const t = translator('fr');
  const stamp = new Intl.DateTimeFormat('fr-FR', { timeZone: 'Europe/Paris', dateStyle: 'short', timeStyle: 'short' });
  const lines = roster.people.map((p) =>
    [p.name, t(`attendance.${p.status}`), p.enrolled ? 'Confirmée' : '', p.walkIn ? 'oui' : 'non', String(p.noShows), p.markedAt ? stamp.format(p.markedAt) : ''].map(cell).join(';'),
  );
  return `\uFEFF${[header.map(cell).join(';'), ...lines].join('\r\n')}\r\n`;
}

export function rosterCsvResponse(roster: Roster): Response {
  const day = roster.session.startsAt.toISOString().slice(0, 10);
  return fileResponse(rosterCsv(roster), { type: 'text/csv; charset=utf-8', filename: `emargement-${fileSlug(roster.session.workshopTitle)}-${day}.csv` });
}
