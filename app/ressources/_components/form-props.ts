import type { MessageKey, Translate } from '@/lib/i18n';
import { AUDIENCES, LEVELS, LICENCES, RESOURCE_TYPES, RESOURCE_VISIBILITIES, THEMES } from '@/lib/vocabulary';
import type { ResourceFormLabels } from './ResourceForm';
import { licenceLabel, typeLabel } from './text';

// Labels and choices of the resource form, in the person's language.
export function resourceFormProps(t: Translate, places: { slug: string; name: string }[]) {
  const label = (key: string) => t(`resources.form.${key}` as MessageKey);
  const labels = Object.fromEntries(
    ['title', 'summary', 'summaryHint', 'body', 'bodyHint', 'type', 'themes', 'audiences', 'level', 'levelNone', 'licence', 'licenceHint', 'visibility', 'visibilityHint', 'place', 'links', 'linksHint', 'linkUrl', 'linkLabel', 'reviewed', 'submit'].map((k) => [k, label(k)]),
  ) as ResourceFormLabels;
  return {
    labels,
    options: {
      types: RESOURCE_TYPES.map((value) => ({ value, label: typeLabel(t, value) })),
      themes: THEMES.map((value) => ({ value, label: t(`themes.${value}` as MessageKey) })),
      audiences: AUDIENCES.map((value) => ({ value, label: t(`audiences.${value}` as MessageKey) })),
      levels: LEVELS.map((value) => ({ value, label: t(`levels.${value}` as MessageKey) })),
      licences: LICENCES.map((value) => ({ value, label: licenceLabel(t, value) })),
      visibilities: RESOURCE_VISIBILITIES.map((value) => ({ value, label: t(`resources.visibilityChoice.${value}` as MessageKey) })),
      places: places.map((p) => ({ value: p.slug, label: p.name })),
    },
  };
}
