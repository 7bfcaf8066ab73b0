import 'server-only';
import { formatDayWithYear, formatDuration, formatTime } from '@/lib/format/dates';
import { translator } from '@/lib/i18n';
import type { RosterPerson, RosterSession } from '@/lib/attendance';
import { A4, createPdf, FONT, MARGIN, NETWORK_NAME, numberPages, toBuffer } from './document';

export type SignInSheetInput = {
  session: RosterSession;
  people: RosterPerson[];
  // Printed before the session: names only, empty status and signature columns, spare rows.
  blank: boolean;
  printedAt: Date;
};

const BRAND = '#0b4a45';
const GREY = '#555555';
const CONTENT_WIDTH = A4.width - 2 * MARGIN;
const COLUMNS = [
  { key: 'number', title: 'N°', width: 28 },
  { key: 'name', title: 'Nom et prénom', width: 207 },
  { key: 'status', title: 'Statut', width: 110 },
  { key: 'signature', title: 'Signature', width: CONTENT_WIDTH - 28 - 207 - 110 },
] as const;
const ROW_MIN_HEIGHT = 32;
const SPARE_ROWS = 6;
// Room kept at the foot of each page for "Page X sur Y".
const BOTTOM = A4.height - MARGIN - 16;

// The feuille d'émargement of a session, as funders ask for it: A4, network and place, workshop,
// date and times in words, trainers, one row per person with a signature box, a box for the
// trainers' signature and "Page X sur Y".
export async function renderSignInSheet({ session, people, blank, printedAt }: SignInSheetInput): Promise<Buffer> {
  const t = translator('fr');
  const date = formatDayWithYear(session.startsAt);
  const hours = `de ${formatTime(session.startsAt)} à ${formatTime(session.endsAt)}`;
  const duration = formatDuration(Math.round((session.endsAt.getTime() - session.startsAt.getTime()) / 60000));
  const doc = createPdf({ title: `Feuille d’émargement — ${session.workshopTitle} — ${date}`, subject: 'Feuille d’émargement' });

  // Full header on the first page.
  doc.font(FONT.bold).fontSize(10).fillColor(BRAND).text(NETWORK_NAME, MARGIN, MARGIN);
  doc.font(FONT.regular).fontSize(10).fillColor('#000000').text(`${session.placeName} — ${session.placeAddress}, ${session.placePostalCode} ${session.placeCommune}`);
  doc.moveDown(0.6);
  doc.font(FONT.bold).fontSize(20).text('Feuille d’émargement');
  doc.moveDown(0.2);
  doc.font(FONT.bold).fontSize(14).text(session.workshopTitle);
  doc.moveDown(0.3);
  const line = (label: string, value: string) => doc.font(FONT.bold).fontSize(11).text(`${label} : `, { continued: true }).font(FONT.regular).text(value);
  line('Date', date);
  line('Horaires', `${hours} (durée : ${duration})`);
  line(session.trainers.length > 1 ? 'Formateurs' : 'Formateur', session.trainers.join(', ') || '—');
  doc.moveDown(0.3);
  if (blank) {
    doc.font(FONT.regular).fontSize(10).fillColor(GREY).text('À remplir pendant l’atelier : chaque personne présente signe dans sa case. Les personnes venues sans inscription s’ajoutent sur les lignes libres.');
  } else {
    const counts = { confirmed: 0, present: 0, late: 0, excused: 0, absent: 0, walkIns: 0 };
    for (const p of people) {
      if (p.enrolled) counts.confirmed++;
      if (p.walkIn) counts.walkIns++;
      if (p.status !== 'unmarked') counts[p.status]++;
    }
    doc
      .font(FONT.regular)
      .fontSize(10)
      .fillColor(GREY)
      .text(
        `Inscrits : ${counts.confirmed} · Présents : ${counts.present} · En retard : ${counts.late} · Absences justifiées : ${counts.excused} · Absents : ${counts.absent} · Sans inscription : ${counts.walkIns}`,
      );
  }
  doc.fillColor('#000000');
  doc.moveDown(0.8);

  const drawTableHeader = () => {
    const y = doc.y;
    doc.rect(MARGIN, y, CONTENT_WIDTH, 22).fillAndStroke('#e6f0ef', '#000000');
    let x = MARGIN;
    doc.fillColor('#000000').font(FONT.bold).fontSize(10);
    for (const column of COLUMNS) {
      doc.text(column.title, x + 5, y + 6, { width: column.width - 10, lineBreak: false });
      x += column.width;
    }
    doc.y = y + 22;
  };

  const continuation = () => {
    doc.addPage();
    doc.font(FONT.regular).fontSize(9).fillColor(GREY).text(`Feuille d’émargement — ${session.workshopTitle} — ${date}, ${hours} (suite)`, MARGIN, MARGIN, { width: CONTENT_WIDTH });
    doc.fillColor('#000000');
    doc.moveDown(0.6);
    drawTableHeader();
  };

  drawTableHeader();
  const rows: { name: string; note?: string; status: string }[] = people.map((p) => ({
    name: p.name,
    note: [p.namesake, p.walkIn ? 'Venu sans inscription' : undefined].filter(Boolean).join(' · ') || undefined,
    status: blank ? '' : t(`attendance.${p.status}`),
  }));
  if (blank) for (let i = 0; i < SPARE_ROWS; i++) rows.push({ name: '', status: '' });

  rows.forEach((row, index) => {
    doc.font(FONT.regular).fontSize(10);
    const nameHeight = doc.heightOfString(row.name || ' ', { width: COLUMNS[1].width - 10 });
    const noteHeight = row.note ? 11 : 0;
    const height = Math.max(ROW_MIN_HEIGHT, nameHeight + noteHeight + 12);
    if (doc.y + height > BOTTOM) continuation();
    const y = doc.y;
    let x = MARGIN;
    for (const column of COLUMNS) {
      doc.rect(x, y, column.width, height).stroke('#000000');
      x += column.width;
    }
    doc.fillColor('#000000').font(FONT.regular).fontSize(10);
    doc.text(String(index + 1), MARGIN + 5, y + 6, { width: COLUMNS[0].width - 10, lineBreak: false });
    if (row.name) doc.text(row.name, MARGIN + COLUMNS[0].width + 5, y + 6, { width: COLUMNS[1].width - 10 });
    if (row.note) doc.fontSize(8).fillColor(GREY).text(row.note, MARGIN + COLUMNS[0].width + 5, y + 6 + nameHeight + 1, { width: COLUMNS[1].width - 10, lineBreak: false });
    doc.fillColor('#000000').fontSize(10);
    if (row.status) doc.text(row.status, MARGIN + COLUMNS[0].width + COLUMNS[1].width + 5, y + 6, { width: COLUMNS[2].width - 10 });
    doc.y = y + height;
  });

  // The trainers' signature, kept whole on one page.
  const boxHeight = 80;
  if (doc.y + 24 + boxHeight + 20 > BOTTOM) {
    doc.addPage();
    doc.y = MARGIN;
  } else {
    doc.y += 24;
  }
  const label = session.trainers.length > 1 ? 'Signature des formateurs' : 'Signature du formateur';
  doc.font(FONT.bold).fontSize(11).fillColor('#000000').text(`${label}${session.trainers.length ? ` (${session.trainers.join(', ')})` : ''}`, MARGIN, doc.y, { width: CONTENT_WIDTH });
  const boxTop = doc.y + 4;
  doc.rect(MARGIN, boxTop, CONTENT_WIDTH, boxHeight).stroke('#000000');
  doc.y = boxTop + boxHeight + 8;
  const printed = new Intl.DateTimeFormat('fr-FR', { timeZone: 'Europe/Paris', day: 'numeric', month: 'long', year: 'numeric' }).format(printedAt);
  doc.font(FONT.regular).fontSize(8).fillColor(GREY).text(`Document édité le ${printed} à ${formatTime(printedAt)} avec Comptoir.`, MARGIN, doc.y, { width: CONTENT_WIDTH });

  numberPages(doc);
  return toBuffer(doc);
}
