import { strToU8, zipSync } from 'fflate';
import { renderPdf } from '@/lib/pdf/document';

// Small real files of each kind, for upload tests.

export function samplePdf(text = 'Fiche pratique : envoyer un e-mail'): Promise<Uint8Array> {
  return renderPdf({ title: text }, (doc) => {
    doc.fontSize(16).text(text);
  });
}

// A 1 × 1 transparent PNG.
export const SAMPLE_PNG = Uint8Array.from(
  Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=', 'base64'),
);

// An OpenDocument text: a ZIP whose first entry, stored, is "mimetype".
export function sampleOdt(): Uint8Array {
  return zipSync(
    {
      mimetype: [strToU8('application/vnd.oasis.opendocument.text'), { level: 0 }],
      'content.xml': strToU8('<?xml version="1.0"?><office:document-content/>'),
      'META-INF/manifest.xml': strToU8('<?xml version="1.0"?><manifest:manifest/>'),
    },
  );
}

// A Word document: [Content_Types].xml names the main document part.
export function sampleDocx(): Uint8Array {
  return zipSync({
    '[Content_Types].xml': strToU8(
      '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
    ),
    '_rels/.rels': strToU8('<?xml version="1.0"?><Relationships/>'),
    'word/document.xml': strToU8('<?xml version="1.0"?><w:document/>'),
  });
}

export function sampleZip(): Uint8Array {
  return zipSync({ 'lisez-moi.txt': strToU8('Bonjour') });
}

// A Windows executable renamed "guide.pdf": starts with "MZ" and a PE header.
export function sampleExe(): Uint8Array {
  const bytes = new Uint8Array(1024);
  bytes.set(strToU8('MZ'), 0);
  new DataView(bytes.buffer).setUint32(0x3c, 0x80, true);
  bytes.set(strToU8('PE\0\0'), 0x80);
  return bytes;
}

export const SAMPLE_HTML = strToU8('<!DOCTYPE html><html><body><script>alert(1)</script></body></html>');
export const SAMPLE_SVG = strToU8('<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');

// `size` bytes in pieces of 64 kB, made on the fly (never held whole).
// It starts as a PDF does.
export async function* generatedStream(size: number, fill = 7): AsyncGenerator<Uint8Array> {
  const piece = new Uint8Array(64 * 1024).fill(fill);
  piece.set(strToU8('%PDF-1.7\n'), 0);
  let sent = 0;
  while (sent < size) {
    const n = Math.min(piece.byteLength, size - sent);
    yield piece.subarray(0, n);
    sent += n;
  }
}
