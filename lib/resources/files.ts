import 'server-only';
import { and, eq, sql } from 'drizzle-orm';
import { db } from '@/db';
import { isUuid } from '@/lib/ids';
import { blobs, resourceFiles, resources } from '@/db/schema';
import { writeAudit } from '@/lib/audit';
import { type Actor } from '@/lib/auth/policy';
import { NotFoundError } from '@/lib/errors';
import { readBlobStream, storeStream } from '@/lib/storage';
import { makePreview } from './previews';
import { fileUrl, loadVisible } from './reads';
import { loadForEdit } from './writes';

// The files of a resource: adding, removing, downloading, thumbnails.

export type StoredFile = { id: string; name: string; contentType: string; size: number; sha256: string; url: string };

// A file name as shown and offered for download: no path, no control characters.
export function cleanFileName(name: string, ext: string): string {
  const base = (name.split(/[\\/]/).pop() ?? '')
    .replace(/[\u0000-\u001f\u007f"]/g, '')
    .trim()
    .slice(0, 150);
  const stem = base.replace(/\.[^.]*$/, '') || 'document';
  return `${stem}.${ext}`;
}

// Adds a file to a resource, read from a stream (see lib/storage: type, size, dedup). The
// permission is checked before a single byte is read.
export async function addResourceFile(actor: Actor | null, slug: string, file: { name: string; stream: ReadableStream<Uint8Array> | AsyncIterable<Uint8Array> }): Promise<StoredFile> {
  const resource = await loadForEdit(db, actor, slug);
  const blob = await storeStream(file.stream);
  const name = cleanFileName(file.name, blob.ext);
  const previewBlobId = await makePreview(blob);
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(resourceFiles)
      .values({ resourceId: resource.id, blobId: blob.id, previewBlobId, name, contentType: blob.contentType, size: blob.size, sha256: blob.sha256, createdById: actor!.id })
      .returning({ id: resourceFiles.id });
    await tx.update(resources).set({ updatedAt: new Date() }).where(eq(resources.id, resource.id));
    await writeAudit(tx, { actorId: actor!.id, action: 'resource.file.add', entityType: 'resource', entityId: resource.id, after: { name, sha256: blob.sha256, size: blob.size } });
    return { id: row!.id, name, contentType: blob.contentType, size: blob.size, sha256: blob.sha256, url: fileUrl(slug, row!.id) };
  });
}

export async function removeResourceFile(actor: Actor | null, slug: string, fileId: string): Promise<void> {
  const resource = await loadForEdit(db, actor, slug);
  await db.transaction(async (tx) => {
    const removed = await tx
      .delete(resourceFiles)
      .where(and(eq(resourceFiles.id, fileId), eq(resourceFiles.resourceId, resource.id)))
      .returning({ name: resourceFiles.name });
    if (removed.length === 0) throw new NotFoundError('Ce fichier n’existe pas.');
    await writeAudit(tx, { actorId: actor!.id, action: 'resource.file.remove', entityType: 'resource', entityId: resource.id, before: removed[0] });
  });
}

// A file to download, for those who may see the resource. Counts the download unless the
// author downloads their own file.
export async function openResourceFile(
  actor: Actor | null,
  slug: string,
  fileId: string,
): Promise<{ name: string; contentType: string; size: number; stream: ReadableStream<Uint8Array> }> {
  const resource = await loadVisible(db, actor, slug);
  const [file] = isUuid(fileId)
    ? await db
        .select()
        .from(resourceFiles)
        .where(and(eq(resourceFiles.id, fileId), eq(resourceFiles.resourceId, resource.id)))
    : [];
  if (!file) throw new NotFoundError('Ce fichier n’existe pas.');
  if (actor?.id !== resource.authorId) {
    await db.transaction(async (tx) => {
      await tx
        .update(resourceFiles)
        .set({ downloads: sql`${resourceFiles.downloads} + 1` })
        .where(eq(resourceFiles.id, file.id));
      await tx
        .update(resources)
        .set({ downloads: sql`${resources.downloads} + 1` })
        .where(eq(resources.id, resource.id));
    });
  }
  return { name: file.name, contentType: file.contentType, size: file.size, stream: readBlobStream(file.blobId) };
}

// The thumbnail of an image file, for those who may see the resource (not a download: not
// counted).
export async function openResourcePreview(actor: Actor | null, slug: string, fileId: string): Promise<{ stream: ReadableStream<Uint8Array>; size: number }> {
  const resource = await loadVisible(db, actor, slug);
  const [file] = isUuid(fileId)
    ? await db
        .select({ previewBlobId: resourceFiles.previewBlobId, size: blobs.size })
        .from(resourceFiles)
        .innerJoin(blobs, eq(blobs.id, resourceFiles.previewBlobId))
        .where(and(eq(resourceFiles.id, fileId), eq(resourceFiles.resourceId, resource.id)))
    : [];
  if (!file?.previewBlobId) throw new NotFoundError('Pas d’aperçu pour ce fichier.');
  return { stream: readBlobStream(file.previewBlobId), size: file.size };
}
