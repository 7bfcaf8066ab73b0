'use client';
import { useActionState } from 'react';
import { errorsFor, TextAreaField } from '@/app/_components/Fields';
import { FormMessage } from '@/app/_components/FormMessage';
import { deskEraseAction, deskResetCodeAction } from './actions';

export function ResetCodeForm({ personId, labels }: { personId: string; labels: { submit: string; codeLabel: string } }) {
  const [state, action, pending] = useActionState(deskResetCodeAction, {});
  return (
    <form action={action} className="max-w-xl">
      <input type="hidden" name="personId" value={personId} />
      {state.ok && state.values?.code ? (
        <div role="status" className="mb-4 rounded-lg border-2 border-green-700 bg-green-50 p-3">
          <p className="font-semibold">{state.message}</p>
          <p className="mt-2">
            {labels.codeLabel} <strong className="font-mono text-2xl tracking-wider">{state.values.code}</strong>
          </p>
        </div>
      ) : (
        <FormMessage message={state.message} />
      )}
      <button type="submit" className="btn-secondary w-full sm:w-auto" disabled={pending}>
        {labels.submit}
      </button>
    </form>
  );
}

export function DeskEraseForm({ personId, labels }: { personId: string; labels: { reason: string; reasonHint: string; submit: string } }) {
  const [state, action, pending] = useActionState(deskEraseAction, {});
  return (
    <form action={action} noValidate className="max-w-xl">
      <FormMessage message={state.fieldErrors ? undefined : state.message} />
      <input type="hidden" name="personId" value={personId} />
      <TextAreaField name="reason" label={labels.reason} hint={labels.reasonHint} errors={errorsFor(state.fieldErrors, 'reason')} defaultValue={state.values?.reason} rows={3} required />
      <button type="submit" className="btn w-full bg-red-800 hover:bg-red-900 sm:w-auto" disabled={pending}>
        {labels.submit}
      </button>
    </form>
  );
}
