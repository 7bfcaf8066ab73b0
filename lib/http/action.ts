import 'server-only';
import { unstable_rethrow } from 'next/navigation';
import { z } from 'zod';
import type { Actor } from '@/lib/auth/policy';
import { UserError } from '@/lib/errors';
import { errorSummary, log } from '@/lib/log';
import { parseInput } from '@/lib/validation';
import { isDatabaseUnavailable } from './problem';

export type ActionState = {
  ok?: boolean;
  message?: string;
  fieldErrors?: Record<string, string[]>;
  // What the person typed, so the form is not emptied on error (never passwords).
  values?: Record<string, string>;
  // A private link just made, shown this once (only its hash is kept): app/_components/OnceSecret.
  secret?: string;
};

// The form's text fields: one string per name (Next.js' own "$ACTION_…" fields left out).
function formStrings(formData: FormData): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of formData.entries()) {
    if (typeof value === 'string' && !key.startsWith('$') && !(key in out)) out[key] = value;
  }
  return out;
}

function formValues(input: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(input).filter(([key]) => !/password/i.test(key)));
}

// A form schema: every named field is an optional string (the lib/ function the action calls
// checks what each means); other fields are dropped, so nothing unexpected reaches lib/.
export function formFields<const K extends string>(...names: K[]) {
  return z.object(Object.fromEntries(names.map((name) => [name, z.string().max(100_000).optional()])) as { [P in K]: z.ZodOptional<z.ZodString> });
}

// For a button that sends nothing but itself.
export const noFormFields = z.object({});

// For forms whose field names are data (one checkbox per theme, "theme:e-mail" = "on").
export const dynamicFormFields = z.record(z.string().max(200), z.string().max(100_000));

// Loaded when an action runs (next-auth needs Next's request context, not module load time).
async function currentActor(): Promise<Actor | null> {
  const { getActor } = await import('@/lib/auth/actor');
  return getActor();
}

type FormSchema = z.ZodType<Record<string, unknown>, Record<string, string | undefined>>;

// Every server action goes through here: the form data is parsed by the action's schema (NUL
// bytes, lone surrogates and malformed fields get French messages next to the fields), then
// the lib/ function runs with the current actor (it checks permissions and validates meaning).
// Person-facing errors come back as state; redirects pass through; anything else is logged and
// shown as a generic message. The schema is required: no action can skip validation.
export function serverAction<S extends FormSchema>(schema: S, handler: (input: z.infer<S>, actor: Actor | null) => Promise<ActionState | void>) {
  return async (_previous: ActionState, formData: FormData): Promise<ActionState> => {
    const raw = formStrings(formData);
    const values = formValues(raw);
    try {
      const input = parseInput(schema, raw);
      return (await handler(input, await currentActor())) ?? { ok: true };
    } catch (error) {
      unstable_rethrow(error);
      if (error instanceof UserError) return { message: error.message, fieldErrors: error.fieldErrors, values };
      if (isDatabaseUnavailable(error)) return { message: 'Le service est momentanément indisponible. Réessayez dans quelques secondes.', values };
      const requestId = crypto.randomUUID();
      log.error({ err: errorSummary(error), requestId }, 'unexpected error in server action');
      return { message: `Une erreur inattendue est survenue. Numéro de la demande : ${requestId}.`, values };
    }
  };
}

// A plain form action (a button with no state to show): same parsing, errors thrown.
export function formAction<S extends FormSchema>(schema: S, handler: (input: z.infer<S>, actor: Actor | null) => Promise<void>) {
  return async (formData: FormData): Promise<void> => {
    const input = parseInput(schema, formStrings(formData));
    await handler(input, await currentActor());
  };
}

// A server function that only reads: what a shared page leaves to the browser (the sign-up panel
// of the person who asks). Its one argument is checked by `schema` (anything else answers
// null, nothing is read); unexpected errors are logged, and the browser shows its French
// message. Reads the actor like the other actions.
export function readAction<S extends z.ZodType, T>(schema: S, handler: (input: z.infer<S>, actor: Actor | null) => Promise<T>) {
  return async (argument: unknown): Promise<T | null> => {
    const input = schema.safeParse(argument);
    if (!input.success) return null;
    try {
      return await handler(input.data, await currentActor());
    } catch (error) {
      unstable_rethrow(error);
      if (!isDatabaseUnavailable(error)) log.error({ err: errorSummary(error) }, 'unexpected error in a read action');
      throw new Error('unavailable');
    }
  };
}
