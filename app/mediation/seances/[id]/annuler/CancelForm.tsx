'use client';
import Link from 'next/link';
import { useActionState } from 'react';
import type { ActionState } from '@/lib/http/action';
import { errorsFor, TextAreaField } from '../../../../_components/Fields';
import { FormMessage } from '../../../../_components/FormMessage';
import { cancelSessionAction } from './actions';

type Labels = { reason: string; reasonHint: string; confirm: string; back: string };

export function CancelForm({ id, back, labels }: { id: string; back: string; labels: Labels }) {
  const [state, action, pending] = useActionState<ActionState, FormData>(cancelSessionAction, {});
  return (
    <form action={action} noValidate className="max-w-2xl">
      <FormMessage message={state.message} />
      <input type="hidden" name="id" value={id} />
      <TextAreaField name="reason" label={labels.reason} hint={labels.reasonHint} errors={errorsFor(state.fieldErrors, 'reason')} defaultValue={state.values?.reason} />
      <div className="flex flex-wrap gap-3">
        <button type="submit" className="btn" disabled={pending}>
          {labels.confirm}
        </button>
        <Link href={back} className="btn-secondary">
          {labels.back}
        </Link>
      </div>
    </form>
  );
}
