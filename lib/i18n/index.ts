import 'server-only';
import { IntlMessageFormat } from 'intl-messageformat';
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
// Messages are ICU MessageFormat: "{name}", and "{count, plural, one {# place} other {# places}}"
// for anything counted (see tests/unit/messages.test.ts).
export type Translate = (key: MessageKey, vars?: Record<string, string | number>) => string;

function lookup(messages: Messages, key: string): string | undefined {
  let node: unknown = messages;
  for (const part of key.split('.')) node = (node as Record<string, unknown> | undefined)?.[part];
  return typeof node === 'string' ? node : undefined;
}

// Each message is parsed once per locale, on first use.
const compiled = new Map<string, IntlMessageFormat>();

function formatOf(locale: Locale, key: string, template: string): IntlMessageFormat {
  const id = `${locale}\u0000${key}`;
  let format = compiled.get(id);
  if (!format) {
    format = new IntlMessageFormat(template, locale === 'en' ? 'en-GB' : 'fr-FR', undefined, { ignoreTag: true });
    compiled.set(id, format);
  }
  return format;
}

// A message never breaks a page: a missing variable or a malformed message falls back to plain
// "{name}" replacement, leaving unknown names visible for the developer to spot.
function plainFill(template: string, vars: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (_, name: string) => String(vars[name] ?? `{${name}}`));
}

export function translator(locale: Locale): Translate {
  return (key, vars) => {
    const own = lookup(catalogues[locale], key);
    const template = own ?? lookup(fr, key) ?? key;
    try {
      return String(formatOf(own === undefined ? 'fr' : locale, key, template).format(vars ?? {}));
    } catch {
      return plainFill(template, vars ?? {});
    }
  };
}

export const getLocale = cache(async (): Promise<Locale> => {
  const value = (await cookies()).get(LOCALE_COOKIE)?.value;
  return value === 'en' ? 'en' : 'fr';
});

export const getT = cache(async (): Promise<Translate> => translator(await getLocale()));
