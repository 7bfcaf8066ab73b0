// Draws the site's icons from one SVG: app/icon.svg (favicon), app/favicon.ico, app/apple-icon.png
// and the web manifest's PNGs in public/icons. Run after changing the drawing:
//   node scripts/make-icons.mjs
// (Chromium renders the PNGs; CHROMIUM_PATH as for the end-to-end tests.)
import { writeFileSync } from 'node:fs';
import { chromium } from '@playwright/test';

// A white "C" and an amber seat on the brand's dark green, inside the maskable safe zone.
const svg = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 512 512">
  <rect width="512" height="512" rx="96" fill="#0b4a45"/>
  <path d="M352 160 A136 136 0 1 0 352 352" fill="none" stroke="#ffffff" stroke-width="72" stroke-linecap="round"/>
  <circle cx="392" cy="256" r="40" fill="#fbbf24"/>
</svg>
`;

writeFileSync('app/icon.svg', svg);

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
const page = await browser.newPage();
async function png(size) {
  await page.setViewportSize({ width: size, height: size });
  await page.setContent(`<html><body style="margin:0;background:transparent">${svg.replace('<svg ', `<svg width="${size}" height="${size}" `)}</body></html>`);
  return page.screenshot({ omitBackground: true, clip: { x: 0, y: 0, width: size, height: size } });
}

for (const size of [192, 512]) writeFileSync(`public/icons/icon-${size}.png`, await png(size));
writeFileSync('app/apple-icon.png', await png(180));

// favicon.ico: one 32 × 32 PNG image in an ICO container (supported by every current browser).
const small = await png(32);
const header = Buffer.alloc(6);
header.writeUInt16LE(0, 0); // reserved
header.writeUInt16LE(1, 2); // type: icon
header.writeUInt16LE(1, 4); // one image
const entry = Buffer.alloc(16);
entry.writeUInt8(32, 0); // width
entry.writeUInt8(32, 1); // height
entry.writeUInt8(0, 2); // no palette
entry.writeUInt8(0, 3); // reserved
entry.writeUInt16LE(1, 4); // colour planes
entry.writeUInt16LE(32, 6); // bits per pixel
entry.writeUInt32LE(small.length, 8); // size of the PNG
entry.writeUInt32LE(6 + 16, 12); // where it starts
writeFileSync('app/favicon.ico', Buffer.concat([header, entry, small]));

await browser.close();
console.log('icons written');
