import type { MetadataRoute } from 'next';
import fr from '@/messages/fr.json';

// The web manifest: the site can be added to a phone's home screen, with its name and icons.
export default function manifest(): MetadataRoute.Manifest {
  return {
    name: fr.meta.title,
    short_name: fr.layout.brand,
    description: fr.meta.description,
    lang: 'fr',
    start_url: '/',
    scope: '/',
    display: 'standalone',
    background_color: '#ffffff',
    theme_color: '#0b4a45',
    icons: [
      { src: '/icon.svg', type: 'image/svg+xml', sizes: 'any', purpose: 'any' },
      { src: '/icons/icon-192.png', type: 'image/png', sizes: '192x192', purpose: 'any' },
      { src: '/icons/icon-512.png', type: 'image/png', sizes: '512x512', purpose: 'any' },
      { src: '/icons/icon-512.png', type: 'image/png', sizes: '512x512', purpose: 'maskable' },
    ],
  };
}
