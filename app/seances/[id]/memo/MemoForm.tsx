'use client';
import { useActionState } from 'react';
import { errorsFor, TextAreaField } from '@/app/_components/Fields';
import { FormMessage } from '@/app/_components/FormMessage';
import { saveMemoAction } from './actions';

export function MemoForm({ sessionId, body, labels }: { sessionId: string; body: string; labels: { body: string; hint: string; submit: string } }) {
  const [state, action, pending] = useActionState(saveMemoAction, {});
  return (
    <form action={action} noValidate className="max-w-2xl">
      <FormMessage message={state.message} tone={state.ok ? 'success' : 'error'} />
      <input type="hidden" name="sessionId" value={sessionId} />
      <TextAreaField name="body" label={labels.body} hint={labels.hint} rows={14} required defaultValue={state.values?.body ?? body} errors={errorsFor(state.fieldErrors, 'body')} />
      <button type="submit" className="btn w-full sm:w-auto" disabled={pending}>
        {labels.submit}
      </button>
    </form>
  );
}
