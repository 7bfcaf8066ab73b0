'use client';
import { useActionState } from 'react';
import type { ActionState } from '@/lib/http/action';
import { errorsFor, FormField } from '../../_components/Fields';
import { FormMessage } from '../../_components/FormMessage';
import { addStaffAction, removeStaffAction } from './actions';

export function AddStaffForm({ slug, labels }: { slug: string; labels: { email: string; hint: string; submit: string } }) {
  const [state, action, pending] = useActionState<ActionState, FormData>(addStaffAction, {});
  return (
    <form action={action} noValidate className="max-w-2xl">
      <FormMessage message={state.message} />
      <input type="hidden" name="slug" value={slug} />
      <FormField name="email" type="email" label={labels.email} hint={labels.hint} autoComplete="off" errors={errorsFor(state.fieldErrors, 'email')} defaultValue={state.values?.email} required />
      <button type="submit" className="btn" disabled={pending}>
        {labels.submit}
      </button>
    </form>
  );
}

export function RemoveStaffForm({ slug, userId, label, context }: { slug: string; userId: string; label: string; context: string }) {
  const [state, action, pending] = useActionState<ActionState, FormData>(removeStaffAction, {});
  return (
    <form action={action}>
      <FormMessage message={state.message} />
      <input type="hidden" name="slug" value={slug} />
      <input type="hidden" name="userId" value={userId} />
      <button type="submit" className="btn-secondary" disabled={pending}>
        {label} <span className="sr-only">{context}</span>
      </button>
    </form>
  );
}
