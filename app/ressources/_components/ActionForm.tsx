'use client';
import { useActionState } from 'react';
import type { ActionState } from '@/lib/http/action';
import { FormMessage } from '@/app/_components/FormMessage';

// A small form posting a server action, with its outcome announced above the fields. Works
// without JavaScript.
export function ActionForm({
  action,
  children,
  submitLabel,
  className,
  buttonClass = 'btn',
}: {
  action: (state: ActionState, formData: FormData) => Promise<ActionState>;
  children: React.ReactNode;
  submitLabel: string;
  className?: string;
  buttonClass?: string;
}) {
  const [state, formAction, pending] = useActionState(action, {});
  return (
    <form action={formAction} className={className}>
      <FormMessage message={state.message} tone={state.ok ? 'success' : 'error'} />
      {children}
      <button type="submit" className={buttonClass} disabled={pending}>
        {submitLabel}
      </button>
    </form>
  );
}
