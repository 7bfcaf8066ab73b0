import 'server-only';
import path from 'node:path';
import PDFDocument from 'pdfkit';
import QRCode from 'qrcode';

// The one base of every PDF the platform prints (sign-in sheets, certificates, personal data,
// monthly programmes, sample handouts): A4, French metadata, and DejaVu Sans embedded. DejaVu
// draws every accent of French and the names people write in Latin, Greek or Cyrillic letters
// (Łukasz, Nguyễn, Ахмед), which pdfkit's built-in Helvetica cannot encode.

export type Pdf = PDFKit.PDFDocument;

export const NETWORK_NAME = 'Réseau des EPN de la Loire — Zoomacom';

const FONT_DIR = path.join(process.cwd(), 'lib/pdf/fonts');
export const FONT = { regular: 'DejaVu', bold: 'DejaVu-Bold' } as const;

export const A4 = { width: 595.28, height: 841.89 } as const;
export const MARGIN = 40;

export type PdfOptions = { title: string; subject?: string; author?: string; margin?: number };

export function createPdf(options: PdfOptions): Pdf {
  const doc = new PDFDocument({
    size: 'A4',
    margin: options.margin ?? MARGIN,
    bufferPages: true,
    lang: 'fr-FR',
    displayTitle: true,
    // Loading Helvetica would read pdfkit's AFM files; our own font is registered first.
    font: path.join(FONT_DIR, 'DejaVuSans.ttf'),
    info: { Title: options.title, Subject: options.subject ?? options.title, Author: options.author ?? NETWORK_NAME, Creator: 'Comptoir' },
  });
  doc.registerFont(FONT.regular, path.join(FONT_DIR, 'DejaVuSans.ttf'));
  doc.registerFont(FONT.bold, path.join(FONT_DIR, 'DejaVuSans-Bold.ttf'));
  doc.font(FONT.regular);
  return doc;
}

export function toBuffer(doc: Pdf): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.end();
  });
}

// Builds a document and returns its bytes.
export async function renderPdf(options: PdfOptions, build: (doc: Pdf) => void | Promise<void>): Promise<Uint8Array> {
  const doc = createPdf(options);
  await build(doc);
  return toBuffer(doc);
}

// Starts a new page when fewer than `height` points are left above the bottom margin.
export function ensureSpace(doc: Pdf, height: number): void {
  if (doc.y + height > doc.page.height - doc.page.margins.bottom) doc.addPage();
}

// Writes "Page X sur Y" at the foot of every page, once all pages exist.
export function numberPages(doc: Pdf): void {
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const bottom = doc.page.margins.bottom;
    // Writing inside the bottom margin would otherwise open a new page.
    doc.page.margins.bottom = 0;
    doc
      .font(FONT.regular)
      .fontSize(9)
      .fillColor('#333333')
      .text(`Page ${i - range.start + 1} sur ${range.count}`, MARGIN, A4.height - MARGIN + 12, { width: A4.width - 2 * MARGIN, align: 'right', lineBreak: false });
    doc.page.margins.bottom = bottom;
  }
}

// A QR code drawn as vector squares (sharp at any print size), top-left at (x, y).
export function drawQrCode(doc: Pdf, text: string, x: number, y: number, size: number): void {
  const qr = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const count = qr.modules.size;
  const cell = size / count;
  doc.save().fillColor('#000000');
  for (let row = 0; row < count; row++) {
    for (let col = 0; col < count; col++) {
      if (qr.modules.get(row, col)) doc.rect(x + col * cell, y + row * cell, cell + 0.05, cell + 0.05);
    }
  }
  doc.fill().restore();
}
