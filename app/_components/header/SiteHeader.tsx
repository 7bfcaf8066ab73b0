import Link from 'next/link';
import { setLanguage } from '@/app/actions';
import { getLocale, getT } from '@/lib/i18n';
import { isSharedRender } from '@/lib/http/shared-render';
import { HeaderSession, sessionLabels } from './HeaderSession';
import { HeaderSessionIsland } from './HeaderSessionIsland';
import { MenuDisclosure } from './MenuDisclosure';
import { navLinkClass } from './SessionLinks';

// The site header: on a phone, the name of the site and a "Menu" button (under 80 px high); from
// the md breakpoint, the language switch beside the name and the main navigation below.
// On a page rendered to be shared by signed-in people (server.mjs), the personal part is filled in
// by the browser.
export async function SiteHeader() {
  const [locale, t, shared] = await Promise.all([getLocale(), getT(), isSharedRender()]);
  return (
    <header className="border-b border-slate-300 bg-brand-50">
      <div className="mx-auto flex max-w-5xl flex-wrap items-center justify-between gap-x-3 px-4 md:pt-2">
        <Link href="/" className="min-w-0 py-2 text-2xl leading-tight font-bold text-brand-900 no-underline">
          {t('layout.brand')}
          <span className="block text-[0.8rem] font-normal text-slate-700 sm:text-sm">{t('layout.tagline')}</span>
        </Link>
        <MenuDisclosure label={t('layout.menu')} panelId="menu-principal">
          <form action={setLanguage}>
            <input type="hidden" name="locale" value={locale === 'fr' ? 'en' : 'fr'} />
            <button type="submit" className="min-h-11 rounded px-3 text-base text-brand-800 underline" lang={locale === 'fr' ? 'en' : 'fr'} aria-label={t('layout.switchToLabel')}>
              {t('layout.switchTo')}
            </button>
          </form>
          <nav aria-label={t('layout.mainNav')} className="md:basis-full md:pb-2">
            <ul className="flex flex-col gap-1 md:flex-row md:flex-wrap md:items-center">
              <li>
                <Link href="/ateliers" className={navLinkClass}>
                  {t('layout.workshops')}
                </Link>
              </li>
              <li>
                <Link href="/lieux" className={navLinkClass}>
                  {t('layout.places')}
                </Link>
              </li>
              <li>
                <Link href="/ressources" className={navLinkClass}>
                  {t('layout.resources')}
                </Link>
              </li>
              {shared ? <HeaderSessionIsland labels={await sessionLabels()} /> : <HeaderSession />}
            </ul>
          </nav>
        </MenuDisclosure>
      </div>
    </header>
  );
}
