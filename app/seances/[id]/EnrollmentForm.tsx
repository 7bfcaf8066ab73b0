'use client';
import { useActionState, useEffect, useRef } from 'react';
import { FormMessage } from '@/app/_components/FormMessage';
import { enrollmentAction } from './actions';

export type EnrollmentFormLabels = {
  enroll: string;
  cancel: string;
  confirmText: string;
  confirmYes: string;
};

// Sign-up or cancel button of the enrollment panel, with the person's standing ("Votre place est
// réservée", "Liste d'attente : vous êtes 3ᵉ"). One component for both, so the message of the
// last action stays on screen when the panel switches from one to the other, and replaces the
// standing: one confirmation, not two. After an action the focus moves to that confirmation
// (the button that was pressed is gone). Cancelling asks for a confirmation first (a disclosure,
// which works without JavaScript).
export function EnrollmentForm({ sessionId, mode, standing, labels }: { sessionId: string; mode: 'enroll' | 'cancel' | 'none'; standing: string | null; labels: EnrollmentFormLabels }) {
  const [state, action, pending] = useActionState(enrollmentAction, {});
  const done = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (state.ok && state.message) done.current?.focus();
  }, [state]);
  const confirmation = state.ok && state.message ? state.message : standing;
  return (
    <div>
      {!state.ok && <FormMessage message={state.message} />}
      {confirmation && (
        <p ref={done} tabIndex={-1} data-enrollment-standing className="mb-3 rounded-lg bg-brand-50 p-3 text-lg font-semibold text-brand-900">
          {confirmation}
        </p>
      )}
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
        <details>
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
