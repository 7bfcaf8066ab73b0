'use client';
import { useActionState } from 'react';
import { FormMessage } from '../_components/FormMessage';
import { cancelMyEnrollmentAction } from './actions';

// "Annuler mon inscription" / "Quitter la liste d'attente", with a confirmation step that works
// without JavaScript (a disclosure).
export function CancelEnrollmentForm({ sessionId, labels }: { sessionId: string; labels: { open: string; text: string; yes: string } }) {
  const [state, action, pending] = useActionState(cancelMyEnrollmentAction, {});
  return (
    <details className="mt-3">
      <summary className="btn-secondary w-full cursor-pointer list-none sm:w-auto">{labels.open}</summary>
      <form action={action} className="mt-3 rounded-lg border-2 border-slate-300 p-3">
        <FormMessage message={state.message} />
        <p className="mb-3">{labels.text}</p>
        <input type="hidden" name="sessionId" value={sessionId} />
        <button type="submit" className="btn w-full sm:w-auto" disabled={pending}>
          {labels.yes}
        </button>
      </form>
    </details>
  );
}
