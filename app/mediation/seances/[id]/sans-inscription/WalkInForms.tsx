'use client';
import { useActionState } from 'react';
import { FormMessage } from '@/app/_components/FormMessage';
import { addKnownWalkInAction } from './actions';

// One found person: a single button adds them.
export function PickWalkInForm({ sessionId, personId, label, detail }: { sessionId: string; personId: string; label: string; detail: string }) {
  const [state, action, pending] = useActionState(addKnownWalkInAction, {});
  return (
    <form action={action}>
      <FormMessage message={state.message} />
      <input type="hidden" name="sessionId" value={sessionId} />
      <input type="hidden" name="personId" value={personId} />
      <button
        type="submit"
        className="flex min-h-12 w-full flex-col items-start rounded-lg border-2 border-brand-800 bg-white px-4 py-2 text-left text-base font-semibold text-brand-800 hover:bg-brand-50"
        disabled={pending}
      >
        <span>{label}</span>
        {detail && <span className="text-sm font-normal text-slate-700">{detail}</span>}
      </button>
    </form>
  );
}
