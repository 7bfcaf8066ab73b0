'use client';
import { useActionState } from 'react';
import type { ActionState } from '@/lib/http/action';
import { FormMessage } from '../../_components/FormMessage';
import { setWorkshopStatusAction } from './actions';

// One button that changes the status of a workshop ("Publier", "Repasser en brouillon", or the
// confirmation of "Archiver"). A refusal (sessions still to come…) is shown above the button.
export function StatusForm({
  slug,
  status,
  label,
  context,
  returnTo,
  secondary,
}: {
  slug: string;
  status: 'draft' | 'published' | 'archived';
  label: string;
  // Said to screen readers after the label, when several such buttons share a page.
  context?: string;
  returnTo: string;
  secondary?: boolean;
}) {
  const [state, action, pending] = useActionState<ActionState, FormData>(setWorkshopStatusAction, {});
  return (
    <form action={action}>
      <FormMessage message={state.message} />
      <input type="hidden" name="slug" value={slug} />
      <input type="hidden" name="status" value={status} />
      <input type="hidden" name="returnTo" value={returnTo} />
      <button type="submit" className={secondary ? 'btn-secondary' : 'btn'} disabled={pending}>
        {label}
        {context && <span className="sr-only"> {context}</span>}
      </button>
    </form>
  );
}
