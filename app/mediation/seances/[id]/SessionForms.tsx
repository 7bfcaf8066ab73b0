'use client';
import { useActionState } from 'react';
import { FormMessage } from '@/app/_components/FormMessage';
import { closeSessionAction, selfCheckInAction } from './actions';

// "Clôturer la séance" asks first, saying how many people will be marked absent (a disclosure,
// which works without JavaScript); a refusal is announced.
export function CloseSessionForm({ sessionId, labels }: { sessionId: string; labels: { open: string; confirmText: string; confirmYes: string } }) {
  const [state, action, pending] = useActionState(closeSessionAction, {});
  return (
    <details>
      <summary className="btn-secondary w-full cursor-pointer list-none sm:w-auto">{labels.open}</summary>
      <form action={action} className="mt-3 rounded-lg border-2 border-amber-800 bg-amber-50 p-3">
        <FormMessage message={state.message} />
        <p className="mb-3 font-semibold">{labels.confirmText}</p>
        <input type="hidden" name="sessionId" value={sessionId} />
        <button type="submit" className="btn w-full sm:w-auto" disabled={pending}>
          {labels.confirmYes}
        </button>
      </form>
    </details>
  );
}

type SelfCheckInLabels = { lateAfter: string; lateAfterHint: string; enable: string; disable: string };

// Turns self check-in on (with the lateness delay) or off.
export function SelfCheckInForm({ sessionId, enabled, lateAfterMinutes, labels }: { sessionId: string; enabled: boolean; lateAfterMinutes: number; labels: SelfCheckInLabels }) {
  const [state, action, pending] = useActionState(selfCheckInAction, {});
  const error = state.fieldErrors?.lateAfterMinutes;
  return (
    <form action={action} noValidate>
      <FormMessage message={state.ok ? undefined : state.message} />
      <input type="hidden" name="sessionId" value={sessionId} />
      {enabled ? (
        <>
          <input type="hidden" name="enabled" value="" />
          <input type="hidden" name="lateAfterMinutes" value={lateAfterMinutes} />
          <button type="submit" className="btn-secondary w-full sm:w-auto" disabled={pending}>
            {labels.disable}
          </button>
        </>
      ) : (
        <>
          <input type="hidden" name="enabled" value="on" />
          <div className="mb-4">
            <label htmlFor="lateAfterMinutes" className="mb-1 block font-semibold">
              {labels.lateAfter}
            </label>
            <p id="lateAfterMinutes-aide" className="mb-1 text-sm text-slate-700">
              {labels.lateAfterHint}
            </p>
            <input
              id="lateAfterMinutes"
              name="lateAfterMinutes"
              type="number"
              inputMode="numeric"
              min={0}
              max={240}
              defaultValue={state.values?.lateAfterMinutes ?? lateAfterMinutes}
              aria-invalid={error ? true : undefined}
              aria-describedby={['lateAfterMinutes-aide', error ? 'lateAfterMinutes-erreur' : ''].filter(Boolean).join(' ')}
              className={`block min-h-12 w-32 rounded-lg border-2 px-3 py-2 text-base ${error ? 'border-red-700' : 'border-slate-500'}`}
            />
            {error && (
              <p id="lateAfterMinutes-erreur" className="mt-1 font-semibold text-red-800">
                {error.join(' ')}
              </p>
            )}
          </div>
          <button type="submit" className="btn w-full sm:w-auto" disabled={pending}>
            {labels.enable}
          </button>
        </>
      )}
    </form>
  );
}
