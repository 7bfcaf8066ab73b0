import 'server-only';
import { formatDay, formatMonth, formatTime } from '@/lib/format/dates';
import { formatPhoneForHumans } from '@/lib/format/phone';
import type { Locale, Translate } from '@/lib/i18n';
import { ensureSpace, FONT, renderPdf } from '@/lib/pdf/document';
import { toParisWallClock } from '@/lib/time';
import type { PlaceSession, Programme } from './directory';
import { describeOpeningHours, openingLineText } from './opening-hours';

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

function seats(s: PlaceSession, t: Translate): string {
  if (s.status === 'cancelled') return t('programme.cancelled');
  if (s.status === 'done') return t('programme.seats', { capacity: s.capacity });
  if (s.seatsLeft === 0) return t('programme.full', { capacity: s.capacity });
  return t('programme.seatsLeft', { count: s.seatsLeft, capacity: s.capacity });
}

// The monthly programme of a place as an A4 PDF: the same content as the print page.
export async function programmePdf(programme: Programme, t: Translate, locale: Locale): Promise<Uint8Array> {
  const { place, sessions } = programme;
  const month = formatMonth(programme.month, locale);
  const title = t('programme.heading', { place: place.name, month });
  // A wider margin than the default: the programme is pinned up, often trimmed by the printer.
  return renderPdf({ title, subject: t('programme.title', { month }), margin: 50 }, (doc) => {
    const left = doc.page.margins.left;
    const width = doc.page.width - left - doc.page.margins.right;

    doc.font(FONT.bold).fontSize(20).text(title, { width });
    if (place.summary) doc.moveDown(0.3).font(FONT.regular).fontSize(11).text(place.summary, { width });
    doc.moveDown(0.5).moveTo(left, doc.y).lineTo(left + width, doc.y).lineWidth(1.5).stroke().moveDown(0.6);

    // Address and phone on the left, opening hours on the right.
    const top = doc.y;
    const column = width / 2 - 10;
    doc.font(FONT.bold).fontSize(11).text(t('programme.address'), left, top, { width: column });
    doc.font(FONT.regular).text(`${place.address}${place.addressComplement ? `, ${place.addressComplement}` : ''}`, { width: column });
    doc.text(`${place.postalCode} ${place.commune}`, { width: column });
    const phone = formatPhoneForHumans(place.phone);
    if (phone) doc.font(FONT.bold).text(t('programme.phone', { phone }), { width: column });
    if (place.accessInfo) doc.font(FONT.regular).text(place.accessInfo, { width: column });
    const leftBottom = doc.y;
    const right = left + width / 2 + 10;
    doc.font(FONT.bold).text(t('programme.hours'), right, top, { width: column });
    const hours = describeOpeningHours(place.openingHours, locale);
    if (!hours) doc.font(FONT.regular).text(t('places.noHours'), { width: column });
    else if (!hours.understood) doc.font(FONT.regular).text(hours.raw, { width: column });
    else for (const line of hours.lines) doc.font(FONT.regular).text(capitalise(openingLineText(line, locale)), { width: column });
    doc.x = left;
    doc.y = Math.max(leftBottom, doc.y) + 16;

    if (sessions.length === 0) {
      doc.font(FONT.regular).fontSize(13).text(t('programme.none'), left, doc.y, { width });
    }
    let currentDay = '';
    for (const s of sessions) {
      const { year, month: m, day } = toParisWallClock(s.startsAt);
      const key = `${year}-${m}-${day}`;
      if (key !== currentDay) {
        currentDay = key;
        ensureSpace(doc, 50);
        doc.moveDown(0.4).font(FONT.bold).fontSize(13).text(capitalise(formatDay(s.startsAt, locale)), left, doc.y, { width });
        doc.moveTo(left, doc.y + 1).lineTo(left + width, doc.y + 1).lineWidth(0.5).stroke();
        doc.moveDown(0.3);
      }
      ensureSpace(doc, 18);
      const y = doc.y;
      doc.font(FONT.bold).fontSize(10.5).text(`${formatTime(s.startsAt, locale)} – ${formatTime(s.endsAt, locale)}`, left, y, { width: 95 });
      doc.font(FONT.regular).text(s.workshopTitle, left + 100, y, { width: width - 250 });
      const titleBottom = doc.y;
      doc.font(s.status === 'cancelled' ? FONT.bold : FONT.regular).text(seats(s, t), left + width - 145, y, { width: 145, align: 'right' });
      doc.x = left;
      doc.y = Math.max(titleBottom, doc.y) + 3;
    }

    ensureSpace(doc, 40);
    doc.moveDown(0.8).moveTo(left, doc.y).lineTo(left + width, doc.y).lineWidth(1.5).stroke().moveDown(0.4);
    doc.font(FONT.bold).fontSize(11).text(t('programme.signUp'), left, doc.y, { width });
  });
}
