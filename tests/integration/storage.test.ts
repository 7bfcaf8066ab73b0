import { createHash } from 'node:crypto';
import { count } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { blobChunks, blobs } from '@/db/schema';
import { CHUNK_BYTES, FileTooLargeError, FileTypeRefusedError, MAX_FILE_BYTES, readBlobStream, storeBytes, storeStream } from '@/lib/storage';
import { imageDimensions, makePreview } from '@/lib/resources/previews';
import { db, migrateTestDatabase } from '../helpers/db';
import { generatedStream, SAMPLE_HTML, SAMPLE_PNG, SAMPLE_SVG, sampleDocx, sampleExe, sampleOdt, samplePdf, sampleZip } from '../helpers/files';

async function counts() {
  const [b] = await db.select({ n: count() }).from(blobs);
  const [c] = await db.select({ n: count() }).from(blobChunks);
  return { blobs: b!.n, chunks: c!.n };
}

async function readAll(stream: ReadableStream<Uint8Array>): Promise<{ bytes: Buffer; pieces: number; largest: number }> {
  const parts: Uint8Array[] = [];
  let largest = 0;
  for await (const part of stream as unknown as AsyncIterable<Uint8Array>) {
    parts.push(part);
    largest = Math.max(largest, part.byteLength);
  }
  return { bytes: Buffer.concat(parts), pieces: parts.length, largest };
}

beforeAll(async () => {
  await migrateTestDatabase();
});

describe('storage: types sniffed from the bytes', () => {
  it('accepts PDF, PNG, ODT, DOCX and ZIP and names their real type', async () => {
    expect((await storeBytes(await samplePdf())).contentType).toBe('application/pdf');
    expect((await storeBytes(SAMPLE_PNG)).contentType).toBe('image/png');
    expect((await storeBytes(sampleOdt())).contentType).toBe('application/vnd.oasis.opendocument.text');
    expect((await storeBytes(sampleDocx())).contentType).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect((await storeBytes(sampleZip())).contentType).toBe('application/zip');
  });

  it.each([
    ['a renamed executable', sampleExe(), /type de fichier n’est pas accepté/],
    ['an HTML page', SAMPLE_HTML, /pages web et les images SVG ne sont pas acceptées/],
    ['an SVG with a script', SAMPLE_SVG, /pages web et les images SVG ne sont pas acceptées/],
  ])('refuses %s with a French message and stores nothing', async (_label, bytes, message) => {
    const before = await counts();
    const error = await storeBytes(bytes).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FileTypeRefusedError);
    expect((error as FileTypeRefusedError).status).toBe(415);
    expect((error as Error).message).toMatch(message);
    expect(await counts()).toEqual(before);
  });

  it('refuses a file over the limit while reading it, and removes what was written', async () => {
    const before = await counts();
    let produced = 0;
    async function* counted() {
      for await (const piece of generatedStream(MAX_FILE_BYTES + 10 * CHUNK_BYTES)) {
        produced += piece.byteLength;
        yield piece;
      }
    }
    const error = await storeStream(counted()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FileTooLargeError);
    expect((error as FileTooLargeError).status).toBe(413);
    expect((error as Error).message).toBe('Ce fichier est trop lourd : 25 Mo au plus.');
    // Reading stopped at the limit: the rest of the body was never read.
    expect(produced).toBeLessThanOrEqual(MAX_FILE_BYTES + 64 * 1024);
    expect(await counts()).toEqual(before);
    // Writing 25 MB into PGlite takes a while on a busy machine.
  }, 120_000);
});

describe('storage: content-addressed and streamed', () => {
  it('stores the same content once, under its SHA-256', async () => {
    const bytes = await samplePdf('Le même fichier deux fois');
    const first = await storeBytes(bytes);
    const before = await counts();
    const second = await storeBytes(bytes);
    expect(second.id).toBe(first.id);
    expect(second.deduplicated).toBe(true);
    expect(first.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
    expect(await counts()).toEqual(before);
  });

  it('reads back exactly the bytes written, one chunk at a time', async () => {
    const size = 3 * CHUNK_BYTES + 12_345;
    const expected = createHash('sha256');
    for await (const piece of generatedStream(size, 42)) expected.update(piece);
    const stored = await storeStream(generatedStream(size, 42));
    expect(stored.size).toBe(size);
    expect(stored.sha256).toBe(expected.digest('hex'));
    const { bytes, pieces, largest } = await readAll(readBlobStream(stored.id));
    expect(bytes.byteLength).toBe(size);
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(stored.sha256);
    expect(pieces).toBe(4);
    expect(largest).toBe(CHUNK_BYTES);
  });
});

describe('image previews (jimp, no system binary)', () => {
  it('makes a PNG thumbnail of an image, at most 480 px', async () => {
    const { Jimp } = await import('jimp');
    const big = new Jimp({ width: 1200, height: 600, color: 0x336699ff });
    const stored = await storeBytes(new Uint8Array(await big.getBuffer('image/jpeg')));
    expect(stored.contentType).toBe('image/jpeg');
    const previewId = await makePreview(stored);
    expect(previewId).not.toBeNull();
    const { bytes } = await readAll(readBlobStream(previewId!));
    const thumb = await Jimp.fromBuffer(bytes);
    expect([thumb.width, thumb.height]).toEqual([480, 240]);
    expect(imageDimensions(new Uint8Array(bytes), 'image/png')).toEqual({ width: 480, height: 240 });
  });

  it('makes none for a PDF, nor for a small file announcing a gigantic picture', async () => {
    const pdf = await storeBytes(await samplePdf('Pas d’aperçu'));
    expect(await makePreview(pdf)).toBeNull();
    const bomb = Uint8Array.from(SAMPLE_PNG);
    new DataView(bomb.buffer).setUint32(16, 100_000);
    new DataView(bomb.buffer).setUint32(20, 100_000);
    const stored = await storeBytes(bomb);
    expect(await makePreview(stored)).toBeNull();
  });
});
