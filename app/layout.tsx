import type { Metadata, Viewport } from 'next';
import Link from 'next/link';
import { SiteHeader } from './_components/header/SiteHeader';
import { getLocale, getT } from '@/lib/i18n';
import './globals.css';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getT();
  return { title: { default: t('meta.title'), template: `%s — Comptoir` }, description: t('meta.description') };
}

export const viewport: Viewport = { width: 'device-width', initialScale: 1, themeColor: '#0b4a45' };

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  const [locale, t] = await Promise.all([getLocale(), getT()]);

  return (
    <html lang={locale}>
      <body className="flex min-h-screen flex-col">
        <a href="#contenu" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:px-4 focus:py-2">
          {t('layout.skip')}
        </a>
        <SiteHeader />
        <main id="contenu" tabIndex={-1} className="mx-auto w-full max-w-5xl flex-1 px-4 py-6">
          {children}
        </main>
        <footer className="border-t border-slate-300 bg-slate-50">
          <div className="mx-auto max-w-5xl px-4 py-4 text-sm text-slate-700">
            <nav aria-label={t('layout.footerNav')}>
              <ul className="mb-2 flex flex-wrap gap-x-4">
                <li>
                  <Link href="/accessibilite" className="inline-flex min-h-11 items-center">
                    {t('layout.accessibility')}
                  </Link>
                </li>
                <li>
                  <Link href="/confidentialite" className="inline-flex min-h-11 items-center">
                    {t('privacy.footerLink')}
                  </Link>
                </li>
              </ul>
            </nav>
            <p>{t('layout.footer')}</p>
          </div>
        </footer>
      </body>
    </html>
  );
}
