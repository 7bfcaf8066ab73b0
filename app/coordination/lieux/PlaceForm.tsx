'use client';
import { useActionState } from 'react';
import type { ActionState } from '@/lib/http/action';
import { ChoiceGroup, errorsFor, TextAreaField, FormField } from '../../_components/Fields';
import { FormMessage } from '../../_components/FormMessage';
import type { StaffMessages } from '../../mediation/_lib/messages';
import { createPlaceAction, updatePlaceAction } from './actions';

export type PlaceFormValues = {
  slug?: string;
  name: string;
  pivot: string;
  commune: string;
  postalCode: string;
  inseeCode: string | null;
  address: string;
  addressComplement: string | null;
  phone: string | null;
  emails: string[];
  websites: string[];
  openingHours: string | null;
  summary: string | null;
  description: string | null;
  services: string[];
  publics: string[];
  supportModes: string[];
  fees: string[];
  accessModes: string[];
  accessInfo: string | null;
  latitude: number | null;
  longitude: number | null;
  active: boolean;
};

type Vocabulary = { services: readonly string[]; publics: readonly string[]; supportModes: readonly string[]; fees: readonly string[]; accessModes: readonly string[] };
type ListName = keyof Vocabulary;

export function PlaceForm({ messages, vocabulary, initial }: { messages: StaffMessages; vocabulary: Vocabulary; initial: PlaceFormValues }) {
  const editing = Boolean(initial.slug);
  const [state, action, pending] = useActionState<ActionState, FormData>(editing ? updatePlaceAction : createPlaceAction, {});
  const m = messages.manage.placeForm;
  const v = state.values;
  const errors = state.fieldErrors;
  const text = (name: keyof PlaceFormValues) => {
    if (v) return v[name] ?? '';
    const value = initial[name];
    return Array.isArray(value) ? value.join('\n') : value === null || value === undefined ? '' : String(value);
  };
  const field = (name: keyof PlaceFormValues, label: string, extra: { hint?: string; type?: string; required?: boolean; autoComplete?: string } = {}) => (
    <FormField name={name} label={label} errors={errorsFor(errors, name)} defaultValue={text(name)} {...extra} />
  );
  const choices = (name: ListName, legend: string) => (
    <ChoiceGroup
      name={name}
      type="checkbox"
      legend={legend}
      errors={errorsFor(errors, name)}
      options={vocabulary[name].map((value) => ({ value, label: value }))}
      isChecked={(value) => (v ? `${name}.${value}` in v : initial[name].includes(value))}
    />
  );
  const section = 'mb-6 rounded-xl border border-slate-300 p-4';
  const legend = 'px-1 text-xl font-bold';

  return (
    <form action={action} noValidate className="max-w-2xl">
      <FormMessage message={state.message} />
      {editing && <input type="hidden" name="slug" value={initial.slug} />}
      <fieldset className={section}>
        <legend className={legend}>{m.identity}</legend>
        {field('name', m.name, { required: true })}
        {field('pivot', m.pivot, { hint: m.pivotHint, required: true })}
        {editing && (
          <ChoiceGroup
            name="active"
            type="radio"
            legend={m.state}
            errors={errorsFor(errors, 'active')}
            options={[
              { value: 'true', label: m.open },
              { value: 'false', label: m.closedChoice },
            ]}
            isChecked={(value) => (v ? v.active === value : String(initial.active) === value)}
          />
        )}
      </fieldset>
      <fieldset className={section}>
        <legend className={legend}>{m.addressTitle}</legend>
        {field('address', m.address, { required: true, autoComplete: 'street-address' })}
        {field('addressComplement', m.addressComplement, { hint: m.addressComplementHint })}
        <div className="grid gap-x-4 sm:grid-cols-2">
          {field('postalCode', m.postalCode, { required: true, autoComplete: 'postal-code' })}
          {field('commune', m.commune, { required: true, autoComplete: 'address-level2' })}
        </div>
        {field('inseeCode', m.inseeCode, { hint: m.inseeCodeHint })}
      </fieldset>
      <fieldset className={section}>
        <legend className={legend}>{m.contact}</legend>
        {field('phone', m.phone, { hint: m.phoneHint, type: 'tel' })}
        <TextAreaField name="emails" label={m.emails} hint={m.emailsHint} errors={errorsFor(errors, 'emails')} defaultValue={text('emails')} />
        <TextAreaField name="websites" label={m.websites} hint={m.websitesHint} errors={errorsFor(errors, 'websites')} defaultValue={text('websites')} />
      </fieldset>
      <fieldset className={section}>
        <legend className={legend}>{m.welcome}</legend>
        {field('openingHours', m.openingHours, { hint: m.openingHoursHint })}
        <TextAreaField name="summary" label={m.summary} hint={m.summaryHint} errors={errorsFor(errors, 'summary')} defaultValue={text('summary')} />
        <TextAreaField name="description" label={m.description} rows={5} errors={errorsFor(errors, 'description')} defaultValue={text('description')} />
        {choices('services', m.services)}
        {choices('publics', m.publics)}
        {choices('supportModes', m.supportModes)}
        {choices('fees', m.fees)}
        {choices('accessModes', m.accessModes)}
        <TextAreaField name="accessInfo" label={m.accessInfo} hint={m.accessInfoHint} errors={errorsFor(errors, 'accessInfo')} defaultValue={text('accessInfo')} />
      </fieldset>
      <fieldset className={section}>
        <legend className={legend}>{m.map}</legend>
        <p className="mb-3 text-sm text-slate-700">{m.mapHint}</p>
        <div className="grid gap-x-4 sm:grid-cols-2">
          {field('latitude', m.latitude)}
          {field('longitude', m.longitude)}
        </div>
      </fieldset>
      <button type="submit" className="btn w-full sm:w-auto" disabled={pending}>
        {editing ? m.save : m.create}
      </button>
    </form>
  );
}
