import Link from 'next/link';
import { signOutAction } from '@/app/actions';

// A link of the main navigation: a full-width row on a phone, inline from md.
export const navLinkClass = 'flex min-h-12 items-center rounded px-3 font-semibold md:inline-flex md:min-h-11';

export type SessionLabels = {
  spaces: Record<'myspace' | 'mediation' | 'coordination' | 'admin', string>;
  // "Connecté : {name}", with the placeholder left in (filled in here).
  signedInAs: string;
  signOut: string;
  signIn: string;
  signUp: string;
};

export type SessionState = { name: string; spaces: { code: keyof SessionLabels['spaces']; href: string }[] } | null;

// The personal part of the main navigation, as list items: the links of the person's spaces,
// then their name and "Se déconnecter" — or, for a visitor, "Se connecter" and "Créer un compte".
// Drawn the same whether the server knows the person (HeaderSession) or the browser asks
// (HeaderSessionIsland).
export function SessionLinks({ state, labels }: { state: SessionState; labels: SessionLabels }) {
  return (
    <>
      {state?.spaces.map((space) => (
        <li key={space.code}>
          <Link href={space.href} className={navLinkClass}>
            {labels.spaces[space.code]}
          </Link>
        </li>
      ))}
      <li className="mt-2 border-t border-slate-300 pt-3 md:mt-0 md:ml-auto md:border-0 md:pt-0">
        {state ? (
          <form action={signOutAction} className="flex flex-wrap items-center gap-x-3 gap-y-2">
            <span className="text-sm text-slate-700">{labels.signedInAs.replace('{name}', () => state.name)}</span>
            <button type="submit" className="btn-secondary min-h-11 w-full text-base sm:w-auto">
              {labels.signOut}
            </button>
          </form>
        ) : (
          <div className="flex flex-wrap gap-2">
            <Link href="/connexion" className="btn-secondary min-h-11 flex-1 sm:flex-none">
              {labels.signIn}
            </Link>
            <Link href="/inscription" className="btn-secondary min-h-11 flex-1 sm:flex-none">
              {labels.signUp}
            </Link>
          </div>
        )}
      </li>
    </>
  );
}
