import 'server-only';
import type { Certificate } from '@/lib/attendance';
import { formatCertificateCode } from '@/lib/attendance/codes';
import { formatDayWithYear, formatDuration, formatTime } from '@/lib/format/dates';
import { A4, createPdf, drawQrCode, FONT, MARGIN, NETWORK_NAME, numberPages, toBuffer } from './document';

const BRAND = '#0b4a45';
const GREY = '#555555';
const WIDTH = A4.width - 2 * MARGIN;

// The attestation de présence of one person at one session, with a verification code and a QR
// code of the page that confirms it. Everything it states is what /attestations/CODE shows.
export async function renderCertificate(certificate: Certificate, verifyUrl: string): Promise<Buffer> {
  const date = formatDayWithYear(certificate.startsAt);
  const doc = createPdf({ title: `Attestation de présence — ${certificate.personName} — ${certificate.workshopTitle}`, subject: 'Attestation de présence' });
  const code = formatCertificateCode(certificate.code);

  doc.font(FONT.bold).fontSize(11).fillColor(BRAND).text(NETWORK_NAME, MARGIN, MARGIN + 10, { width: WIDTH });
  doc.font(FONT.regular).fontSize(10).fillColor('#000000').text(`${certificate.placeName} — ${certificate.placeAddress}, ${certificate.placePostalCode} ${certificate.placeCommune}`, { width: WIDTH });

  doc.moveDown(4);
  doc.font(FONT.bold).fontSize(26).fillColor(BRAND).text('Attestation de présence', { width: WIDTH, align: 'center' });
  doc.moveDown(2);
  const centred = { width: WIDTH, align: 'center' as const };
  doc.font(FONT.regular).fontSize(13).fillColor('#000000').text(`Le ${NETWORK_NAME.replace(/^Réseau/, 'réseau')} atteste que`, centred);
  doc.moveDown(0.8);
  doc.font(FONT.bold).fontSize(20).text(certificate.personName, centred);
  doc.moveDown(0.8);
  doc.font(FONT.regular).fontSize(13).text('a participé à l’atelier', centred);
  doc.moveDown(0.5);
  doc.font(FONT.bold).fontSize(16).text(`« ${certificate.workshopTitle} »`, centred);
  doc.moveDown(0.8);
  doc
    .font(FONT.regular)
    .fontSize(13)
    .text(`le ${date}, de ${formatTime(certificate.startsAt)} à ${formatTime(certificate.endsAt)} (durée : ${formatDuration(certificate.durationMinutes)}),`, centred);
  doc.text(`à ${certificate.placeName}, ${certificate.placeAddress}, ${certificate.placePostalCode} ${certificate.placeCommune}.`, centred);

  // Verification, at the foot of the page.
  const boxTop = A4.height - MARGIN - 170;
  const qrSize = 110;
  doc.rect(MARGIN, boxTop, WIDTH, 140).lineWidth(1).stroke('#888888');
  drawQrCode(doc, verifyUrl, MARGIN + 15, boxTop + 15, qrSize);
  const textX = MARGIN + 15 + qrSize + 20;
  const textWidth = WIDTH - (textX - MARGIN) - 15;
  doc.font(FONT.bold).fontSize(12).fillColor('#000000').text('Vérifier cette attestation', textX, boxTop + 20, { width: textWidth });
  doc.moveDown(0.3);
  doc.font(FONT.regular).fontSize(11).text(`Code de vérification : ${code}`, { width: textWidth });
  doc.moveDown(0.3);
  doc.fontSize(10).fillColor(GREY).text('Scannez le QR code, ou ouvrez l’adresse :', { width: textWidth });
  doc.fillColor(BRAND).text(verifyUrl, { width: textWidth, link: verifyUrl, underline: true });

  numberPages(doc);
  return toBuffer(doc);
}
