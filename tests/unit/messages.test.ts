import { IntlMessageFormat } from 'intl-messageformat';
import { describe, expect, it } from 'vitest';
import en from '@/messages/en.json';
import fr from '@/messages/fr.json';
import { translator, type MessageKey } from '@/lib/i18n';
import { LEVELS, THEMES } from '@/lib/vocabulary';

function keys(node: unknown, prefix = ''): string[] {
  return Object.entries(node as Record<string, unknown>).flatMap(([k, v]) => (typeof v === 'string' ? [`${prefix}${k}`] : keys(v, `${prefix}${k}.`)));
}

function messageOf(catalogue: unknown, key: string): string {
  return key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], catalogue) as string;
}

// The parts of an ICU message that matter here (element types of @formatjs/icu-messageformat-parser).
type Element = { type: number; value?: string; pluralType?: 'cardinal' | 'ordinal'; options?: Record<string, { value: Element[] }> };
const ARGUMENT = 1;
const SELECT = 5;
const PLURAL = 6;

type Arguments = { simple: Set<string>; plural: Map<string, Set<string>>; ordinal: Set<string>; select: Map<string, string[]> };

function argumentsOf(message: string, locale: string): Arguments {
  const found: Arguments = { simple: new Set(), plural: new Map(), ordinal: new Set(), select: new Map() };
  const walk = (elements: Element[]) => {
    for (const el of elements) {
      if (el.type === ARGUMENT) found.simple.add(el.value!);
      if (el.type === PLURAL) found.plural.set(el.value!, new Set([...(found.plural.get(el.value!) ?? []), ...Object.keys(el.options!)]));
      if (el.type === PLURAL && el.pluralType === 'ordinal') found.ordinal.add(el.value!);
      if (el.type === SELECT) found.select.set(el.value!, Object.keys(el.options!));
      for (const option of Object.values(el.options ?? {})) walk(option.value);
    }
  };
  walk(new IntlMessageFormat(message, locale, undefined, { ignoreTag: true }).getAst() as unknown as Element[]);
  return found;
}

const frKeys = keys(fr);
const counted = frKeys.filter((key) => argumentsOf(messageOf(fr, key), 'fr').plural.size > 0);

describe('message files', () => {
  it('have the same keys in French and English', () => {
    expect(keys(en).sort()).toEqual(frKeys.slice().sort());
  });

  it('label every theme and level code', () => {
    const t = translator('fr');
    for (const theme of THEMES) expect(t(`themes.${theme}` as never)).not.toBe(`themes.${theme}`);
    for (const level of LEVELS) expect(t(`levels.${level}` as never)).not.toBe(`levels.${level}`);
    expect(t('themes.demarches')).toBe('Aide aux démarches administratives');
  });

  it('fills in variables', () => {
    expect(translator('fr')('layout.signedInAs', { name: 'Annie' })).toBe('Connecté : Annie');
  });

  it('are all valid ICU messages, in both languages', () => {
    for (const [locale, catalogue] of [['fr', fr], ['en', en]] as const) {
      for (const key of frKeys) expect(() => argumentsOf(messageOf(catalogue, key), locale), `${locale} ${key}`).not.toThrow();
    }
  });

  it('never print a count without a plural: every {count} is an ICU plural, in French and in English alike', () => {
    for (const key of frKeys) {
      const inFrench = argumentsOf(messageOf(fr, key), 'fr');
      const inEnglish = argumentsOf(messageOf(en, key), 'en');
      expect(inFrench.simple.has('count'), `fr ${key} prints {count} without a plural`).toBe(false);
      expect(inEnglish.simple.has('count'), `en ${key} prints {count} without a plural`).toBe(false);
      // English may leave an invariable word as a plain number ("3 signed up"), but never the reverse.
      for (const name of inEnglish.plural.keys()) expect(inFrench.plural.has(name), `${key}: {${name}} is a plural in English only`).toBe(true);
    }
  });

  it('keeps a phrase that no longer leaves a locale on a fallback: a broken variable still shows the text', () => {
    expect(translator('fr')('mediation.confirmedCount', {})).toContain('inscrit');
  });

  describe('render every French message that takes a count with 0, 1 and 2', () => {
    it('has such messages', () => {
      expect(counted.length).toBeGreaterThan(30);
    });

    // Other arguments get neutral values; selects take their first case.
    function render(locale: 'fr' | 'en', key: string, name: string, n: number): string {
      const args = argumentsOf(messageOf(locale === 'fr' ? fr : en, key), locale);
      const vars: Record<string, string | number> = {};
      for (const simple of args.simple) vars[simple] = 'X';
      for (const other of args.plural.keys()) vars[other] = 7;
      for (const [select, cases] of args.select) vars[select] = cases[0]!;
      vars[name] = n;
      return translator(locale)(key as MessageKey, vars);
    }

    it.each(counted)('%s', (key) => {
      const args = argumentsOf(messageOf(fr, key), 'fr');
      for (const [name, options] of args.plural) {
        const [zero, one, two] = [0, 1, 2].map((n) => render('fr', key, name, n)) as [string, string, string];
        for (const text of [zero, one, two]) {
          expect(text, `${key}: every placeholder is filled`).not.toMatch(/[{}#]/);
        }
        // "1ʳᵉ", "2ᵉ": an ordinal has no singular and plural.
        if (args.ordinal.has(name)) continue;
        // French says "0 inscrit", like "1 inscrit": zero takes the singular unless the message
        // says something else for it (=0). A "one" case written "1 place" instead of "# place"
        // would print "1 place" for 0: this catches it.
        if (!options.has('=0')) expect(zero, `${key}: 0 takes the singular`).toBe(one.replace(/\b1\b/g, '0'));
        // 2 takes the plural form, which differs from the singular beyond the number.
        if (options.has('one') && !options.has('=1')) expect(two.replace(/\b2\b/g, '1'), `${key}: 2 takes the plural`).not.toBe(one);

        if (argumentsOf(messageOf(en, key), 'en').plural.has(name)) {
          const [enZero, enOne, enTwo] = [0, 1, 2].map((n) => render('en', key, name, n)) as [string, string, string];
          for (const text of [enZero, enOne, enTwo]) expect(text, `en ${key}`).not.toMatch(/[{}#]/);
          // English says "0 places", like "2 places".
          if (!options.has('=0') && !argumentsOf(messageOf(en, key), 'en').plural.get(name)!.has('=0')) expect(enZero, `en ${key}: 0 takes the plural`).toBe(enTwo.replace(/\b2\b/g, '0'));
        }
      }
    });

    it('reads as people expect', () => {
      const t = translator('fr');
      expect([0, 1, 2].map((count) => t('mediation.confirmedCount', { count }))).toEqual(['0 inscrit', '1 inscrit', '2 inscrits']);
      expect([0, 1, 2].map((count) => t('catalogue.seatsLeft', { count }))).toEqual(['0 place libre', '1 place libre', '2 places libres']);
      expect(t('workshop.past', { count: 0 })).toBe('C’est un nouvel atelier : aucune séance n’a encore eu lieu.');
      expect([1, 2, 3].map((position) => t('myEnrollments.waitlisted', { position }))).toEqual(['Liste d’attente : vous êtes 1ʳᵉ', 'Liste d’attente : vous êtes 2ᵉ', 'Liste d’attente : vous êtes 3ᵉ']);
      expect(translator('en')('myEnrollments.waitlisted', { position: 2 })).toBe('Waiting list: you are 2nd');
      // Big counts are grouped the French way (a narrow no-break space).
      expect(t('catalogue.found', { count: 1500 })).toBe('1\u202f500 ateliers trouvés');
    });
  });
});
