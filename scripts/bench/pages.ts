// What a browser downloads for a public page: the JavaScript files its HTML names (first load,
// gzip as served), and the HTML itself with its inline payload.
import { gzipSync } from 'node:zlib';

const gz = (bytes: Uint8Array | string) => gzipSync(bytes).length;

export type PageWeight = { path: string; scripts: number; jsGzip: number; jsGzipModern: number; htmlBytes: number; htmlGzip: number; inlineScript: number };

// The scripts of the served HTML (src="/_next/…"), each fetched and gzipped; `jsGzipModern`
// leaves out the `noModule` ones that current browsers skip.
export async function pageWeight(baseUrl: string, path: string): Promise<PageWeight> {
  const html = await (await fetch(new URL(path, baseUrl))).text();
  const tags = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
  let jsGzip = 0;
  let jsGzipModern = 0;
  let inlineScript = 0;
  const seen = new Set<string>();
  for (const [, attributes, body] of tags) {
    const src = /\ssrc="([^"]+)"/.exec(attributes!)?.[1];
    if (!src) {
      inlineScript += Buffer.byteLength(body!);
      continue;
    }
    if (seen.has(src)) continue;
    seen.add(src);
    const size = gz(new Uint8Array(await (await fetch(new URL(src.replace(/&amp;/g, '&'), baseUrl))).arrayBuffer()));
    jsGzip += size;
    if (!/\snomodule\b/i.test(attributes!)) jsGzipModern += size;
  }
  return { path, scripts: seen.size, jsGzip, jsGzipModern, htmlBytes: Buffer.byteLength(html), htmlGzip: gz(html), inlineScript };
}

// The id of a session still open on the public pages, for /seances/[id].
export async function publicSessionPath(baseUrl: string): Promise<string | null> {
  const html = await (await fetch(new URL('/ateliers', baseUrl))).text();
  const workshop = /href="(\/ateliers\/[^"?#]+)"/.exec(html)?.[1];
  if (!workshop) return null;
  const page = await (await fetch(new URL(workshop, baseUrl))).text();
  return /href="(\/seances\/[0-9a-f-]{36})"/.exec(page)?.[1] ?? null;
}

export const kB = (bytes: number) => `${(bytes / 1000).toFixed(0)} kB`;
