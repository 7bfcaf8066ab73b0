'use server';
import { cookies, headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { signOut } from '@/lib/auth/config';
import { safeReturnPath } from '@/lib/auth/guard';
import { formAction, formFields, noFormFields } from '@/lib/http/action';
import { LOCALE_COOKIE } from '@/lib/i18n';

// Stays on the same page: the form is posted from it, so the referrer names it.
export const setLanguage = formAction(formFields('locale'), async (input) => {
  const locale = input.locale === 'en' ? 'en' : 'fr';
  (await cookies()).set(LOCALE_COOKIE, locale, { path: '/', maxAge: 365 * 24 * 3600, sameSite: 'lax' });
  const referer = (await headers()).get('referer');
  let back = '/';
  if (referer) {
    const url = new URL(referer);
    back = safeReturnPath(url.pathname + url.search, '/');
  }
  redirect(back);
});

export const signOutAction = formAction(noFormFields, async () => {
  await signOut({ redirectTo: '/' });
});
