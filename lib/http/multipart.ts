import 'server-only';
import { Readable } from 'node:stream';
import type { ReadableStream as NodeWebReadableStream } from 'node:stream/web';
import busboy from 'busboy';
import { UserError } from '@/lib/errors';

// The first file of a multipart/form-data request, as a stream: nothing is buffered here, the
// caller reads (and may stop reading) the bytes. `maxBytes` refuses at once a body that says it
// is larger (Content-Length), before reading anything.
export async function multipartFile(request: Request, { field = 'file', maxBytes }: { field?: string; maxBytes: number }): Promise<{ name: string; stream: Readable }> {
  const type = request.headers.get('content-type') ?? '';
  if (!type.toLowerCase().startsWith('multipart/form-data') || !request.body) {
    throw new UserError(`Envoyez le fichier dans un formulaire (multipart/form-data), champ « ${field} ».`, { status: 400, fieldErrors: { [field]: ['Fichier manquant.'] } });
  }
  const length = Number(request.headers.get('content-length') ?? '0');
  // A little room for the multipart headers around the file.
  if (length > maxBytes + 64 * 1024) {
    const mb = Math.round(maxBytes / (1024 * 1024));
    throw new UserError(`Ce fichier est trop lourd : ${mb} Mo au plus.`, { status: 413, fieldErrors: { [field]: [`${mb} Mo au plus.`] } });
  }
  const parser = busboy({ headers: { 'content-type': type }, limits: { files: 1, fields: 20, fieldSize: 10_000 }, defParamCharset: 'utf8' });
  return new Promise((resolve, reject) => {
    let found = false;
    parser.on('file', (name, stream, info) => {
      if (name !== field || found) {
        stream.resume();
        return;
      }
      found = true;
      resolve({ name: info.filename || 'document', stream });
    });
    parser.on('error', () => reject(new UserError('Le formulaire envoyé est illisible.', { status: 400 })));
    parser.on('close', () => {
      if (!found) reject(new UserError(`Aucun fichier reçu : ajoutez-le dans le champ « ${field} ».`, { status: 400, fieldErrors: { [field]: ['Fichier manquant.'] } }));
    });
    const source = Readable.fromWeb(request.body as unknown as NodeWebReadableStream<Uint8Array>);
    source.on('error', () => parser.destroy());
    source.pipe(parser);
  });
}
