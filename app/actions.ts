'use server';
import { cookies, headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { signOut } from '@/lib/auth/config';
import { safeReturnPath } from '@/lib/auth/guard';
import { LOCALE_COOKIE } from '@/lib/i18n';

// Stays on the same page: the form is posted from it, so the referrer names it.
export async function setLanguage(formData: FormData): Promise<void> {
  const locale = formData.get('locale') === 'en' ? 'en' : 'fr';
  (await cookies()).set(LOCALE_COOKIE, locale, { path: '/', maxAge: 365 * 24 * 3600, sameSite: 'lax' });
  const referer = (await headers()).get('referer');
  let back = '/';
  if (referer) {
    const url = new URL(referer);
    back = safeReturnPath(url.pathname + url.search, '/');
  }
  redirect(back);
}

export async function signOutAction(): Promise<void> {
  await signOut({ redirectTo: '/' });
}
