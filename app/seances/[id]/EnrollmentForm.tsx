'use client';
import { useActionState } from 'react';
import { FormMessage } from '@/app/_components/FormMessage';
import { enrollmentAction } from './actions';

export type EnrollmentFormLabels = {
  enroll: string;
  cancel: string;
  confirmText: string;
  confirmYes: string;
};

// Sign-up or cancel button of the enrollment panel. One component for both, so the message of
// the last action stays on screen when the panel switches from one to the other. Cancelling asks
// for a confirmation first (a disclosure, which works without JavaScript).
export function EnrollmentForm({ sessionId, mode, labels }: { sessionId: string; mode: 'enroll' | 'cancel' | 'none'; labels: EnrollmentFormLabels }) {
  const [state, action, pending] = useActionState(enrollmentAction, {});
  return (
    <div>
      <FormMessage message={state.message} tone={state.ok ? 'success' : 'error'} />
      {mode === 'enroll' && (
        <form action={action}>
          <input type="hidden" name="sessionId" value={sessionId} />
          <input type="hidden" name="intent" value="enroll" />
          <button type="submit" className="btn w-full sm:w-auto" disabled={pending}>
            {labels.enroll}
          </button>
        </form>
      )}
      {mode === 'cancel' && (
        <details className="mt-2">
          <summary className="btn-secondary w-full cursor-pointer list-none sm:w-auto">{labels.cancel}</summary>
          <form action={action} className="mt-3 rounded-lg border-2 border-slate-300 p-3">
            <p className="mb-3">{labels.confirmText}</p>
            <input type="hidden" name="sessionId" value={sessionId} />
            <input type="hidden" name="intent" value="cancel" />
            <button type="submit" className="btn w-full sm:w-auto" disabled={pending}>
              {labels.confirmYes}
            </button>
          </form>
        </details>
      )}
    </div>
  );
}
