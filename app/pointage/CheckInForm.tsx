'use client';
import Link from 'next/link';
import { useActionState } from 'react';
import { FormField } from '@/app/_components/Fields';
import { FormMessage } from '@/app/_components/FormMessage';
import { checkInAction } from './actions';

type Labels = { code: string; hint: string; submit: string; mySpace: string };

// "Je suis là": with the code typed in, or already known from the scanned address.
export function CheckInForm({ code, labels }: { code?: string; labels: Labels }) {
  const [state, action, pending] = useActionState(checkInAction, {});
  if (state.ok) {
    return (
      <>
        <FormMessage message={state.message} tone="success" />
        <Link href="/mon-espace" className="btn-secondary">
          {labels.mySpace}
        </Link>
      </>
    );
  }
  return (
    <form action={action} noValidate className="max-w-md">
      <FormMessage message={state.message} />
      {code ? (
        <input type="hidden" name="code" value={code} />
      ) : (
        <FormField name="code" label={labels.code} hint={labels.hint} autoComplete="off" errors={state.fieldErrors?.code} defaultValue={state.values?.code} required />
      )}
      <button type="submit" className="btn w-full text-xl" disabled={pending}>
        {labels.submit}
      </button>
    </form>
  );
}
