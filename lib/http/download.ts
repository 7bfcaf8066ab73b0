import 'server-only';

import { slugify } from '@/lib/slug';

// Filename-safe ASCII: "Débuter avec son smartphone" → "debuter-avec-son-smartphone".
export const fileSlug = (text: string): string => slugify(text, 60, 'document');

// THE response of a file (CSV, spreadsheet, PDF, calendar…): private, never cached by a shared
// cache, never sniffed, named for the person's downloads. A name with other than plain ASCII
// also travels in full as `filename*` (RFC 6266). `cache` replaces the private no-store default
// for public files (null: no cache header), `headers` adds to them.
type FileOptions = { type: string; filename: string; inline?: boolean; cache?: string | null; headers?: Record<string, string> };

export function fileResponse(body: string | Uint8Array, { type, filename, inline = false, cache = 'private, no-store', headers = {} }: FileOptions): Response {
  const ascii = filename.normalize('NFD').replace(/[^\x20-\x7e]/g, '').replace(/["\\]/g, '');
  const full = ascii === filename ? '' : `; filename*=UTF-8''${encodeURIComponent(filename)}`;
  return new Response(typeof body === 'string' ? body : new Uint8Array(body), {
    headers: {
      'content-type': type,
      'content-disposition': `${inline ? 'inline' : 'attachment'}; filename="${ascii}"${full}`,
      ...(cache === null ? {} : { 'cache-control': cache }),
      'x-content-type-options': 'nosniff',
      ...headers,
    },
  });
}
