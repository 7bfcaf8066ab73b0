'use client';
import { useActionState } from 'react';
import type { ActionState } from '@/lib/http/action';
import { FormMessage } from './FormMessage';
import { OnceSecret, type OnceSecretLabels } from './OnceSecret';

// One button that posts a server action with a few hidden fields (delete, revoke…), and shows
// the refusal message if there is one. Works without JavaScript.
// With `secret`, the button makes a private link that the action returns this once (only its
// hash is kept): it is shown above the button. The link lives in this component's state, which a
// re-render after the action keeps as long as the button stays at its place in the page (keyed by
// the link's id in lists): a `label` of null keeps the place without a button (a link just
// replaced, whose button is gone).
export function ActionButton({
  action,
  fields,
  label,
  ariaLabel,
  className = 'btn',
  secret,
}: {
  action: (state: ActionState, formData: FormData) => Promise<ActionState>;
  fields: Record<string, string>;
  label: string | null;
  ariaLabel?: string;
  className?: string;
  secret?: { id: string; labels: OnceSecretLabels };
}) {
  const [state, formAction, pending] = useActionState(action, {});
  return (
    <>
      {secret && state.secret && <OnceSecret id={secret.id} value={state.secret} labels={secret.labels} />}
      {label !== null && (
        <form action={formAction}>
          <FormMessage message={state.message} />
          {Object.entries(fields).map(([name, value]) => (
            <input key={name} type="hidden" name={name} value={value} />
          ))}
          <button type="submit" className={className} disabled={pending} aria-label={ariaLabel}>
            {label}
          </button>
        </form>
      )}
    </>
  );
}
