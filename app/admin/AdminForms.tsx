'use client';
import { useActionState } from 'react';
import { FormMessage } from '@/app/_components/FormMessage';
import { mergeAction, setDisabledAction, updateRolesAction } from './actions';

export function RolesForm({ userId, current, labels }: { userId: string; current: string[]; labels: { legend: string; coordinator: string; admin: string; submit: string } }) {
  const [state, action, pending] = useActionState(updateRolesAction, {});
  return (
    <form action={action} className="mb-6 max-w-xl">
      <FormMessage message={state.message} tone={state.ok ? 'success' : 'error'} />
      <input type="hidden" name="userId" value={userId} />
      <fieldset className="mb-4">
        <legend className="mb-2 font-semibold">{labels.legend}</legend>
        {(['coordinator', 'admin'] as const).map((role) => (
          <div key={role} className="mb-2 flex items-center gap-3">
            <input id={`role-${role}`} name={`role-${role}`} type="checkbox" defaultChecked={current.includes(role)} className="h-6 w-6" />
            <label htmlFor={`role-${role}`}>{labels[role]}</label>
          </div>
        ))}
      </fieldset>
      <button type="submit" className="btn" disabled={pending}>
        {labels.submit}
      </button>
    </form>
  );
}

export function DisableForm({ userId, disabled, label }: { userId: string; disabled: boolean; label: string }) {
  const [state, action, pending] = useActionState(setDisabledAction, {});
  return (
    <form action={action} className="mb-6">
      <FormMessage message={state.message} tone={state.ok ? 'success' : 'error'} />
      <input type="hidden" name="userId" value={userId} />
      <input type="hidden" name="disabled" value={disabled ? 'false' : 'true'} />
      <button type="submit" className={disabled ? 'btn' : 'btn bg-red-800 hover:bg-red-900'} disabled={pending}>
        {label}
      </button>
    </form>
  );
}

export function MergeForm({ keepId, mergeId, label }: { keepId: string; mergeId: string; label: string }) {
  const [state, action, pending] = useActionState(mergeAction, {});
  return (
    <form action={action}>
      <FormMessage message={state.message} />
      <input type="hidden" name="keepId" value={keepId} />
      <input type="hidden" name="mergeId" value={mergeId} />
      <button type="submit" className="btn" disabled={pending}>
        {label}
      </button>
    </form>
  );
}
