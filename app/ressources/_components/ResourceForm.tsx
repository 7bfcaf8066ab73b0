'use client';
import { useActionState } from 'react';
import { ChoiceGroup, errorsFor, SelectField, TextAreaField, FormField } from '@/app/_components/Fields';
import { FormMessage } from '@/app/_components/FormMessage';
import type { ActionState } from '@/lib/http/action';

type Option = { value: string; label: string };
export type ResourceFormValues = {
  slug?: string;
  title: string;
  summary: string;
  body: string;
  type: string;
  themes: string[];
  audiences: string[];
  level: string;
  licence: string;
  visibility: string;
  place: string;
  links: { url: string; label: string }[];
};

export type ResourceFormLabels = Record<
  | 'title'
  | 'summary'
  | 'summaryHint'
  | 'body'
  | 'bodyHint'
  | 'type'
  | 'themes'
  | 'audiences'
  | 'level'
  | 'levelNone'
  | 'licence'
  | 'licenceHint'
  | 'visibility'
  | 'visibilityHint'
  | 'place'
  | 'links'
  | 'linksHint'
  | 'linkUrl'
  | 'linkLabel'
  | 'reviewed'
  | 'submit',
  string
>;

// Create or edit a resource (its files are added on the edit page, see FileUpload).
export function ResourceForm({
  action,
  values,
  labels,
  options,
}: {
  action: (state: ActionState, formData: FormData) => Promise<ActionState>;
  values: ResourceFormValues;
  labels: ResourceFormLabels;
  options: { types: Option[]; themes: Option[]; audiences: Option[]; levels: Option[]; licences: Option[]; visibilities: Option[]; places: Option[] };
}) {
  const [state, formAction, pending] = useActionState(action, {});
  const typed = state.values;
  const v = (name: keyof ResourceFormValues & string, fallback: string) => typed?.[name] ?? fallback;
  const checked = (group: 'themes' | 'audiences') => (code: string) => (typed ? typed[`${group}.${code}`] === 'on' : values[group].includes(code));
  const errors = state.fieldErrors;
  return (
    <form action={formAction} noValidate>
      <FormMessage message={state.message} />
      {values.slug && <input type="hidden" name="slug" value={values.slug} />}
      <FormField name="title" label={labels.title} defaultValue={v('title', values.title)} errors={errorsFor(errors, 'title')} required />
      <TextAreaField name="summary" label={labels.summary} hint={labels.summaryHint} defaultValue={v('summary', values.summary)} errors={errorsFor(errors, 'summary')} rows={2} />
      <TextAreaField name="body" label={labels.body} hint={labels.bodyHint} defaultValue={v('body', values.body)} errors={errorsFor(errors, 'body')} rows={8} />
      <div className="grid gap-x-6 md:grid-cols-2">
        <SelectField name="type" label={labels.type} defaultValue={v('type', values.type)} errors={errorsFor(errors, 'type')} options={options.types} />
        <SelectField name="place" label={labels.place} defaultValue={v('place', values.place)} errors={errorsFor(errors, 'place')} options={options.places} />
        <SelectField name="level" label={labels.level} defaultValue={v('level', values.level)} errors={errorsFor(errors, 'level')} options={[{ value: '', label: labels.levelNone }, ...options.levels]} />
        <SelectField name="licence" label={labels.licence} hint={labels.licenceHint} defaultValue={v('licence', values.licence)} errors={errorsFor(errors, 'licence')} options={options.licences} />
      </div>
      <ChoiceGroup name="visibility" type="radio" legend={labels.visibility} hint={labels.visibilityHint} errors={errorsFor(errors, 'visibility')} options={options.visibilities} isChecked={(code) => v('visibility', values.visibility) === code} />
      <ChoiceGroup name="themes" type="checkbox" legend={labels.themes} errors={errorsFor(errors, 'themes')} options={options.themes} isChecked={checked('themes')} columns />
      <ChoiceGroup name="audiences" type="checkbox" legend={labels.audiences} errors={errorsFor(errors, 'audiences')} options={options.audiences} isChecked={checked('audiences')} columns />
      <fieldset className="mb-5">
        <legend className="mb-1 font-semibold">{labels.links}</legend>
        <p className="mb-2 text-sm text-slate-700">{labels.linksHint}</p>
        {[0, 1, 2].map((n) => (
          <div key={n} className="grid gap-x-4 md:grid-cols-2">
            <FormField name={`link${n}.url`} type="url" label={`${labels.linkUrl} ${n + 1}`} defaultValue={typed?.[`link${n}.url`] ?? values.links[n]?.url ?? ''} errors={errorsFor(errors, `links.${n}.url`)} />
            <FormField name={`link${n}.label`} label={`${labels.linkLabel} ${n + 1}`} defaultValue={typed?.[`link${n}.label`] ?? values.links[n]?.label ?? ''} errors={errorsFor(errors, `links.${n}.label`)} />
          </div>
        ))}
      </fieldset>
      {values.slug && (
        <label htmlFor="reviewed" className="mb-5 flex min-h-12 cursor-pointer items-center gap-3 font-semibold">
          <input id="reviewed" type="checkbox" name="reviewed" className="size-6 accent-brand-800" />
          {labels.reviewed}
        </label>
      )}
      <button type="submit" className="btn" disabled={pending}>
        {labels.submit}
      </button>
    </form>
  );
}
