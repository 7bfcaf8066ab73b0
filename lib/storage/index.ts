import 'server-only';
import { createHash } from 'node:crypto';
import { and, eq, isNull, lt, sql } from 'drizzle-orm';
import { fileTypeFromBuffer } from 'file-type';
import { db } from '@/db';
import { blobChunks, blobs } from '@/db/schema';
import { UserError } from '@/lib/errors';

// Files, stored in PostgreSQL so that every app instance (and the embedded PGlite) sees the
// same bytes with no extra server. Content-addressed: a content is named by its SHA-256 and
// stored once, however many times it is uploaded. The bytes live in 256 kB chunks, written as
// they arrive and read back one chunk at a time: a file is never held whole in memory.
//
// The type is sniffed from the bytes (never the name) and must be one of ALLOWED_TYPES; web
// pages and SVG images (which can carry scripts) are refused.

export const MAX_FILE_BYTES = 25 * 1024 * 1024;
export const CHUNK_BYTES = 256 * 1024;

// file-type's extension → the content type we serve.
export const ALLOWED_TYPES: Record<string, string> = {
  pdf: 'application/pdf',
  png: 'image/png',
  jpg: 'image/jpeg',
  webp: 'image/webp',
  gif: 'image/gif',
  odt: 'application/vnd.oasis.opendocument.text',
  odp: 'application/vnd.oasis.opendocument.presentation',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  zip: 'application/zip',
};

export const EXTENSION_OF: Record<string, string> = Object.fromEntries(Object.entries(ALLOWED_TYPES).map(([ext, type]) => [type, ext]));

export class FileTooLargeError extends UserError {
  constructor(maxBytes = MAX_FILE_BYTES) {
    super(`Ce fichier est trop lourd : ${Math.round(maxBytes / (1024 * 1024))} Mo au plus.`, { status: 413, fieldErrors: { file: [`${Math.round(maxBytes / (1024 * 1024))} Mo au plus.`] } });
    this.name = 'FileTooLargeError';
  }
}

const ACCEPTED = 'Envoyez un PDF, une image (PNG, JPEG, WebP, GIF), un document ODT, DOCX, ODP, PPTX ou une archive ZIP.';

export class FileTypeRefusedError extends UserError {
  constructor(message = `Ce type de fichier n’est pas accepté. ${ACCEPTED}`) {
    super(message, { status: 415, fieldErrors: { file: [message] } });
    this.name = 'FileTypeRefusedError';
  }
}

export class EmptyFileError extends UserError {
  constructor() {
    super('Ce fichier est vide.', { status: 400, fieldErrors: { file: ['Ce fichier est vide.'] } });
    this.name = 'EmptyFileError';
  }
}

// The content type of these first bytes, or an error saying why they are refused.
export async function sniffType(head: Uint8Array): Promise<{ ext: string; contentType: string }> {
  const detected = await fileTypeFromBuffer(head);
  if (detected && ALLOWED_TYPES[detected.ext]) return { ext: detected.ext, contentType: ALLOWED_TYPES[detected.ext]! };
  // Text formats have no magic number: say plainly why web pages and SVG images are refused.
  const text = new TextDecoder('utf-8', { fatal: false }).decode(head.subarray(0, 4096)).toLowerCase();
  if (/<svg[\s>]/.test(text) || /<!doctype\s+html|<html[\s>]|<script[\s>]/.test(text)) {
    throw new FileTypeRefusedError(`Les pages web et les images SVG ne sont pas acceptées : elles peuvent contenir du code. ${ACCEPTED}`);
  }
  throw new FileTypeRefusedError();
}

export type StoredBlob = { id: string; sha256: string; size: number; contentType: string; ext: string; deduplicated: boolean };

type Source = AsyncIterable<Uint8Array> | ReadableStream<Uint8Array>;

async function* iterate(source: Source): AsyncGenerator<Uint8Array> {
  if (Symbol.asyncIterator in source) {
    yield* source as AsyncIterable<Uint8Array>;
    return;
  }
  const reader = (source as ReadableStream<Uint8Array>).getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      yield value;
    }
  } finally {
    reader.releaseLock();
  }
}

// Regroups any stream of pieces into CHUNK_BYTES chunks (the last one shorter), and stops with
// FileTooLargeError as soon as more than `maxBytes` have been read.
async function* rechunk(source: Source, maxBytes: number): AsyncGenerator<Uint8Array> {
  let buffer = new Uint8Array(CHUNK_BYTES);
  let filled = 0;
  let total = 0;
  for await (const piece of iterate(source)) {
    total += piece.byteLength;
    if (total > maxBytes) throw new FileTooLargeError(maxBytes);
    let offset = 0;
    while (offset < piece.byteLength) {
      const n = Math.min(CHUNK_BYTES - filled, piece.byteLength - offset);
      buffer.set(piece.subarray(offset, offset + n), filled);
      filled += n;
      offset += n;
      if (filled === CHUNK_BYTES) {
        yield buffer;
        buffer = new Uint8Array(CHUNK_BYTES);
        filled = 0;
      }
    }
  }
  if (filled > 0) yield buffer.subarray(0, filled);
}

// Pending uploads older than this were interrupted: their chunks are removed.
const STALE_PENDING_MS = 24 * 60 * 60 * 1000;

// Stores a stream: checks the type on the first chunk (nothing is written when it is refused),
// writes chunk by chunk while hashing, and refuses (removing what was written) past `maxBytes`.
// The same content stored twice gives the same blob.
export async function storeStream(source: Source, { maxBytes = MAX_FILE_BYTES }: { maxBytes?: number } = {}): Promise<StoredBlob> {
  await db.delete(blobs).where(and(isNull(blobs.sha256), lt(blobs.createdAt, new Date(Date.now() - STALE_PENDING_MS))));
  const hash = createHash('sha256');
  let pendingId: string | null = null;
  let type: { ext: string; contentType: string } | null = null;
  let size = 0;
  let seq = 0;
  try {
    for await (const chunk of rechunk(source, maxBytes)) {
      if (!type) {
        type = await sniffType(chunk);
        const [row] = await db.insert(blobs).values({ size: 0, contentType: type.contentType }).returning({ id: blobs.id });
        pendingId = row!.id;
      }
      hash.update(chunk);
      size += chunk.byteLength;
      await db.insert(blobChunks).values({ blobId: pendingId!, seq, data: chunk });
      seq += 1;
    }
  } catch (error) {
    if (pendingId) await db.delete(blobs).where(eq(blobs.id, pendingId));
    throw error;
  }
  if (!type || !pendingId) throw new EmptyFileError();
  const sha256 = hash.digest('hex');
  const [existing] = await db.select({ id: blobs.id }).from(blobs).where(eq(blobs.sha256, sha256));
  if (existing) {
    await db.delete(blobs).where(eq(blobs.id, pendingId));
    return { id: existing.id, sha256, size, ...type, deduplicated: true };
  }
  try {
    await db.update(blobs).set({ sha256, size }).where(eq(blobs.id, pendingId));
    return { id: pendingId, sha256, size, ...type, deduplicated: false };
  } catch (error) {
    // The same content finished at the same moment in another request: keep that one.
    const [winner] = await db.select({ id: blobs.id }).from(blobs).where(eq(blobs.sha256, sha256));
    await db.delete(blobs).where(eq(blobs.id, pendingId));
    if (!winner) throw error;
    return { id: winner.id, sha256, size, ...type, deduplicated: true };
  }
}

// Convenience for small contents made by the app itself (seed, tests).
export function storeBytes(bytes: Uint8Array, options: { maxBytes?: number } = {}): Promise<StoredBlob> {
  return storeStream(
    (async function* () {
      yield bytes;
    })(),
    options,
  );
}

export async function blobInfo(id: string): Promise<{ id: string; sha256: string; size: number; contentType: string } | null> {
  const [row] = await db
    .select({ id: blobs.id, sha256: blobs.sha256, size: blobs.size, contentType: blobs.contentType })
    .from(blobs)
    .where(and(eq(blobs.id, id), sql`${blobs.sha256} is not null`));
  return row ? { ...row, sha256: row.sha256! } : null;
}

// The bytes of a stored blob, read one chunk per pull: memory stays at about one chunk per
// reader whatever the size of the file.
export function readBlobStream(id: string): ReadableStream<Uint8Array> {
  let seq = 0;
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        const [row] = await db
          .select({ data: blobChunks.data })
          .from(blobChunks)
          .where(and(eq(blobChunks.blobId, id), eq(blobChunks.seq, seq)));
        if (!row) {
          controller.close();
          return;
        }
        seq += 1;
        controller.enqueue(new Uint8Array(row.data));
      },
    },
    { highWaterMark: 1 },
  );
}
