import { z } from 'zod';

// THE check that a value is a uuid (our primary keys). An id that is not one names nothing: the
// callers answer 404 without asking the database, which would fail on the cast.
const uuid = z.uuid();

export const isUuid = (value: unknown): value is string => uuid.safeParse(value).success;
