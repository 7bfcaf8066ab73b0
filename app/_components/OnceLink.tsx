'use client';
import { useActionState } from 'react';
import type { ActionState } from '@/lib/http/action';
import { CopyField } from './CopyField';
import { FormMessage } from './FormMessage';

export type OnceLinkLabels = { link: string; hint: string; once: string; copy: string; copied: string };

// A private link just made, with the warning that it will not be shown again.
export function OnceSecret({ id, value, labels }: { id: string; value: string; labels: OnceLinkLabels }) {
  return (
    <div className="mb-3 rounded-lg border-2 border-brand-700 p-3">
      <p role="status" className="mb-2 font-semibold">
        {labels.once}
      </p>
      <CopyField id={id} label={labels.link} hint={labels.hint} value={value} copyLabel={labels.copy} copiedLabel={labels.copied} />
    </div>
  );
}

// A button that makes a private link (a new one replaces the old) and shows it this once: only
// its hash is kept, so the page can never show it again. Keep one per link at the same place in
// the page (keyed by the link's id in lists): the link lives in this component's state, which a
// re-render after the action keeps. Works without JavaScript.
export function OnceLink({
  id,
  action,
  fields = {},
  button,
  ariaLabel,
  className = 'btn',
  labels,
}: {
  id: string;
  action: (state: ActionState, formData: FormData) => Promise<ActionState>;
  fields?: Record<string, string>;
  // No button (a revoked link): only a link just made, if any, is shown.
  button: string | null;
  ariaLabel?: string;
  className?: string;
  labels: OnceLinkLabels;
}) {
  const [state, formAction, pending] = useActionState(action, {});
  return (
    <>
      {state.secret && <OnceSecret id={id} value={state.secret} labels={labels} />}
      {button && (
        <form action={formAction}>
          <FormMessage message={state.message} />
          {Object.entries(fields).map(([name, value]) => (
            <input key={name} type="hidden" name={name} value={value} />
          ))}
          <button type="submit" className={className} disabled={pending} aria-label={ariaLabel}>
            {button}
          </button>
        </form>
      )}
    </>
  );
}
