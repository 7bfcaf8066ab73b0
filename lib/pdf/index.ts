import 'server-only';
import PDFDocument from 'pdfkit';
import { fileResponse } from '@/lib/http/download';

// Small helpers for the printable documents of Comptoir (monthly programmes, attendance
// sheets…), on pdfkit with its built-in Helvetica: no font file to ship, A4 by default.

export type Pdf = PDFKit.PDFDocument;

export const A4_MARGIN = 50;

// The built-in fonts only know the Windows-1252 characters (French is fine: é, œ, «, –, ’).
// Anything else (another alphabet, an emoji) is written without its accent when it has one, or
// as "?", rather than as garbage.
const WIN_ANSI_EXTRA = new Set('€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ');
export function pdfText(text: string): string {
  let out = '';
  for (const char of text) {
    const code = char.codePointAt(0)!;
    if ((code >= 0x20 && code <= 0x7e) || (code >= 0xa0 && code <= 0xff) || char === '\n' || WIN_ANSI_EXTRA.has(char)) {
      out += char;
      continue;
    }
    if (char === '\u202f' || char === '\u2009') {
      out += '\u00a0';
      continue;
    }
    const base = char.normalize('NFD').replace(/\p{M}/gu, '');
    out += base && base !== char && [...base].every((c) => c.codePointAt(0)! < 0x100) ? base : '?';
  }
  return out;
}

export type PdfOptions = { title: string; author?: string; subject?: string; size?: string; margin?: number };

// Builds a document and returns its bytes.
export async function renderPdf(options: PdfOptions, build: (doc: Pdf) => void | Promise<void>): Promise<Uint8Array> {
  const doc = new PDFDocument({
    size: options.size ?? 'A4',
    margin: options.margin ?? A4_MARGIN,
    lang: 'fr-FR',
    displayTitle: true,
    // pdfkit reads every key of `info`: leave absent ones out rather than undefined.
    info: { Title: pdfText(options.title), Author: pdfText(options.author ?? 'Comptoir'), Creator: 'Comptoir', ...(options.subject ? { Subject: pdfText(options.subject) } : {}) },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Uint8Array>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks))));
    doc.on('error', reject);
  });
  await build(doc);
  doc.end();
  return done;
}

// Starts a new page when fewer than `height` points are left above the bottom margin.
export function ensureSpace(doc: Pdf, height: number): void {
  if (doc.y + height > doc.page.height - doc.page.margins.bottom) doc.addPage();
}

// The HTTP response of a PDF, shown in the browser (inline) under a readable file name.
export function pdfResponse(bytes: Uint8Array, filename: string, { download = false } = {}): Response {
  return fileResponse(bytes, { type: 'application/pdf', filename, inline: !download });
}
