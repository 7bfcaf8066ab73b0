import 'server-only';
import { unstable_rethrow } from 'next/navigation';
import { getActor } from '@/lib/auth/actor';
import type { Actor } from '@/lib/auth/policy';
import { UserError } from '@/lib/errors';
import { log } from '@/lib/log';

export type ActionState = {
  ok?: boolean;
  message?: string;
  fieldErrors?: Record<string, string[]>;
  // What the person typed, so the form is not emptied on error (never passwords).
  values?: Record<string, string>;
};

function formValues(formData: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of formData.entries()) {
    if (typeof value === 'string' && !key.startsWith('$') && !/password/i.test(key)) values[key] = value;
  }
  return values;
}

// Every server action goes through here: the form data, the current actor, then the lib/
// function (which validates and checks permissions). Person-facing errors come back as state;
// redirects pass through; anything else is logged and shown as a generic message.
export function serverAction(handler: (input: Record<string, string>, actor: Actor | null) => Promise<ActionState | void>) {
  return async (_previous: ActionState, formData: FormData): Promise<ActionState> => {
    const values = formValues(formData);
    const input = Object.fromEntries([...formData.entries()].filter(([k, v]) => typeof v === 'string' && !k.startsWith('$'))) as Record<string, string>;
    try {
      return (await handler(input, await getActor())) ?? { ok: true };
    } catch (error) {
      unstable_rethrow(error);
      if (error instanceof UserError) return { message: error.message, fieldErrors: error.fieldErrors, values };
      const requestId = crypto.randomUUID();
      log.error({ err: error, requestId }, 'unexpected error in server action');
      return { message: `Une erreur inattendue est survenue. Numéro de la demande : ${requestId}.`, values };
    }
  };
}
