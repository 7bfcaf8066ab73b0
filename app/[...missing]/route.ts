import fr from '@/messages/fr.json';
import en from '@/messages/en.json';
import { apiRoute } from '@/lib/http/problem';

// Any address that matches no page gets this small fixed page: no layout to render, no session,
// no database (robots probing "/wp-login.php" cost nothing). Pages that look something up and
// find nothing (an unknown session) render app/not-found.tsx inside the site instead.
const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

const html = `<!doctype html>
<html lang="fr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${escape(fr.errors.notFoundTitle)} — Comptoir</title>
<link rel="icon" href="/favicon.ico" sizes="32x32">
<link rel="stylesheet" href="/page-introuvable.css">
</head>
<body>
<header><a href="/">${escape(fr.layout.brand)}</a></header>
<main>
<h1>${escape(fr.errors.notFoundTitle)}</h1>
<p>${escape(fr.errors.notFoundText)}</p>
<p><a class="btn" href="/">${escape(fr.errors.backHome)}</a></p>
<p><a href="/ateliers">${escape(fr.layout.workshops)}</a> · <a href="/lieux">${escape(fr.layout.places)}</a></p>
<p lang="en">${escape(en.errors.notFoundText)} <a href="/">${escape(en.errors.backHome)}</a></p>
</main>
</body>
</html>
`;

function notFound(): Response {
  return new Response(html, { status: 404, headers: { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'public, max-age=3600' } });
}

export const GET = apiRoute(async () => notFound());
export const HEAD = apiRoute(async () => notFound());
