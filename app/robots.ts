import type { MetadataRoute } from 'next';

// Search engines may index the public catalogue and directory, not personal or staff pages, nor
// the secret addresses (calendar feeds, statistics share links, check-in codes).
export default function robots(): MetadataRoute.Robots {
  return {
    rules: {
      userAgent: '*',
      allow: '/',
      disallow: ['/api/', '/mon-espace', '/mediation', '/coordination', '/admin', '/connexion', '/inscription', '/pointage', '/attestations/', '/statistiques/partage/'],
    },
  };
}
