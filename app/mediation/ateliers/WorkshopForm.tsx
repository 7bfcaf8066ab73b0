'use client';
import { useActionState } from 'react';
import type { ActionState } from '@/lib/http/action';
import { ChoiceGroup, errorsFor, fill, TextAreaField, FormField } from '../../_components/Fields';
import { FormMessage } from '../../_components/FormMessage';
import type { StaffMessages } from '../_lib/messages';
import { createWorkshopAction, updateWorkshopAction } from './actions';

export type WorkshopFormValues = {
  slug?: string;
  title: string;
  summary: string;
  description: string;
  themes: string[];
  level: string;
  durationMinutes: number | null;
  audiences: string[];
  prerequisites: string;
  toBring: string;
  placeIds: string[];
};

type Props = {
  messages: StaffMessages;
  themes: readonly string[];
  levels: readonly string[];
  audiences: readonly string[];
  durations: readonly number[];
  durationLabels: Record<number, string>;
  placeChoices: { id: string; label: string }[];
  // Places of the workshop the actor may not change: kept as they are.
  otherPlaces: { id: string; label: string }[];
  initial: WorkshopFormValues;
};

export function WorkshopForm({ messages, themes, levels, audiences, durations, durationLabels, placeChoices, otherPlaces, initial }: Props) {
  const editing = Boolean(initial.slug);
  const [state, action, pending] = useActionState<ActionState, FormData>(editing ? updateWorkshopAction : createWorkshopAction, {});
  const m = messages.manage.workshopForm;
  const v = state.values;
  const text = (name: keyof WorkshopFormValues) => (v ? v[name] : String(initial[name] ?? ''));
  const listed = (list: 'themes' | 'audiences' | 'placeIds') => (value: string) => (v ? `${list}.${value}` in v : initial[list].includes(value));
  const proposed = initial.durationMinutes !== null && durations.includes(initial.durationMinutes);
  const duration = v ? v.duration : initial.durationMinutes === null ? '' : proposed ? String(initial.durationMinutes) : 'autre';
  const errors = state.fieldErrors;

  return (
    <form action={action} noValidate className="max-w-2xl">
      <FormMessage message={state.message} />
      {editing && <input type="hidden" name="slug" value={initial.slug} />}
      <FormField name="title" label={m.title} hint={m.titleHint} errors={errorsFor(errors, 'title')} defaultValue={text('title')} required />
      <TextAreaField name="summary" label={m.summary} hint={m.summaryHint} errors={errorsFor(errors, 'summary')} defaultValue={text('summary')} required />
      <TextAreaField name="description" label={m.description} hint={m.descriptionHint} rows={6} errors={errorsFor(errors, 'description')} defaultValue={text('description')} />
      <ChoiceGroup
        name="themes"
        type="checkbox"
        legend={m.themes}
        hint={m.themesHint}
        errors={errorsFor(errors, 'themes')}
        options={themes.map((code) => ({ value: code, label: messages.themes[code as keyof StaffMessages['themes']] }))}
        isChecked={listed('themes')}
        columns
      />
      <ChoiceGroup
        name="level"
        type="radio"
        legend={m.level}
        errors={errorsFor(errors, 'level')}
        options={levels.map((code) => ({ value: code, label: messages.levels[code as keyof StaffMessages['levels']] }))}
        isChecked={(value) => (v ? v.level === value : initial.level === value)}
      />
      <ChoiceGroup
        name="duration"
        type="radio"
        legend={m.duration}
        errors={errorsFor(errors, 'durationMinutes')}
        options={[...durations.map((minutes) => ({ value: String(minutes), label: durationLabels[minutes]! })), { value: 'autre', label: m.durationOther }]}
        isChecked={(value) => duration === value}
        columns
      />
      <FormField
        name="durationCustom"
        type="number"
        label={m.durationCustom}
        hint={m.durationCustomHint}
        defaultValue={v ? v.durationCustom : proposed || initial.durationMinutes === null ? '' : String(initial.durationMinutes)}
      />
      <ChoiceGroup
        name="audiences"
        type="checkbox"
        legend={m.audiences}
        hint={m.audiencesHint}
        errors={errorsFor(errors, 'audiences')}
        options={audiences.map((code) => ({ value: code, label: messages.manage.audiences[code as keyof StaffMessages['manage']['audiences']] }))}
        isChecked={listed('audiences')}
        columns
      />
      <TextAreaField name="prerequisites" label={m.prerequisites} hint={m.prerequisitesHint} errors={errorsFor(errors, 'prerequisites')} defaultValue={text('prerequisites')} />
      <TextAreaField name="toBring" label={m.toBring} hint={m.toBringHint} errors={errorsFor(errors, 'toBring')} defaultValue={text('toBring')} />
      <ChoiceGroup
        name="placeIds"
        type="checkbox"
        legend={m.places}
        hint={m.placesHint}
        errors={errorsFor(errors, 'placeIds')}
        options={placeChoices.map((p) => ({ value: p.id, label: p.label }))}
        isChecked={listed('placeIds')}
      />
      {otherPlaces.length > 0 && (
        <p className="-mt-3 mb-5 text-slate-700">
          {fill(m.otherPlaces, { places: otherPlaces.map((p) => p.label).join(', ') })}
          {otherPlaces.map((p) => (
            <input key={p.id} type="hidden" name={`placeIds.${p.id}`} value="on" />
          ))}
        </p>
      )}
      <button type="submit" className="btn w-full sm:w-auto" disabled={pending}>
        {editing ? m.save : m.create}
      </button>
    </form>
  );
}
