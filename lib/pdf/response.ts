import 'server-only';
import { fileResponse } from '@/lib/http/download';

// The HTTP response of a PDF, shown in the browser (inline) under a readable file name.
export function pdfResponse(bytes: Uint8Array, filename: string, { download = false } = {}): Response {
  return fileResponse(bytes, { type: 'application/pdf', filename, inline: !download });
}
