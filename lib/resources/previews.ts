import 'server-only';
import { Jimp } from 'jimp';
import { readBlobStream, storeBytes } from '@/lib/storage';

// Thumbnails of uploaded images (PNG, JPEG, GIF), made with jimp (pure JavaScript, no system
// binary) and stored like any file. A PDF's first page would need a canvas implementation
// (pdf.js renders through one), which only native modules provide: PDFs get no thumbnail.
// WebP images get none either (jimp decodes it only through an extra WebAssembly plugin).

export const PREVIEW_TYPES = ['image/png', 'image/jpeg', 'image/gif'];
// Decoding holds the whole image (4 bytes a pixel): files and pictures over these are skipped.
const MAX_SOURCE_BYTES = 10 * 1024 * 1024;
const MAX_PIXELS = 25_000_000;
const SIZE = 480;

// Width × height from the file header, without decoding (so that a small file announcing a
// gigantic picture is never decoded).
export function imageDimensions(bytes: Uint8Array, contentType: string): { width: number; height: number } | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (contentType === 'image/png' && bytes.length >= 24) return { width: view.getUint32(16), height: view.getUint32(20) };
  if (contentType === 'image/gif' && bytes.length >= 10) return { width: view.getUint16(6, true), height: view.getUint16(8, true) };
  if (contentType === 'image/jpeg') {
    let offset = 2;
    while (offset + 9 < bytes.length) {
      if (bytes[offset] !== 0xff) return null;
      const marker = bytes[offset + 1]!;
      const length = view.getUint16(offset + 2);
      // Start-of-frame markers (baseline, progressive…) carry the size.
      if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
        return { height: view.getUint16(offset + 5), width: view.getUint16(offset + 7) };
      }
      offset += 2 + length;
    }
  }
  return null;
}

async function readAll(blobId: string, limit: number): Promise<Uint8Array | null> {
  const parts: Uint8Array[] = [];
  let total = 0;
  for await (const part of readBlobStream(blobId) as unknown as AsyncIterable<Uint8Array>) {
    total += part.byteLength;
    if (total > limit) return null;
    parts.push(part);
  }
  return new Uint8Array(Buffer.concat(parts));
}

// The stored thumbnail's blob id, or null when none can (or should) be made. Never throws: a
// picture that cannot be read simply has no thumbnail.
export async function makePreview(blob: { id: string; size: number; contentType: string }): Promise<string | null> {
  if (!PREVIEW_TYPES.includes(blob.contentType) || blob.size > MAX_SOURCE_BYTES) return null;
  try {
    const bytes = await readAll(blob.id, MAX_SOURCE_BYTES);
    if (!bytes) return null;
    const size = imageDimensions(bytes, blob.contentType);
    if (!size || size.width * size.height > MAX_PIXELS || size.width === 0 || size.height === 0) return null;
    const image = await Jimp.fromBuffer(Buffer.from(bytes));
    if (image.width > SIZE || image.height > SIZE) image.scaleToFit({ w: SIZE, h: SIZE });
    const png = await image.getBuffer('image/png');
    return (await storeBytes(new Uint8Array(png))).id;
  } catch {
    return null;
  }
}
