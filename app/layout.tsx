import type { Metadata, Viewport } from 'next';
import Link from 'next/link';
import { setLanguage, signOutAction } from './actions';
import { getActor } from '@/lib/auth/actor';
import { can } from '@/lib/auth/policy';
import { getLocale, getT } from '@/lib/i18n';
import './globals.css';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getT();
  return { title: { default: t('meta.title'), template: `%s — Comptoir` }, description: t('meta.description') };
}

export const viewport: Viewport = { width: 'device-width', initialScale: 1 };

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  const [actor, locale, t] = await Promise.all([getActor(), getLocale(), getT()]);
  const links = [
    { href: '/ateliers', label: t('layout.workshops'), show: true },
    { href: '/lieux', label: t('layout.places'), show: true },
    { href: '/mon-espace', label: t('layout.mySpace'), show: can(actor, 'myspace:view') },
    { href: '/mediation', label: t('layout.mediation'), show: can(actor, 'mediation:view') },
    { href: '/coordination', label: t('layout.coordination'), show: can(actor, 'coordination:view') },
    { href: '/admin', label: t('layout.admin'), show: can(actor, 'admin:view') },
  ].filter((l) => l.show);

  return (
    <html lang={locale}>
      <body className="flex min-h-screen flex-col">
        <a href="#contenu" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:px-4 focus:py-2">
          {t('layout.skip')}
        </a>
        <header className="border-b border-slate-300 bg-brand-50">
          <div className="mx-auto flex max-w-5xl flex-wrap items-center justify-between gap-3 px-4 py-3">
            <Link href="/" className="text-2xl font-bold text-brand-900 no-underline">
              {t('layout.brand')}
              <span className="block text-sm font-normal text-slate-700">{t('layout.tagline')}</span>
            </Link>
            <div className="flex flex-wrap items-center gap-2">
              <form action={setLanguage}>
                <input type="hidden" name="locale" value={locale === 'fr' ? 'en' : 'fr'} />
                <button type="submit" className="min-h-11 rounded px-3 text-base text-brand-800 underline" lang={locale === 'fr' ? 'en' : 'fr'} aria-label={t('layout.switchToLabel')}>
                  {t('layout.switchTo')}
                </button>
              </form>
              {actor ? (
                <form action={signOutAction}>
                  <span className="mr-2 text-sm text-slate-700">{t('layout.signedInAs', { name: actor.name })}</span>
                  <button type="submit" className="btn-secondary min-h-11 text-base">
                    {t('layout.signOut')}
                  </button>
                </form>
              ) : (
                <>
                  <Link href="/connexion" className="btn-secondary min-h-11">
                    {t('layout.signIn')}
                  </Link>
                  <Link href="/inscription" className="btn min-h-11">
                    {t('layout.signUp')}
                  </Link>
                </>
              )}
            </div>
          </div>
          <nav aria-label={t('layout.mainNav')} className="mx-auto max-w-5xl px-4 pb-2">
            <ul className="flex flex-wrap gap-x-1 gap-y-1">
              {links.map((link) => (
                <li key={link.href}>
                  <Link href={link.href} className="inline-flex min-h-11 items-center rounded px-3 font-semibold">
                    {link.label}
                  </Link>
                </li>
              ))}
            </ul>
          </nav>
        </header>
        <main id="contenu" tabIndex={-1} className="mx-auto w-full max-w-5xl flex-1 px-4 py-6">
          {children}
        </main>
        <footer className="border-t border-slate-300 bg-slate-50">
          <p className="mx-auto max-w-5xl px-4 py-4 text-sm text-slate-700">{t('layout.footer')}</p>
        </footer>
      </body>
    </html>
  );
}
