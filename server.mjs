// Production server: `npm start` (the same as `next start`, plus two things). The socket address
// of each request is put in the x-comptoir-peer header, overwriting anything a client sent, so
// that lib/http/client-address.ts can tell the real client from a forged X-Forwarded-For. And
// the public pages are answered from a short-lived cache of their rendered HTML, one version for
// visitors and one for signed-in people, fresh nonce each time (lib/http/page-cache.mjs).
import { createServer } from 'node:http';
import next from 'next';
import { createPageCache, forgetClientClaims } from './lib/http/page-cache.mjs';

const args = process.argv.slice(2);
const option = (short, long) => {
  const index = args.findIndex((a) => a === short || a === long);
  return index >= 0 ? args[index + 1] : undefined;
};
const port = Number(option('-p', '--port') ?? process.env.PORT ?? 3000);
const hostname = option('-H', '--hostname') ?? process.env.HOSTNAME ?? '0.0.0.0';

// Production refuses to start half-configured: no signing secret, no public address, or no
// database named (an embedded PGlite only when PGLITE_DIR asks for it, never silently, since
// several instances would each get their own).
const missing = [
  !process.env.AUTH_SECRET && 'AUTH_SECRET',
  !process.env.APP_URL && 'APP_URL',
  !process.env.DATABASE_URL && !process.env.PGLITE_DIR && 'DATABASE_URL (or PGLITE_DIR for a single embedded instance)',
].filter(Boolean);
if (missing.length > 0) {
  console.error(`Refusing to start in production without: ${missing.join(', ')}. See README, Configuration.`);
  process.exit(1);
}

const app = next({ dev: false, hostname, port });
const handle = app.getRequestHandler();
await app.prepare();
const pages = createPageCache();
createServer((request, response) => {
  request.headers['x-comptoir-peer'] = request.socket.remoteAddress ?? '';
  forgetClientClaims(request);
  if (pages.serve(request, response)) return;
  pages.capture(request, response);
  handle(request, response);
}).listen(port, hostname, () => {
  console.log(`Comptoir ready on http://${hostname === '0.0.0.0' ? 'localhost' : hostname}:${port}`);
});
