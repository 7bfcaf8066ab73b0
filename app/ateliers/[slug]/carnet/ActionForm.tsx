'use client';
import { useActionState, type ReactNode } from 'react';
import { FormMessage } from '@/app/_components/FormMessage';
import type { ActionState } from '@/lib/http/action';

// A small form of the carnet (reply, report, hide…): server-rendered fields, one button, the
// answer shown above it. Works without JavaScript.
export function ActionForm({
  action,
  hidden,
  submit,
  children,
  className,
  buttonClass = 'btn',
}: {
  action: (state: ActionState, formData: FormData) => Promise<ActionState>;
  hidden: Record<string, string>;
  submit: string;
  children?: ReactNode;
  className?: string;
  buttonClass?: string;
}) {
  const [state, formAction, pending] = useActionState(action, {});
  return (
    <form action={formAction} className={className} noValidate>
      <FormMessage message={state.message} tone={state.ok ? 'success' : 'error'} />
      {state.fieldErrors && (
        <p className="mb-2 font-semibold text-red-800" role="alert">
          {Object.values(state.fieldErrors).flat().join(' ')}
        </p>
      )}
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {children}
      <button type="submit" className={buttonClass} disabled={pending}>
        {submit}
      </button>
    </form>
  );
}
