import 'server-only';
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Executor } from '@/db';
import { outbox, placeStaff, sessionTrainers, sessions, userRoles, workshopPlaces, workshops } from '@/db/schema';
import { publicOrigin } from '@/lib/http/origin';
import { translator, type MessageKey } from '@/lib/i18n';
import { loadRecipients, type Recipient } from '@/lib/notifications';

// Messages of the carnet, written to the outbox in the transaction of the change, like every
// other notification: a person without an e-mail address gets a 'skipped' row (staff see it).

type Mail = { kind: string; key: 'question' | 'hidden' | 'restored' | 'wishOpened'; vars: Record<string, string> };

export async function enqueue(tx: Executor, people: Recipient[], mail: Mail, { sessionId, now, dedupe }: { sessionId: string | null; now: Date; dedupe: string }): Promise<number> {
  if (people.length === 0) return 0;
  const rows = people.map((person) => {
    const t = translator(person.locale === 'en' ? 'en' : 'fr');
    const vars = { ...mail.vars, name: person.name, mySpaceUrl: `${publicOrigin()}/mon-espace` };
    return {
      recipientId: person.id,
      sessionId,
      dedupeKey: `${dedupe}:${person.id}`,
      toAddress: person.email,
      kind: mail.kind,
      subject: t(`notes.mail.${mail.key}.subject` as MessageKey, vars),
      body: [t(`notes.mail.${mail.key}.body` as MessageKey, vars), t('notifications.signature', vars)].join('\n\n'),
      status: person.email ? ('pending' as const) : ('skipped' as const),
      lastError: person.email ? null : 'no e-mail address',
      nextAttemptAt: now,
      createdAt: now,
    };
  });
  const inserted = await tx.insert(outbox).values(rows).onConflictDoNothing().returning({ id: outbox.id });
  return inserted.length;
}

// The trainers of the question's session; without a session, of every session of the workshop;
// with no trainer named, the staff (mediators) of the places that run it.
export async function trainersOf(tx: Executor, workshopId: string, sessionId: string | null): Promise<string[]> {
  const trainers = await tx
    .selectDistinct({ id: sessionTrainers.userId })
    .from(sessionTrainers)
    .innerJoin(sessions, eq(sessions.id, sessionTrainers.sessionId))
    .where(sessionId ? eq(sessions.id, sessionId) : eq(sessions.workshopId, workshopId));
  if (trainers.length > 0) return trainers.map((t) => t.id);
  const staff = await tx
    .selectDistinct({ id: placeStaff.userId })
    .from(placeStaff)
    .innerJoin(userRoles, and(eq(userRoles.userId, placeStaff.userId), eq(userRoles.role, 'mediator')))
    .where(
      sessionId
        ? sql`${placeStaff.placeId} in (select place_id from sessions where id = ${sessionId}::uuid union select place_id from workshop_places where workshop_id = ${workshopId}::uuid)`
        : inArray(placeStaff.placeId, tx.select({ id: workshopPlaces.placeId }).from(workshopPlaces).where(eq(workshopPlaces.workshopId, workshopId))),
    );
  return staff.map((s) => s.id);
}

async function workshopOf(tx: Executor, workshopId: string) {
  const [w] = await tx.select({ slug: workshops.slug, title: workshops.title }).from(workshops).where(eq(workshops.id, workshopId));
  return w!;
}

const excerpt = (body: string) => (body.length > 300 ? `${body.slice(0, 297)}…` : body);

export async function notifyTrainersOfQuestion(
  tx: Executor,
  { noteId, workshopId, sessionId, authorId, body, now }: { noteId: string; workshopId: string; sessionId: string | null; authorId: string; body: string; now: Date },
): Promise<number> {
  const ids = (await trainersOf(tx, workshopId, sessionId)).filter((id) => id !== authorId);
  const w = await workshopOf(tx, workshopId);
  return enqueue(tx, await loadRecipients(tx, ids), { kind: 'note-question', key: 'question', vars: { title: w.title, question: excerpt(body), url: `${publicOrigin()}/ateliers/${w.slug}#note-${noteId}` } }, { sessionId, now, dedupe: `note-question:${noteId}` });
}

export async function notifyAuthorOfHiding(
  tx: Executor,
  { noteId, authorId, workshopId, sessionId, hidden, reason, now }: { noteId: string; authorId: string; workshopId: string; sessionId: string | null; hidden: boolean; reason: string; now: Date },
): Promise<number> {
  const w = await workshopOf(tx, workshopId);
  return enqueue(
    tx,
    await loadRecipients(tx, [authorId]),
    { kind: hidden ? 'note-hidden' : 'note-restored', key: hidden ? 'hidden' : 'restored', vars: { title: w.title, reason, url: `${publicOrigin()}/ateliers/${w.slug}` } },
    { sessionId, now, dedupe: `note-${hidden ? 'hidden' : 'restored'}:${noteId}:${now.getTime()}` },
  );
}

