// The resources part of `npm run bench` (kept apart so that bench.ts stays easy to merge):
// - search targets over the 20,000 resources of `--scale large` (their p95 is in the table);
// - a memory check: the server's resident memory while 20 clients download a 25 MB file at once
//   (files are streamed chunk by chunk from the database, so it must stay flat).
import { execFileSync } from 'node:child_process';
import type { BenchTarget } from './bench';

export const RESOURCE_TARGETS: BenchTarget[] = [
  { name: 'ressources, liste', path: '/ressources' },
  { name: 'ressources, recherche « démarches caf »', path: '/ressources?q=d%C3%A9marches%20caf' },
  { name: 'ressources, recherche « motdepasse » + filtres', path: '/ressources?q=mots%20de%20pase&theme=securite&sort=useful' },
  { name: 'API GET /api/v1/resources?q=smartphone', path: '/api/v1/resources?q=smartphone' },
];

export const BIG_FILE_SLUG = 'mesure-fichier-de-25-mo';
const BIG_FILE_BYTES = 25 * 1024 * 1024;

type Db = typeof import('@/db').db;

// Before the server starts (PGlite allows one process): checks the 20,000 resources are there
// and adds, once, a public resource with a 25 MB file. Returns a line for the report.
export async function prepareResourceBench(db: Db): Promise<string> {
  const { sql, eq } = await import('drizzle-orm');
  const { resources, resourceFiles, places, users } = await import('@/db/schema');
  const [{ n } = { n: 0 }] = await db.select({ n: sql<number>`count(*)::int` }).from(resources);
  if (n < 20_000) throw new Error(`La base de mesure contient ${n} ressources, pas les 20 000 de « --scale large » : relancez avec --reseed.`);
  const [existing] = await db.select({ id: resources.id }).from(resources).where(eq(resources.slug, BIG_FILE_SLUG));
  if (!existing) {
    const { storeStream } = await import('@/lib/storage');
    const [place] = await db.select({ id: places.id }).from(places).limit(1);
    const [author] = await db.select({ id: users.id }).from(users).limit(1);
    async function* bytes() {
      const piece = new Uint8Array(1024 * 1024);
      piece.set(new TextEncoder().encode('%PDF-1.7\n'));
      for (let i = 0; i < 25; i++) yield piece.map((b, j) => (j < 9 ? b : (i * 31 + j) % 251));
    }
    const blob = await storeStream(bytes(), { maxBytes: BIG_FILE_BYTES });
    const [row] = await db
      .insert(resources)
      .values({ slug: BIG_FILE_SLUG, title: 'Mesure : un fichier de 25 Mo', type: 'support-atelier', licence: 'cc-by', visibility: 'public', placeId: place!.id, authorId: author!.id, publishedAt: new Date() })
      .returning({ id: resources.id });
    await db.insert(resourceFiles).values({ resourceId: row!.id, blobId: blob.id, name: 'gros-fichier.pdf', contentType: blob.contentType, size: blob.size, sha256: blob.sha256 });
  }
  return `${n} ressources`;
}

// Resident memory (MB) of every process of the server's process group.
function serverRssMb(groupId: number): number {
  const out = execFileSync('ps', ['-eo', 'pgid=,rss='], { encoding: 'utf8' });
  let kb = 0;
  for (const line of out.trim().split('\n')) {
    const [pgid, rss] = line.trim().split(/\s+/).map(Number);
    if (pgid === groupId) kb += rss ?? 0;
  }
  return kb / 1024;
}

// 20 clients download the 25 MB file at the same time; the server's memory is sampled every
// 100 ms. Prints the baseline, the peak and the bytes received.
export async function benchBigDownloads(baseUrl: string, serverGroupId: number | undefined, clients = 20): Promise<void> {
  const info = await (await fetch(`${baseUrl}/api/v1/resources/${BIG_FILE_SLUG}`)).json();
  const url = new URL(info.files[0].url, baseUrl).toString();
  await (await fetch(url)).arrayBuffer(); // warm-up
  const baseline = serverGroupId ? serverRssMb(serverGroupId) : NaN;
  let peak = baseline;
  const timer = serverGroupId ? setInterval(() => (peak = Math.max(peak, serverRssMb(serverGroupId))), 100) : undefined;
  const started = performance.now();
  const sizes = await Promise.all(
    Array.from({ length: clients }, async () => {
      const response = await fetch(url);
      let received = 0;
      // Read as a stream and drop the bytes: the client holds no file either.
      for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) received += chunk.byteLength;
      return response.ok ? received : -1;
    }),
  );
  clearInterval(timer);
  const seconds = (performance.now() - started) / 1000;
  const ok = sizes.filter((s) => s === BIG_FILE_BYTES).length;
  console.log('');
  console.log(`Téléchargements simultanés : ${clients} clients × 25 Mo en ${seconds.toFixed(1)} s, ${ok}/${clients} complets.`);
  if (serverGroupId) {
    console.log(`Mémoire du serveur (RSS) : ${baseline.toFixed(0)} Mo avant, ${peak.toFixed(0)} Mo au plus pendant (+${(peak - baseline).toFixed(0)} Mo ; ${clients * 25} Mo si chaque fichier était chargé en entier).`);
  }
  if (ok !== clients) process.exitCode = 1;
}
