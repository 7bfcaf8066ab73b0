'use client';
import { useActionState } from 'react';
import { FormMessage } from '../../_components/FormMessage';
import { sendNowAction } from './actions';

export function SendNowForm({ label }: { label: string }) {
  const [state, action, pending] = useActionState(sendNowAction, {});
  return (
    <form action={action} className="mb-6">
      <FormMessage message={state.message} tone={state.ok ? 'success' : 'error'} />
      <button type="submit" className="btn" disabled={pending}>
        {label}
      </button>
    </form>
  );
}
