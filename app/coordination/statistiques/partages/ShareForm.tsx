'use client';
import { useActionState } from 'react';
import { FormField } from '@/app/_components/Fields';
import { FormMessage } from '@/app/_components/FormMessage';
import { OnceSecret, type OnceSecretLabels } from '@/app/_components/OnceSecret';
import { createShareAction } from './actions';

type Labels = { place: string; from: string; to: string; create: string };

export function ShareForm({ labels, linkLabels, places, defaults }: { labels: Labels; linkLabels: OnceSecretLabels; places: { value: string; label: string }[]; defaults: { lieu: string; du: string; au: string } }) {
  const [state, action, pending] = useActionState(createShareAction, {});
  const values = state.values ?? defaults;
  const placeErrors = state.fieldErrors?.place;
  return (
    <form action={action} noValidate className="max-w-xl">
      {/* The link just made, shown this once (only its hash is kept). */}
      {state.secret && <OnceSecret id="lien-cree" value={state.secret} labels={linkLabels} />}
      <FormMessage message={state.message} />
      <div className="mb-5">
        <label htmlFor="lieu" className="mb-1 block font-semibold">
          {labels.place}
        </label>
        <select
          id="lieu"
          name="lieu"
          defaultValue={values.lieu ?? ''}
          aria-invalid={placeErrors ? true : undefined}
          aria-describedby={placeErrors ? 'lieu-erreur' : undefined}
          className="block min-h-12 w-full rounded-lg border-2 border-slate-500 bg-white px-3"
        >
          {places.map((p) => (
            <option key={p.value} value={p.value}>
              {p.label}
            </option>
          ))}
        </select>
        {placeErrors && (
          <p id="lieu-erreur" className="mt-1 font-semibold text-red-800">
            {placeErrors.join(' ')}
          </p>
        )}
      </div>
      <div className="flex flex-wrap gap-x-4">
        <FormField name="du" type="date" label={labels.from} defaultValue={values.du} errors={state.fieldErrors?.from} required />
        <FormField name="au" type="date" label={labels.to} defaultValue={values.au} errors={state.fieldErrors?.to} required />
      </div>
      <button type="submit" className="btn" disabled={pending}>
        {labels.create}
      </button>
    </form>
  );
}
