'use client';
import { useActionState } from 'react';
import { errorsFor, FormField } from '@/app/_components/Fields';
import { FormMessage } from '@/app/_components/FormMessage';
import { requestResetAction, resetWithCodeAction, resetWithLinkAction } from './actions';

export function RequestResetForm({ labels }: { labels: { email: string; submit: string } }) {
  const [state, action, pending] = useActionState(requestResetAction, {});
  if (state.ok) {
    return (
      <p role="status" className="max-w-xl rounded-lg border-2 border-green-700 bg-green-50 p-3 font-semibold text-green-900">
        {state.message}
      </p>
    );
  }
  return (
    <form action={action} noValidate className="max-w-md">
      <FormMessage message={state.fieldErrors ? undefined : state.message} />
      <FormField name="email" type="email" label={labels.email} autoComplete="email" errors={errorsFor(state.fieldErrors, 'email')} defaultValue={state.values?.email} required />
      <button type="submit" className="btn w-full" disabled={pending}>
        {labels.submit}
      </button>
    </form>
  );
}

export function NewPasswordForm({ token, labels }: { token: string; labels: { password: string; passwordHint: string; submit: string } }) {
  const [state, action, pending] = useActionState(resetWithLinkAction, {});
  return (
    <form action={action} noValidate className="max-w-md">
      <FormMessage message={state.message} />
      <input type="hidden" name="token" value={token} />
      <FormField name="password" type="password" label={labels.password} hint={labels.passwordHint} autoComplete="new-password" errors={errorsFor(state.fieldErrors, 'password')} required />
      <button type="submit" className="btn w-full" disabled={pending}>
        {labels.submit}
      </button>
    </form>
  );
}

export function ResetCodeForm({ labels }: { labels: { phone: string; code: string; codeHint: string; password: string; passwordHint: string; submit: string } }) {
  const [state, action, pending] = useActionState(resetWithCodeAction, {});
  return (
    <form action={action} noValidate className="max-w-md">
      <FormMessage message={state.fieldErrors ? undefined : state.message} />
      <FormField name="phone" type="tel" label={labels.phone} autoComplete="tel" errors={errorsFor(state.fieldErrors, 'phone')} defaultValue={state.values?.phone} required />
      <FormField name="code" label={labels.code} hint={labels.codeHint} autoComplete="off" errors={errorsFor(state.fieldErrors, 'code')} defaultValue={state.values?.code} required />
      <FormField name="password" type="password" label={labels.password} hint={labels.passwordHint} autoComplete="new-password" errors={errorsFor(state.fieldErrors, 'password')} required />
      <button type="submit" className="btn w-full" disabled={pending}>
        {labels.submit}
      </button>
    </form>
  );
}
