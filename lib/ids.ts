import { z } from 'zod';

// THE check that a value is a uuid (our primary keys). An id that is not one names nothing: the
// callers answer 404 without asking the database, which would fail on the cast.
export const uuidSchema = z.uuid();

export const isUuid = (value: unknown): value is string => uuidSchema.safeParse(value).success;

// A session chosen in a form (the desk, walk-ins).
export const sessionIdSchema = z.uuid({ error: 'Choisissez une séance.' });
