'use client';
import Link from 'next/link';
import { useActionState } from 'react';
import { FormField } from '../_components/Fields';
import { FormMessage } from '../_components/FormMessage';
import { signUpAction } from './actions';

type Labels = {
  name: string;
  email: string;
  emailHint: string;
  phone: string;
  phoneHint: string;
  privacyNotice: string;
  privacyLink: string;
  privacyVersion: string;
  password: string;
  passwordHint: string;
  submit: string;
  claim: { summary: string; intro: string; phone: string; code: string; codeHint: string };
};

export function SignUpForm({ labels, callbackUrl }: { labels: Labels; callbackUrl: string }) {
  const [state, action, pending] = useActionState(signUpAction, {});
  return (
    <form action={action} noValidate className="max-w-md">
      <FormMessage message={state.message} />
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      <FormField name="name" label={labels.name} autoComplete="name" errors={state.fieldErrors?.name} defaultValue={state.values?.name} required />
      <FormField name="email" type="email" label={labels.email} hint={labels.emailHint} autoComplete="email" errors={state.fieldErrors?.email} defaultValue={state.values?.email} />
      <FormField name="password" type="password" label={labels.password} hint={labels.passwordHint} autoComplete="new-password" errors={state.fieldErrors?.password} required />
      <FormField name="phone" type="tel" label={labels.phone} hint={labels.phoneHint} autoComplete="tel" errors={state.fieldErrors?.phone} defaultValue={state.values?.phone} />
      <input type="hidden" name="privacyVersion" value={labels.privacyVersion} />
      {/* For people a mediator signed up at the desk: their profile and sign-ups become this account. */}
      <details className="mb-5" open={Boolean(state.fieldErrors?.claimPhone || state.fieldErrors?.claimCode || state.values?.claimCode)}>
        <summary className="inline-flex min-h-11 cursor-pointer items-center font-semibold text-brand-800 underline">{labels.claim.summary}</summary>
        <p className="my-2">{labels.claim.intro}</p>
        <FormField name="claimPhone" type="tel" label={labels.claim.phone} autoComplete="tel" errors={state.fieldErrors?.claimPhone} defaultValue={state.values?.claimPhone} />
        <FormField name="claimCode" label={labels.claim.code} hint={labels.claim.codeHint} autoComplete="off" errors={state.fieldErrors?.claimCode} defaultValue={state.values?.claimCode} />
      </details>
      <p className="mb-4 text-sm">
        {labels.privacyNotice}{' '}
        <Link href="/confidentialite" className="underline">
          {labels.privacyLink}
        </Link>
      </p>
      <button type="submit" className="btn w-full" disabled={pending}>
        {labels.submit}
      </button>
    </form>
  );
}
