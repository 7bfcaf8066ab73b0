import 'server-only';
import { z } from 'zod';
import { ValidationError } from './errors';

// zod's own messages (for the few rules without a message of ours) are in French, everywhere.
z.config(z.locales.fr());

export const BAD_TEXT_MESSAGE = 'Ce texte contient un caractère invalide (caractère nul ou mal encodé).';

// NUL bytes and lone UTF-16 surrogates cannot be stored (PostgreSQL refuses them in text) nor
// shown: any text that holds one is refused before it reaches a schema or the database.
const BAD_TEXT = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export function isBadText(text: string): boolean {
  return BAD_TEXT.test(text);
}

// The path ("notes", "participants.0.name", "_" for the whole input) of the first bad text in a
// value (keys included), or null when every text is clean.
export function findBadText(value: unknown, path: (string | number)[] = [], depth = 0): string | null {
  if (typeof value === 'string') return isBadText(value) ? path.join('.') || '_' : null;
  if (value === null || typeof value !== 'object' || depth > 64) return null;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = findBadText(value[i], [...path, i], depth + 1);
      if (found !== null) return found;
    }
    return null;
  }
  for (const [key, item] of Object.entries(value)) {
    if (isBadText(key)) return [...path, key.replace(BAD_TEXT, '?')].join('.');
    const found = findBadText(item, [...path, key], depth + 1);
    if (found !== null) return found;
  }
  return null;
}

// Throws a 400 ValidationError naming the field when any text of the value is invalid.
export function assertCleanText(value: unknown): void {
  const field = findBadText(value);
  if (field !== null) throw new ValidationError({ [field]: [BAD_TEXT_MESSAGE] });
}

// Field path → French messages, as forms and problem+json responses show them.
export function fieldErrorsOf(error: z.ZodError): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const key = issue.path.length ? issue.path.join('.') : '_';
    (out[key] ??= []).push(issue.message);
  }
  return out;
}

// Parses input with a schema, or throws a ValidationError that lists the offending fields.
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  assertCleanText(input);
  const result = schema.safeParse(input);
  if (!result.success) throw new ValidationError(fieldErrorsOf(result.error));
  return result.data;
}
