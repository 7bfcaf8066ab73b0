import 'server-only';
import { getLocale } from '@/lib/i18n';
import en from '@/messages/en.json';
import fr from '@/messages/fr.json';

// The message sections that the staff forms (client components) need, in the reader's language.
export async function staffMessages() {
  const messages = (await getLocale()) === 'en' ? en : fr;
  return { manage: messages.manage, themes: messages.themes, levels: messages.levels };
}
export type StaffMessages = Awaited<ReturnType<typeof staffMessages>>;
