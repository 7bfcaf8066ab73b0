import 'server-only';

// Filename-safe ASCII: "Débuter avec son smartphone" → "debuter-avec-son-smartphone".
export function fileSlug(text: string): string {
  return (
    text
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '')
      .slice(0, 60) || 'document'
  );
}

// A private file response: never cached by a shared cache, named for the person's downloads.
// The body may be a stream (uploaded files are read chunk by chunk from storage); a name with
// accents gets an RFC 5987 `filename*` beside its ASCII fallback.
export function fileResponse(
  body: string | Uint8Array | ReadableStream<Uint8Array>,
  { type, filename, inline = false, size }: { type: string; filename: string; inline?: boolean; size?: number },
): Response {
  const ascii = filename.normalize('NFD').replace(/[^\x20-\x7e]/g, '').replace(/["\\]/g, '') || 'document';
  const disposition = `${inline ? 'inline' : 'attachment'}; filename="${ascii}"${ascii === filename ? '' : `; filename*=UTF-8''${encodeURIComponent(filename)}`}`;
  const headers: Record<string, string> = {
    'content-type': type,
    'content-disposition': disposition,
    'cache-control': 'private, no-store',
    'x-content-type-options': 'nosniff',
  };
  if (size !== undefined) headers['content-length'] = String(size);
  // A downloaded file never runs as a page of the site, whatever it contains.
  if (!inline) headers['content-security-policy'] = "default-src 'none'; sandbox";
  return new Response(typeof body === 'string' || body instanceof ReadableStream ? body : new Uint8Array(body), { headers });
}
