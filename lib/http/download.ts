import 'server-only';

import { slugify } from '@/lib/slug';

// Filename-safe ASCII: "Débuter avec son smartphone" → "debuter-avec-son-smartphone".
export const fileSlug = (text: string): string => slugify(text, 60, 'document');

// THE response of a file (CSV, spreadsheet, PDF, calendar, uploaded file…): private, never cached
// by a shared cache, never sniffed, named for the person's downloads. The body may be a stream
// (uploaded files are read chunk by chunk from storage). A name with other than plain ASCII also
// travels in full as `filename*` (RFC 6266). `cache` replaces the private no-store default for
// public files (null: no cache header), `headers` adds to them. A downloaded attachment never runs
// as a page of the site, whatever it contains (sandboxing CSP).
type FileOptions = { type: string; filename: string; inline?: boolean; size?: number; cache?: string | null; headers?: Record<string, string> };

export function fileResponse(body: string | Uint8Array | ReadableStream<Uint8Array>, { type, filename, inline = false, size, cache = 'private, no-store', headers = {} }: FileOptions): Response {
  const ascii = filename.normalize('NFD').replace(/[^\x20-\x7e]/g, '').replace(/["\\]/g, '') || 'document';
  const full = ascii === filename ? '' : `; filename*=UTF-8''${encodeURIComponent(filename)}`;
  return new Response(typeof body === 'string' || body instanceof ReadableStream ? body : new Uint8Array(body), {
    headers: {
      'content-type': type,
      'content-disposition': `${inline ? 'inline' : 'attachment'}; filename="${ascii}"${full}`,
      ...(cache === null ? {} : { 'cache-control': cache }),
      'x-content-type-options': 'nosniff',
      ...(size === undefined ? {} : { 'content-length': String(size) }),
      ...(inline ? {} : { 'content-security-policy': "default-src 'none'; sandbox" }),
      ...headers,
    },
  });
}
