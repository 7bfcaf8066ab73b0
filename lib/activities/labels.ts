import 'server-only';
import type { MessageKey, Translate } from '@/lib/i18n';

// Labels of stored codes (messages/*.json). A retired or unknown code shows as itself.
export type VocabList =
  | 'kinds'
  | 'placeTypes'
  | 'equipment'
  | 'autonomy'
  | 'orientation'
  | 'completion'
  | 'genders'
  | 'ageBands'
  | 'socialStatuses'
  | 'durationBands'
  | 'adminThemes';

function lookup(t: Translate, key: string, code: string): string {
  const label = t(key as MessageKey);
  return label === key ? code : label;
}

export const vocab = (t: Translate, list: VocabList, code: string) => lookup(t, `activityVocab.${list}.${code}`, code);
export const themeLabel = (t: Translate, code: string) => lookup(t, `themes.${code}`, code);
export const levelLabel = (t: Translate, code: string) => lookup(t, `levels.${code}`, code);
