'use client';
import { useActionState } from 'react';
import { FormField } from '@/app/_components/FormField';
import { FormMessage } from '@/app/_components/FormMessage';
import { addKnownWalkInAction, addNewWalkInAction } from './actions';

// One found person: a single button adds them.
export function PickWalkInForm({ sessionId, personId, label, detail }: { sessionId: string; personId: string; label: string; detail: string }) {
  const [state, action, pending] = useActionState(addKnownWalkInAction, {});
  return (
    <form action={action}>
      <FormMessage message={state.message} />
      <input type="hidden" name="sessionId" value={sessionId} />
      <input type="hidden" name="personId" value={personId} />
      <button
        type="submit"
        className="flex min-h-12 w-full flex-col items-start rounded-lg border-2 border-brand-800 bg-white px-4 py-2 text-left text-base font-semibold text-brand-800 hover:bg-brand-50"
        disabled={pending}
      >
        <span>{label}</span>
        {detail && <span className="text-sm font-normal text-slate-700">{detail}</span>}
      </button>
    </form>
  );
}

type NewLabels = { name: string; consent: string; submit: string };

// A new profile with just a name, and the person's consent.
export function NewWalkInForm({ sessionId, labels }: { sessionId: string; labels: NewLabels }) {
  const [state, action, pending] = useActionState(addNewWalkInAction, {});
  const consentError = state.fieldErrors?.consent;
  return (
    <form action={action} noValidate className="max-w-md">
      <FormMessage message={state.message} />
      <input type="hidden" name="sessionId" value={sessionId} />
      <FormField name="name" label={labels.name} autoComplete="off" errors={state.fieldErrors?.name} defaultValue={state.values?.name} required />
      <div className="mb-5">
        <div className="flex items-start gap-3">
          <input
            id="consent"
            name="consent"
            type="checkbox"
            className="mt-1 h-6 w-6 shrink-0"
            defaultChecked={state.values?.consent === 'on'}
            aria-invalid={consentError ? true : undefined}
            aria-describedby={consentError ? 'consent-erreur' : undefined}
            required
          />
          <label htmlFor="consent" className="font-semibold">
            {labels.consent}
          </label>
        </div>
        {consentError && (
          <p id="consent-erreur" className="mt-1 font-semibold text-red-800">
            {consentError.join(' ')}
          </p>
        )}
      </div>
      <button type="submit" className="btn w-full sm:w-auto" disabled={pending}>
        {labels.submit}
      </button>
    </form>
  );
}
