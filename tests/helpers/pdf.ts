import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

export type ParsedPdf = { pages: string[]; text: string; info: Record<string, unknown>; pageSize: [number, number] };

// Reads a PDF with pdf.js (Mozilla's parser): the text of each page, one line per text run.
export async function parsePdf(bytes: Uint8Array | ArrayBuffer): Promise<ParsedPdf> {
  const data = bytes instanceof Uint8Array ? new Uint8Array(bytes) : new Uint8Array(bytes);
  const doc = await getDocument({ data, disableFontFace: true, useSystemFonts: false, isEvalSupported: false }).promise;
  const pages: string[] = [];
  let pageSize: [number, number] = [0, 0];
  for (let n = 1; n <= doc.numPages; n++) {
    const page = await doc.getPage(n);
    if (n === 1) pageSize = [page.view[2]!, page.view[3]!];
    const content = await page.getTextContent();
    pages.push(content.items.map((item) => ('str' in item ? item.str + (item.hasEOL ? '\n' : ' ') : '')).join(''));
  }
  const { info } = await doc.getMetadata();
  await doc.destroy();
  return { pages, text: pages.join('\n'), info: info as Record<string, unknown>, pageSize };
}

// Renders the first page to PNG with poppler's pdftoppm (for looking at it), when installed.
export function renderFirstPage(bytes: Uint8Array, name: string): string | null {
  const dir = path.join(process.cwd(), 'test-results', 'pdf');
  mkdirSync(dir, { recursive: true });
  const pdfPath = path.join(dir, `${name}.pdf`);
  writeFileSync(pdfPath, bytes);
  try {
    execFileSync('pdftoppm', ['-png', '-r', '80', '-f', '1', '-l', '1', '-singlefile', pdfPath, path.join(dir, name)]);
    return path.join(dir, `${name}.png`);
  } catch {
    return null;
  }
}
