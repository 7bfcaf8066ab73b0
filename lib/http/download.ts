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
export function fileResponse(body: string | Uint8Array, { type, filename, inline = false }: { type: string; filename: string; inline?: boolean }): Response {
  return new Response(typeof body === 'string' ? body : new Uint8Array(body), {
    headers: {
      'content-type': type,
      'content-disposition': `${inline ? 'inline' : 'attachment'}; filename="${filename}"`,
      'cache-control': 'private, no-store',
      'x-content-type-options': 'nosniff',
    },
  });
}
