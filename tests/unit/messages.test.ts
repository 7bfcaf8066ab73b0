import { describe, expect, it } from 'vitest';
import en from '@/messages/en.json';
import fr from '@/messages/fr.json';
import { translator } from '@/lib/i18n';
import { LEVELS, THEMES } from '@/lib/vocabulary';

function keys(node: unknown, prefix = ''): string[] {
  return Object.entries(node as Record<string, unknown>).flatMap(([k, v]) => (typeof v === 'string' ? [`${prefix}${k}`] : keys(v, `${prefix}${k}.`)));
}

describe('message files', () => {
  it('have the same keys in French and English', () => {
    expect(keys(en).sort()).toEqual(keys(fr).sort());
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
});
