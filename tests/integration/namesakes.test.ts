import { beforeAll, describe, expect, it } from 'vitest';
import { enrollments, users } from '@/db/schema';
import { getRoster } from '@/lib/attendance/roster';
import { searchKnownLearners } from '@/lib/learners';
import { renderSignInSheet } from '@/lib/pdf/sign-in-sheet';
import { demoActor } from '../helpers/actors';
import { db, seededTestDatabase } from '../helpers/db';
import { makeSession } from '../helpers/enrollment-fixtures';
import { parsePdf } from '../helpers/pdf';

describe('namesakes', () => {
  let session: string;
  beforeAll(async () => {
    await seededTestDatabase();
    session = await makeSession({ capacity: 10, startsAt: new Date(Date.now() + 3 * 86400_000) });
    const rows = await db
      .insert(users)
      .values([
        { name: 'Jean Martinon', phone: '+33611111178' },
        { name: 'Jean MARTINON', email: 'jean.martinon@exemple.fr' },
        { name: 'Claire Unique', phone: '+33611111199' },
      ])
      .returning({ id: users.id });
    await db.insert(enrollments).values(rows.map((r) => ({ sessionId: session, userId: r.id, status: 'confirmed' as const })));
  });

  it('tells two people of the same name apart on the roster, without naming the others', async () => {
    const roster = await getRoster(await demoActor('mediator'), session);
    const hints = Object.fromEntries(roster.people.map((p) => [p.name, p.namesake]));
    expect(hints['Jean Martinon']).toBe('tél. …78');
    expect(hints['Jean MARTINON']).toBe('j…@exemple.fr');
    expect(hints['Claire Unique']).toBeUndefined();
  });

  it('prints the hint on the sign-in sheet', async () => {
    const roster = await getRoster(await demoActor('mediator'), session);
    const pdf = await parsePdf(await renderSignInSheet({ session: roster.session, people: roster.people, blank: true, printedAt: new Date() }));
    expect(pdf.text).toContain('tél. …78');
    expect(pdf.text).toContain('j…@exemple.fr');
  });

  it('tells them apart in the desk search', async () => {
    const found = await searchKnownLearners(await demoActor('mediator'), { q: 'martinon' });
    expect(found.map((f) => f.namesake).sort()).toEqual(['j…@exemple.fr', 'tél. …78']);
  });
});
