import 'server-only';
import { formatDay, formatSessionTime } from '@/lib/format/dates';
import type { PersonExport } from '@/lib/privacy';
import { createPdf, FONT, MARGIN, NETWORK_NAME, numberPages, toBuffer } from './document';

// "Mes données" as a readable document: the same content as the JSON export, in plain French.

const STATUS: Record<string, string> = {
  confirmed: 'inscrit',
  waitlisted: 'sur liste d’attente',
  cancelled: 'annulé',
  unmarked: 'non pointé',
  present: 'présent',
  late: 'en retard',
  excused: 'absence excusée',
  absent: 'absent',
};

type Row = Record<string, unknown>;
const asDate = (v: unknown) => (v instanceof Date ? v : typeof v === 'string' ? new Date(v) : null);

export async function renderPersonExport(data: PersonExport): Promise<Buffer> {
  const doc = createPdf({ title: 'Mes données — Comptoir', subject: 'Données personnelles' });
  const width = doc.page.width - 2 * MARGIN;
  const heading = (text: string) => {
    doc.moveDown(0.8).font(FONT.bold).fontSize(14).fillColor('#000000').text(text, { width });
    doc.font(FONT.regular).fontSize(10.5).moveDown(0.2);
  };
  const line = (text: string) => doc.text(text, { width });
  const none = () => line('Rien.');

  doc.font(FONT.bold).fontSize(20).text('Mes données', { width });
  doc.font(FONT.regular).fontSize(10).fillColor('#333333').text(`${NETWORK_NAME} — export du ${formatDay(new Date(data.exportedAt))}`, { width });

  const p = data.profile as Row;
  heading('Mon profil');
  line(`Nom : ${p.name}`);
  line(`Adresse e-mail : ${p.email ?? 'aucune'}`);
  line(`Téléphone : ${p.phone ?? 'aucun'}`);
  line(`Commune : ${p.commune ?? 'non indiquée'}`);
  line(`Compte créé le ${formatDay(new Date(p.createdAt as string))}${p.createdAtTheDeskBy ? `, au guichet, par ${p.createdAtTheDeskBy}` : ''}`);
  line(`Mot de passe : ${p.hasPassword ? 'oui (il n’est jamais lisible, même par nous)' : 'non'}`);

  heading('Mon accord (consentement)');
  if (data.consents.length === 0) none();
  for (const c of data.consents) line(`Donné le ${formatDay(new Date(c.at))} ${c.given === 'at-the-desk' ? 'au guichet' : 'en ligne'}${c.version ? `, texte de confidentialité du ${c.version}` : ''}.`);

  const sessions = (title: string, rows: Row[], status: (r: Row) => string) => {
    heading(title);
    if (rows.length === 0) none();
    for (const r of rows) {
      const start = asDate(r.startsAt);
      const end = asDate(r.endsAt);
      const when = start && end ? formatSessionTime(start, end) : start ? formatDay(start) : '';
      line(`• ${r.workshop} — ${when}${r.place ? `, ${r.place}` : ''} : ${status(r)}`);
    }
  };
  sessions('Mes inscriptions', (data.enrollments ?? []) as Row[], (r) => STATUS[r.status as string] ?? String(r.status));
  sessions('Mes présences', (data.attendance ?? []) as Row[], (r) => STATUS[r.status as string] ?? String(r.status));

  heading('Mes attestations');
  if (data.certificates.length === 0) none();
  for (const c of data.certificates) line(`• ${c.workshop} : code ${c.code}`);

  heading('Mes notes de partage');
  const notes = (data.notes ?? []) as Row[];
  if (notes.length === 0) none();
  for (const n of notes) line(`• ${formatDay(asDate(n.createdAt)!)} : ${n.body}`);

  for (const [key, title] of [
    ['wishes', 'Mes souhaits'],
    ['activities', 'Comptes rendus d’accompagnement'],
    ['resources', 'Ressources publiées'],
    ['messages', 'Messages envoyés'],
  ] as const) {
    const rows = (data[key] ?? []) as Row[];
    if (key !== 'activities' && key !== 'messages' && rows.length === 0) continue;
    heading(title);
    if (rows.length === 0) none();
    for (const r of rows.slice(0, 200)) {
      const at = asDate(r.createdAt ?? r.date);
      line(`• ${at ? formatDay(at) : ''} : ${String(r.title ?? r.subject ?? r.kind ?? '')}`);
    }
  }

  heading('Codes donnés au guichet');
  if (data.claimCodes.length === 0) none();
  for (const c of data.claimCodes) line(`• ${formatDay(new Date(c.at))} : ${c.action === 'account.claim' ? 'code utilisé pour créer mon compte' : 'code donné par un médiateur'}`);

  heading('Journal des actions');
  const audit = (data.auditEntries ?? []) as Row[];
  line(`${audit.length} action(s) enregistrée(s) ; le détail est dans le fichier JSON.`);

  doc.moveDown(1).fontSize(9.5).fillColor('#333333').text('Pour corriger ou supprimer vos données : « Mes données » dans Mon espace, ou au guichet de votre lieu. Voir aussi la page Confidentialité.', { width });
  numberPages(doc);
  return toBuffer(doc);
}
