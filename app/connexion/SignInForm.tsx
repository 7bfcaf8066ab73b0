'use client';
import { useActionState } from 'react';
import { FormField } from '../_components/Fields';
import { FormMessage } from '../_components/FormMessage';
import { signInAction } from './actions';

type Labels = { email: string; password: string; submit: string };

export function SignInForm({ labels, callbackUrl, initialError }: { labels: Labels; callbackUrl: string; initialError?: string }) {
  const [state, action, pending] = useActionState(signInAction, { message: initialError });
  return (
    <form action={action} noValidate className="max-w-md">
      <FormMessage message={state.message} />
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      <FormField name="email" label={labels.email} autoComplete="username" errors={state.fieldErrors?.email} defaultValue={state.values?.email} required />
      <FormField name="password" type="password" label={labels.password} autoComplete="current-password" errors={state.fieldErrors?.password} required />
      <button type="submit" className="btn w-full" disabled={pending}>
        {labels.submit}
      </button>
    </form>
  );
}
