'use client';
import { useActionState } from 'react';
import { ChoiceGroup, errorsFor, FormField } from '@/app/_components/Fields';
import { FormMessage } from '@/app/_components/FormMessage';
import { postWishAction } from './actions';

type Option = { value: string; label: string };

export function WishForm({ labels, kinds, themes, commune }: { labels: { kind: string; title: string; titleHint: string; themes: string; commune: string; submit: string }; kinds: Option[]; themes: Option[]; commune: string }) {
  const [state, action, pending] = useActionState(postWishAction, {});
  const values = state.ok ? {} : (state.values ?? {});
  return (
    <form action={action} noValidate className="max-w-2xl" aria-label={labels.submit}>
      <FormMessage message={state.message} tone={state.ok ? 'success' : 'error'} />
      <ChoiceGroup name="kind" type="radio" legend={labels.kind} options={kinds} isChecked={(v) => (values.kind ?? 'learn') === v} errors={errorsFor(state.fieldErrors, 'kind')} />
      <FormField name="title" label={labels.title} hint={labels.titleHint} defaultValue={values.title} errors={errorsFor(state.fieldErrors, 'title')} required />
      <ChoiceGroup name="themes" type="checkbox" legend={labels.themes} options={themes} isChecked={(v) => values[`themes.${v}`] === 'on'} errors={errorsFor(state.fieldErrors, 'themes')} columns />
      <FormField name="commune" label={labels.commune} defaultValue={values.commune ?? commune} errors={errorsFor(state.fieldErrors, 'commune')} autoComplete="address-level2" required />
      <button type="submit" className="btn w-full sm:w-auto" disabled={pending}>
        {labels.submit}
      </button>
    </form>
  );
}
