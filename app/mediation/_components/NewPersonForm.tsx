'use client';
import { useActionState } from 'react';
import { ConsentField, FormField } from '@/app/_components/Fields';
import { FormMessage } from '@/app/_components/FormMessage';

type State = { ok?: boolean; message?: string; fieldErrors?: Record<string, string[]>; values?: Record<string, string> };

// The one-time claim code, shown once after it is made, big enough to copy onto a card.
export function ClaimCode({ title, text, code }: { title: string; text: string; code: string }) {
  return (
    <div className="mb-4 rounded-lg border-2 border-brand-700 bg-brand-50 p-3">
      <p className="font-semibold">{title}</p>
      <p className="my-2 font-mono text-3xl font-bold tracking-widest text-brand-900">{code}</p>
      <p className="text-sm">{text}</p>
    </div>
  );
}

export type NewPersonLabels = {
  name: string;
  // At the desk: a phone number too, and the claim code shown once the profile is made.
  phone?: string;
  phoneHint?: string;
  consent: string;
  privacyLink?: string;
  submit: string;
  claimCodeTitle?: string;
  claimCodeText?: string;
};

// A profile made by a mediator for someone with no account: a name (and a phone number at the
// desk) and the person's consent, for a session. At the desk the person is signed up at once and
// a claim code shown; for a walk-in the action goes back to the roster.
export function NewPersonForm({ action, sessionId, labels }: { action: (state: State, formData: FormData) => Promise<State>; sessionId: string; labels: NewPersonLabels }) {
  const [state, formAction, pending] = useActionState(action, {});
  const claimCode = state.ok ? state.values?.claimCode : undefined;
  const typed = (name: string) => (state.ok ? '' : state.values?.[name]);
  return (
    <>
      {claimCode && (
        <>
          <FormMessage message={state.message} tone="success" />
          <ClaimCode title={(labels.claimCodeTitle ?? '').replace('{name}', state.values?.name ?? '')} text={labels.claimCodeText ?? ''} code={claimCode} />
        </>
      )}
      {/* A fresh, empty form after each creation. */}
      <form key={claimCode ?? 'new'} action={formAction} noValidate className="max-w-md">
        {!state.ok && <FormMessage message={state.message} />}
        <input type="hidden" name="sessionId" value={sessionId} />
        <FormField name="name" label={labels.name} autoComplete="off" errors={state.fieldErrors?.name} defaultValue={typed('name')} required />
        {labels.phone && <FormField name="phone" type="tel" label={labels.phone} hint={labels.phoneHint} autoComplete="off" errors={state.fieldErrors?.phone} defaultValue={typed('phone')} required />}
        <ConsentField label={labels.consent} privacyLink={labels.privacyLink} errors={state.fieldErrors?.consent} defaultChecked={typed('consent') === 'on'} />
        <button type="submit" className="btn w-full" disabled={pending}>
          {labels.submit}
        </button>
      </form>
    </>
  );
}

// The step "the person is not known yet" of the desk and walk-in pages.
export function NewPersonSection({ id, title, intro, ...form }: { id: string; title: string; intro: string } & Parameters<typeof NewPersonForm>[0]) {
  return (
    <section aria-labelledby={id} className="mb-8">
      <h2 id={id} className="mb-2 text-2xl font-bold">
        {title}
      </h2>
      <p className="mb-4">{intro}</p>
      <NewPersonForm {...form} />
    </section>
  );
}
