// THE slug maker. "Débuter avec son smartphone !" → "debuter-avec-son-smartphone". Used for the
// stable addresses of workshops and places (a slug is made once, when the thing is created, and
// then kept) and, shorter, for the names of downloaded files.
export function slugify(text: string, maxLength = 80, fallback = 'sans-titre'): string {
  const slug = text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/œ/gi, 'oe')
    .replace(/æ/gi, 'ae')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, maxLength)
    .replace(/-+$/g, '');
  return slug || fallback;
}

// The candidates for a unique slug: "atelier", "atelier-2", "atelier-3"…
export function slugCandidate(base: string, attempt: number): string {
  return attempt <= 1 ? base : `${base}-${attempt}`;
}
