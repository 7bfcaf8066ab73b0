import 'server-only';
import { AUDIENCES, THEMES } from '@/lib/vocabulary';

// The resource form's flat fields → the input of createResource / updateResource. Checkboxes
// come as "themes.<code>" = "on"; links as three pairs "link<n>.url" / "link<n>.label".
export const FORM_LINKS = 3;

export function resourceFormInput(input: Record<string, string>): Record<string, unknown> {
  const links = Array.from({ length: FORM_LINKS }, (_, n) => ({ url: (input[`link${n}.url`] ?? '').trim(), label: (input[`link${n}.label`] ?? '').trim() }))
    .filter((l) => l.url || l.label)
    .map((l) => ({ url: l.url, label: l.label || l.url }));
  return {
    title: input.title ?? '',
    summary: input.summary ?? '',
    body: input.body ?? '',
    type: input.type || undefined,
    themes: THEMES.filter((code) => input[`themes.${code}`] === 'on'),
    audiences: AUDIENCES.filter((code) => input[`audiences.${code}`] === 'on'),
    level: input.level || null,
    licence: input.licence || undefined,
    visibility: input.visibility || undefined,
    place: input.place ?? '',
    links,
  };
}
