'use client';
import { useActionState } from 'react';
import type { ActionState } from '@/lib/http/action';
import { FormMessage } from './FormMessage';

// One button that posts a server action with a few hidden fields (delete, revoke…), and shows
// the refusal message if there is one. Works without JavaScript.
export function ActionButton({
  action,
  fields,
  label,
  ariaLabel,
  className = 'btn',
}: {
  action: (state: ActionState, formData: FormData) => Promise<ActionState>;
  fields: Record<string, string>;
  label: string;
  ariaLabel?: string;
  className?: string;
}) {
  const [state, formAction, pending] = useActionState(action, {});
  return (
    <form action={formAction}>
      <FormMessage message={state.message} />
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <button type="submit" className={className} disabled={pending} aria-label={ariaLabel}>
        {label}
      </button>
    </form>
  );
}
