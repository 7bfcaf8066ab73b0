import 'server-only';
import { eq } from 'drizzle-orm';
import type { Database } from '../index';
import { attendance, noteUseful, notes, revisions, sessions, users, wishVotes, wishes } from '../schema';

// Demo carnet (issue 10): on the workshop of the demo learner's last attended session, a few
// realistic notes — a tip, a question with replies (one marked "ça m'a aidé"), feedback and the
// session's memo with two versions — and a few wishes. `apprenant1@exemple.fr` (password of the
// demo accounts) also came to that session, so the demo has two participants to try it with.
export async function seedNotes(db: Database, { sessionId, learnerId, mediatorId, now }: { sessionId: string; learnerId: string; mediatorId: string; now: Date }) {
  const [session] = await db.select({ workshopId: sessions.workshopId, startsAt: sessions.startsAt, endsAt: sessions.endsAt }).from(sessions).where(eq(sessions.id, sessionId));
  if (!session) return;
  const [peer] = await db.select({ id: users.id, name: users.name }).from(users).where(eq(users.email, 'apprenant1@exemple.fr'));
  if (!peer) return;
  await db
    .insert(attendance)
    .values({ sessionId, userId: peer.id, status: 'present', walkIn: true, markedById: mediatorId, markedAt: session.startsAt })
    .onConflictDoUpdate({ target: [attendance.sessionId, attendance.userId], set: { status: 'present' } });

  const after = (hours: number) => new Date(Math.min(now.getTime() - 60_000, session.endsAt.getTime() + hours * 3600_000));
  const w = session.workshopId;
  const firstName = (name: string) => name.split(' ')[0];
  const [learner] = await db.select({ name: users.name }).from(users).where(eq(users.id, learnerId));
  const memoBody = [
    '## Mémo de la séance',
    '',
    `Présents : ${[learner?.name, peer.name].filter(Boolean).map((n) => firstName(n!)).join(', ')}.`,
    '',
    '1. Allumer l’ordinateur et ouvrir le navigateur.',
    '2. Chercher le site officiel (l’adresse finit par **.gouv.fr**).',
    '3. Créer son compte avec son adresse e-mail, puis noter le mot de passe dans un carnet.',
  ].join('\n');
  const memoFinal = `${memoBody}\n4. Se déconnecter à la fin, surtout sur un ordinateur partagé.`;
  const rows = await db
    .insert(notes)
    .values([
      { authorId: mediatorId, workshopId: w, sessionId, kind: 'memo', visibility: 'participants', body: memoFinal, createdAt: after(1), updatedAt: after(20) },
      { authorId: mediatorId, workshopId: w, kind: 'tip', visibility: 'public', body: 'Pour agrandir le texte d’une page : **Ctrl** et **+** en même temps. **Ctrl** et **0** pour revenir.', createdAt: after(2) },
      { authorId: peer.id, workshopId: w, sessionId, kind: 'question', visibility: 'participants', body: 'Je n’ai pas reçu l’e-mail de confirmation. Où le chercher ?', createdAt: after(22) },
      { authorId: learnerId, workshopId: w, kind: 'feedback', visibility: 'network', body: 'Atelier très clair, on avance à notre rythme. Merci !', createdAt: after(24) },
    ])
    .returning({ id: notes.id, kind: notes.kind });
  const memo = rows.find((r) => r.kind === 'memo')!;
  const tip = rows.find((r) => r.kind === 'tip')!;
  const question = rows.find((r) => r.kind === 'question')!;
  await db.insert(notes).values([
    { authorId: mediatorId, workshopId: w, sessionId, parentId: question.id, kind: 'tip', visibility: 'participants', body: 'Regardez dans le dossier **Spam** ou **Courrier indésirable** : il y arrive souvent.', createdAt: after(26), helpedAt: after(30) },
    { authorId: learnerId, workshopId: w, sessionId, parentId: question.id, kind: 'tip', visibility: 'participants', body: 'Chez moi il a mis dix minutes à arriver.', createdAt: after(27) },
  ]);
  await db.insert(noteUseful).values([{ noteId: tip.id, userId: peer.id }, { noteId: tip.id, userId: learnerId }]);
  await db.insert(revisions).values([
    { noteId: memo.id, authorId: mediatorId, content: { body: memoBody }, createdAt: after(1) },
    { noteId: memo.id, authorId: peer.id, content: { body: memoFinal }, createdAt: after(20) },
  ]);

  const wishRows = await db
    .insert(wishes)
    .values([
      { kind: 'learn', title: 'Faire une visio avec mes petits-enfants', themes: ['reseaux-sociaux'], commune: 'Saint-Étienne', authorId: learnerId, createdAt: after(40) },
      { kind: 'learn', title: 'Déclarer mes impôts en ligne', themes: ['demarches'], commune: 'Roanne', authorId: peer.id, createdAt: after(41) },
      { kind: 'teach', title: 'Retoucher ses photos sur téléphone', themes: ['creer'], commune: 'Saint-Étienne', authorId: peer.id, createdAt: after(42) },
    ])
    .returning({ id: wishes.id });
  await db.insert(wishVotes).values([{ wishId: wishRows[0]!.id, userId: peer.id }]);
  return { workshopId: w };
}

