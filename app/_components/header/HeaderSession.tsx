import Link from 'next/link';
import { signOutAction } from '@/app/actions';
import { getActor } from '@/lib/auth/actor';
import { can } from '@/lib/auth/policy';
import { getT } from '@/lib/i18n';

// A link of the main navigation: a full-width row on a phone, inline from md.
export const navLinkClass = 'flex min-h-12 items-center rounded px-3 font-semibold md:inline-flex md:min-h-11';

// The personal part of the header, in one piece so that it can be fetched on its own while the
// rest of the page is shared: the links of the person's roles, then their name and "Se
// déconnecter" (or, for a visitor, "Se connecter" and "Créer un compte"). Renders list items of
// the main navigation.
export async function HeaderSession() {
  const [actor, t] = await Promise.all([getActor(), getT()]);
  const roleLinks = [
    { href: '/mon-espace', label: t('layout.mySpace'), show: can(actor, 'myspace:view') },
    { href: '/mediation', label: t('layout.mediation'), show: can(actor, 'mediation:view') },
    { href: '/coordination', label: t('layout.coordination'), show: can(actor, 'coordination:view') },
    { href: '/admin', label: t('layout.admin'), show: can(actor, 'admin:view') },
  ].filter((l) => l.show);

  return (
    <>
      {roleLinks.map((link) => (
        <li key={link.href}>
          <Link href={link.href} className={navLinkClass}>
            {link.label}
          </Link>
        </li>
      ))}
      <li className="mt-2 border-t border-slate-300 pt-3 md:mt-0 md:ml-auto md:border-0 md:pt-0">
        {actor ? (
          <form action={signOutAction} className="flex flex-wrap items-center gap-x-3 gap-y-2">
            <span className="text-sm text-slate-700">{t('layout.signedInAs', { name: actor.name })}</span>
            <button type="submit" className="btn-secondary min-h-11 w-full text-base sm:w-auto">
              {t('layout.signOut')}
            </button>
          </form>
        ) : (
          <div className="flex flex-wrap gap-2">
            <Link href="/connexion" className="btn-secondary min-h-11 flex-1 sm:flex-none">
              {t('layout.signIn')}
            </Link>
            <Link href="/inscription" className="btn-secondary min-h-11 flex-1 sm:flex-none">
              {t('layout.signUp')}
            </Link>
          </div>
        )}
      </li>
    </>
  );
}
