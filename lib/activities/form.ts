import 'server-only';
import { AGE_BANDS, GENDERS, PROPOSED_DURATIONS, SOCIAL_STATUSES } from '@/lib/vocabulary';
import type { ActivityDraft } from './drafts';

// The activity form posts flat fields (it works without JavaScript, and the server-action
// wrapper hands over one string per name): each checkbox has its own name, "theme:e-mail" = "on".
// These two functions translate between that and the API's shape, which the zod schema checks.

export const FIELD = {
  theme: 'theme:',
  adminTheme: 'adminTheme:',
  equipment: 'equipment:',
  orientation: 'orientation:',
  participant: 'participant:',
  anonGender: 'anonGender:',
  anonAge: 'anonAge:',
  anonStatus: 'anonStatus:',
} as const;

const listOf = (form: Record<string, string>, prefix: string) =>
  Object.entries(form)
    .filter(([key, value]) => key.startsWith(prefix) && value)
    .map(([key]) => key.slice(prefix.length));

// "12" → 12; "" → undefined (the schema then says what is missing); anything else stays a string
// (the schema then says it is not a whole number).
function toInt(value: string | undefined): number | string | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  return /^\s*\d{1,6}\s*$/.test(value) ? Number(value) : value;
}

function counts(form: Record<string, string>, prefix: string): Record<string, number | string> {
  const out: Record<string, number | string> = {};
  for (const [key, value] of Object.entries(form)) {
    if (!key.startsWith(prefix)) continue;
    const n = toInt(value);
    if (n !== undefined && n !== 0) out[key.slice(prefix.length)] = n;
  }
  return out;
}

export function activityInputFromForm(form: Record<string, string>): Record<string, unknown> {
  const kind = form.kind;
  const common = {
    kind,
    date: form.date,
    durationMinutes: toInt(form.duration === 'other' ? form.durationOther : form.duration),
    placeType: form.placeType,
    placeId: form.placeId || null,
    themes: listOf(form, FIELD.theme),
    adminThemes: listOf(form, FIELD.adminTheme),
    equipment: listOf(form, FIELD.equipment),
    notes: form.notes ?? '',
  };
  if (kind === 'individual') {
    const person = form.person;
    return {
      ...common,
      learnerId: person === 'known' ? form.learnerId || null : null,
      anonymousPerson:
        person === 'anonymous'
          ? { gender: form['anon.gender'] || 'unknown', ageBand: form['anon.ageBand'] || 'unknown', socialStatus: form['anon.socialStatus'] || 'unknown', commune: form['anon.commune'] ?? '' }
          : null,
      autonomy: form.autonomy || null,
      orientation: listOf(form, FIELD.orientation),
      completion: form.completion || null,
    };
  }
  return {
    ...common,
    sessionId: form.sessionId || null,
    title: form.title,
    level: form.level,
    participantIds: listOf(form, FIELD.participant),
    anonymousParticipants: {
      count: toInt(form.anonCount) ?? 0,
      gender: counts(form, FIELD.anonGender),
      ageBand: counts(form, FIELD.anonAge),
      socialStatus: counts(form, FIELD.anonStatus),
    },
  };
}

// The form's starting values for a draft (new, from a session, a copy, or an edit).
export function formValuesFromDraft(draft: ActivityDraft): Record<string, string> {
  const values: Record<string, string> = {
    kind: draft.kind,
    date: draft.date,
    placeType: draft.placeType,
    placeId: draft.placeId ?? '',
    sessionId: draft.sessionId ?? '',
    notes: draft.notes,
    title: draft.title,
    level: draft.level ?? '',
    autonomy: draft.autonomy ?? '',
    completion: draft.completion ?? '',
  };
  if (draft.durationMinutes !== null) {
    const proposed = (PROPOSED_DURATIONS as readonly number[]).includes(draft.durationMinutes);
    values.duration = proposed ? String(draft.durationMinutes) : 'other';
    if (!proposed) values.durationOther = String(draft.durationMinutes);
  }
  for (const code of draft.themes) values[FIELD.theme + code] = 'on';
  for (const code of draft.adminThemes) values[FIELD.adminTheme + code] = 'on';
  for (const code of draft.equipment) values[FIELD.equipment + code] = 'on';
  for (const code of draft.orientation) values[FIELD.orientation + code] = 'on';
  for (const p of draft.participants) values[FIELD.participant + p.id] = 'on';
  if (draft.kind === 'individual') {
    if (draft.learnerId) {
      values.person = 'known';
      values.learnerId = draft.learnerId;
    } else if (draft.anonymousPerson) {
      values.person = 'anonymous';
      values['anon.gender'] = draft.anonymousPerson.gender;
      values['anon.ageBand'] = draft.anonymousPerson.ageBand;
      values['anon.socialStatus'] = draft.anonymousPerson.socialStatus;
      values['anon.commune'] = draft.anonymousPerson.commune;
    }
  }
  const anonymous = draft.anonymousParticipants;
  if (anonymous && anonymous.count > 0) {
    values.anonCount = String(anonymous.count);
    // "Non communiqué" is what is left over: the form shows only the named counts.
    const put = (prefix: string, record: Partial<Record<string, number>>, codes: readonly string[]) => {
      for (const code of codes) if (code !== 'unknown' && record[code]) values[prefix + code] = String(record[code]);
    };
    put(FIELD.anonGender, anonymous.gender, GENDERS);
    put(FIELD.anonAge, anonymous.ageBand, AGE_BANDS);
    put(FIELD.anonStatus, anonymous.socialStatus, SOCIAL_STATUSES);
  }
  return values;
}
