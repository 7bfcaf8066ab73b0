'use client';
import { useActionState } from 'react';
import { errorsFor, FormField } from '@/app/_components/Fields';
import { FormMessage } from '@/app/_components/FormMessage';
import { eraseMyAccountAction } from './actions';

export type EraseFormLabels = { password: string; passwordHint: string; submit: string };

// Password confirmation before the account is erased for good.
export function EraseForm({ labels }: { labels: EraseFormLabels }) {
  const [state, action, pending] = useActionState(eraseMyAccountAction, {});
  return (
    <form action={action} noValidate className="max-w-xl">
      <FormMessage message={state.fieldErrors ? undefined : state.message} />
      <FormField name="password" type="password" label={labels.password} hint={labels.passwordHint} autoComplete="current-password" errors={errorsFor(state.fieldErrors, 'password')} required />
      <button type="submit" className="btn w-full bg-red-800 hover:bg-red-900 sm:w-auto" disabled={pending}>
        {labels.submit}
      </button>
    </form>
  );
}
