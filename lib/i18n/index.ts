import 'server-only';
import { cookies } from 'next/headers';
import { cache } from 'react';
import en from '@/messages/en.json';
import fr from '@/messages/fr.json';

export const LOCALES = ['fr', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
export const LOCALE_COOKIE = 'comptoir-lang';

type Messages = typeof fr;
const catalogues: Record<Locale, Messages> = { fr, en };

// "layout.skip", "themes.e-mail"… every leaf of the French catalogue.
type Leaves<T, P extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${P}${K}` : Leaves<T[K], `${P}${K}.`>;
}[keyof T & string];
export type MessageKey = Leaves<Messages>;
export type Translate = (key: MessageKey, vars?: Record<string, string | number>) => string;

function lookup(messages: Messages, key: string): string | undefined {
  let node: unknown = messages;
  for (const part of key.split('.')) node = (node as Record<string, unknown> | undefined)?.[part];
  return typeof node === 'string' ? node : undefined;
}

export function translator(locale: Locale): Translate {
  return (key, vars) => {
    const template = lookup(catalogues[locale], key) ?? lookup(fr, key) ?? key;
    return vars ? template.replace(/\{(\w+)\}/g, (_, name: string) => String(vars[name] ?? `{${name}}`)) : template;
  };
}

export const getLocale = cache(async (): Promise<Locale> => {
  const value = (await cookies()).get(LOCALE_COOKIE)?.value;
  return value === 'en' ? 'en' : 'fr';
});

export const getT = cache(async (): Promise<Translate> => translator(await getLocale()));
