import { describe, expect, it } from 'vitest';
import { errorSummary } from '@/lib/log';

describe('what an error log line says', () => {
  it('keeps the error class, code and first line, never the query parameters', () => {
    const cause = Object.assign(new Error('duplicate key value violates unique constraint "users_email_key"'), { code: '23505' });
    const error = new Error('Failed query: insert into "users" ("name", "email", "password_hash") values ($1, $2, $3)\nparams: Marie Dupont,marie@exemple.fr,$argon2id$v=19$m=19456', { cause });
    const summary = errorSummary(error);
    expect(summary).toMatchObject({ type: 'Error', code: '23505' });
    const text = JSON.stringify(summary);
    expect(text).not.toMatch(/marie@exemple\.fr|Marie Dupont|argon2/);
  });
});
