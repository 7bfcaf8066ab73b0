'use client';
import { useActionState } from 'react';
import { FormField } from '../_components/FormField';
import { FormMessage } from '../_components/FormMessage';
import { signUpAction } from './actions';

type Labels = { name: string; email: string; password: string; passwordHint: string; submit: string };

export function SignUpForm({ labels, callbackUrl }: { labels: Labels; callbackUrl: string }) {
  const [state, action, pending] = useActionState(signUpAction, {});
  return (
    <form action={action} noValidate className="max-w-md">
      <FormMessage message={state.message} />
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      <FormField name="name" label={labels.name} autoComplete="name" errors={state.fieldErrors?.name} defaultValue={state.values?.name} required />
      <FormField name="email" type="email" label={labels.email} autoComplete="email" errors={state.fieldErrors?.email} defaultValue={state.values?.email} required />
      <FormField name="password" type="password" label={labels.password} hint={labels.passwordHint} autoComplete="new-password" errors={state.fieldErrors?.password} required />
      <button type="submit" className="btn w-full" disabled={pending}>
        {labels.submit}
      </button>
    </form>
  );
}
