import { getActor } from '@/lib/auth/actor';
import { spacesOf } from '@/lib/auth/spaces';
import { getT } from '@/lib/i18n';
import { SessionLinks, type SessionLabels } from './SessionLinks';

// The labels of the personal part of the header, in the page's language.
export async function sessionLabels(): Promise<SessionLabels> {
  const t = await getT();
  return {
    spaces: { myspace: t('layout.mySpace'), mediation: t('layout.mediation'), coordination: t('layout.coordination'), admin: t('layout.admin') },
    signedInAs: t('layout.signedInAs', { name: '{name}' }),
    signOut: t('layout.signOut'),
    signIn: t('layout.signIn'),
    signUp: t('layout.signUp'),
  };
}

// The personal part of the header, rendered with the page for the person who asked for it.
export async function HeaderSession() {
  const [actor, labels] = await Promise.all([getActor(), sessionLabels()]);
  return <SessionLinks state={actor && { name: actor.name, spaces: spacesOf(actor) }} labels={labels} />;
}
