'use client';
import Link from 'next/link';
import { useActionState } from 'react';
import { FormField } from '../../_components/FormField';
import { FormMessage } from '../../_components/FormMessage';
import { createLearnerAction, enrollPersonAction, newClaimCodeAction } from './actions';

// The one-time claim code, shown once after it is made, big enough to copy onto a card.
function ClaimCode({ title, text, code }: { title: string; text: string; code: string }) {
  return (
    <div className="mb-4 rounded-lg border-2 border-brand-700 bg-brand-50 p-3">
      <p className="font-semibold">{title}</p>
      <p className="my-2 font-mono text-3xl font-bold tracking-widest text-brand-900">{code}</p>
      <p className="text-sm">{text}</p>
    </div>
  );
}

type PersonLabels = { enroll: string; newCode: string; alreadyConfirmed: string; alreadyWaiting: string; claimCodeText: string };

// Per person found: sign them up for the chosen session, or give them a new claim code.
export function PersonActions({
  sessionId,
  learnerId,
  learnerName,
  statusInSession,
  claimable,
  labels,
}: {
  sessionId: string;
  learnerId: string;
  learnerName: string;
  statusInSession: 'confirmed' | 'waitlisted' | null;
  claimable: boolean;
  labels: PersonLabels;
}) {
  const [enrolled, enrollAction, enrolling] = useActionState(enrollPersonAction, {});
  const [code, codeAction, coding] = useActionState(newClaimCodeAction, {});
  return (
    <div className="mt-2">
      <FormMessage message={enrolled.message} tone={enrolled.ok ? 'success' : 'error'} />
      {statusInSession ? (
        <p className="font-semibold text-brand-800">{statusInSession === 'confirmed' ? labels.alreadyConfirmed : labels.alreadyWaiting}</p>
      ) : (
        <form action={enrollAction}>
          <input type="hidden" name="sessionId" value={sessionId} />
          <input type="hidden" name="learnerId" value={learnerId} />
          <input type="hidden" name="learnerName" value={learnerName} />
          <button type="submit" className="btn w-full sm:w-auto" disabled={enrolling}>
            {labels.enroll}
          </button>
        </form>
      )}
      {claimable && (
        <form action={codeAction} className="mt-2">
          {code.ok && code.values?.claimCode ? (
            <ClaimCode title={code.message ?? ''} text={labels.claimCodeText} code={code.values.claimCode} />
          ) : (
            <FormMessage message={code.message} />
          )}
          <input type="hidden" name="learnerId" value={learnerId} />
          <button type="submit" className="btn-secondary w-full sm:w-auto" disabled={coding}>
            {labels.newCode}
          </button>
        </form>
      )}
    </div>
  );
}

type NewLearnerLabels = { name: string; phone: string; phoneHint: string; consent: string; privacyLink?: string; submit: string; claimCodeTitle: string; claimCodeText: string };

// A profile for someone with no account: name, phone, consent; then signed up at once.
export function NewLearnerForm({ sessionId, labels }: { sessionId: string; labels: NewLearnerLabels }) {
  const [state, action, pending] = useActionState(createLearnerAction, {});
  const consentError = state.fieldErrors?.consent;
  return (
    <>
      {state.ok && state.values?.claimCode && (
        <>
          <FormMessage message={state.message} tone="success" />
          <ClaimCode title={labels.claimCodeTitle.replace('{name}', state.values.name ?? '')} text={labels.claimCodeText} code={state.values.claimCode} />
        </>
      )}
      {/* A fresh, empty form after each creation. */}
      <form key={state.values?.claimCode ?? 'new'} action={action} noValidate className="max-w-md">
        {!state.ok && <FormMessage message={state.message} />}
        <input type="hidden" name="sessionId" value={sessionId} />
        <FormField name="name" label={labels.name} autoComplete="off" errors={state.fieldErrors?.name} defaultValue={state.ok ? '' : state.values?.name} required />
        <FormField name="phone" type="tel" label={labels.phone} hint={labels.phoneHint} autoComplete="off" errors={state.fieldErrors?.phone} defaultValue={state.ok ? '' : state.values?.phone} required />
        <div className="mb-5">
          <div className="flex items-start gap-3">
            <input
              id="consent"
              name="consent"
              type="checkbox"
              required
              aria-invalid={consentError ? true : undefined}
              aria-describedby={consentError ? 'consent-erreur' : undefined}
              className="mt-1 h-6 w-6 shrink-0"
            />
            <label htmlFor="consent">{labels.consent}</label>
          </div>
          {labels.privacyLink && (
            <p className="mt-1 pl-9 text-sm">
              <Link href="/confidentialite" target="_blank" className="underline">
                {labels.privacyLink}
              </Link>
            </p>
          )}
          {consentError && (
            <p id="consent-erreur" className="mt-1 font-semibold text-red-800">
              {consentError.join(' ')}
            </p>
          )}
        </div>
        <button type="submit" className="btn w-full" disabled={pending}>
          {labels.submit}
        </button>
      </form>
    </>
  );
}
