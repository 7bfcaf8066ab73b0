import 'server-only';
import { and, asc, desc, eq, or, sql } from 'drizzle-orm';
import type { Transaction } from '@/db';
import {
  accessibilityReports,
  activities,
  attendance,
  auditLog,
  enrollments,
  notes,
  noteUseful,
  outbox,
  passwordResets,
  placeStaff,
  places,
  reports,
  resourceRatings,
  resources,
  sessions,
  sessionTrainers,
  userRoles,
  wishes,
  wishVotes,
  workshops,
} from '@/db/schema';

// What Comptoir holds about a person, table by table: the one list that both the export ("Mes
// données") and the erasure read. Like Moodle's privacy API, every column that points at a person
// must be declared here; tests/integration/privacy.test.ts lists the schema's columns that
// reference users(id) and fails when one is missing, so a new table cannot be forgotten.
//
// `erase` runs inside the erasure transaction, after the person's future sign-ups are cancelled
// and before their users row is anonymised. Rows needed by attendance counts, statistics,
// activity reports and sign-in sheets are kept: they point at the anonymised users row.

export type ErasureContext = {
  userId: string;
  // The person's own values (name, e-mail, phone), to wipe from free text and logs.
  values: string[];
  now: Date;
};

export type PersonDataEntry = {
  // SQL table name and the columns of that table that reference users(id).
  table: string;
  columns: string[];
  // Key of the export's JSON where the rows go; omitted when the rows say nothing about the person
  // that another section does not already say (e.g. who marked an attendance).
  section?: string;
  export?: (tx: Transaction, userId: string) => Promise<unknown>;
  // What erasure does; `keep` says why the rows stay.
  erase: ((tx: Transaction, ctx: ErasureContext) => Promise<void>) | { keep: string };
};



// Replaces each of the person's values in a text or jsonb column by "[effacé]" (literal match).
export function scrubbed(column: string, values: string[], json = false): ReturnType<typeof sql> {
  let expr = json ? sql`${sql.raw(column)}::text` : sql.raw(column);
  for (const value of values) {
    const needle = json ? JSON.stringify(value).slice(1, -1) : value;
    expr = sql`replace(${expr}, ${needle}, '[effacé]')`;
  }
  return json ? sql`(${expr})::jsonb` : expr;
}

export const PERSON_DATA: PersonDataEntry[] = [
  {
    table: 'users',
    columns: ['created_by_id'],
    // The profile itself is exported by exportPersonData and anonymised last by erasePerson;
    // profiles this person created at the desk belong to those people.
    erase: { keep: 'profiles created at the desk belong to the people they describe' },
  },
  {
    table: 'user_roles',
    columns: ['user_id'],
    section: 'roles',
    export: (tx, userId) => tx.select({ role: userRoles.role, grantedAt: userRoles.grantedAt }).from(userRoles).where(eq(userRoles.userId, userId)),
    erase: async (tx, { userId }) => {
      await tx.delete(userRoles).where(eq(userRoles.userId, userId));
    },
  },
  {
    table: 'place_staff',
    columns: ['user_id'],
    section: 'staffedPlaces',
    export: (tx, userId) =>
      tx.select({ place: places.name, since: placeStaff.createdAt }).from(placeStaff).innerJoin(places, eq(places.id, placeStaff.placeId)).where(eq(placeStaff.userId, userId)),
    erase: async (tx, { userId }) => {
      await tx.delete(placeStaff).where(eq(placeStaff.userId, userId));
    },
  },
  {
    table: 'session_trainers',
    columns: ['user_id'],
    section: 'trainedSessions',
    export: (tx, userId) =>
      tx
        .select({ sessionId: sessions.id, workshop: workshops.title, startsAt: sessions.startsAt })
        .from(sessionTrainers)
        .innerJoin(sessions, eq(sessions.id, sessionTrainers.sessionId))
        .innerJoin(workshops, eq(workshops.id, sessions.workshopId))
        .where(eq(sessionTrainers.userId, userId))
        .orderBy(asc(sessions.startsAt)),
    erase: { keep: 'the sessions keep a trainer, shown under the anonymised name' },
  },
  {
    table: 'enrollments',
    columns: ['user_id', 'created_by_id'],
    section: 'enrollments',
    export: (tx, userId) =>
      tx
        .select({
          sessionId: sessions.id,
          workshop: workshops.title,
          place: places.name,
          startsAt: sessions.startsAt,
          endsAt: sessions.endsAt,
          status: enrollments.status,
          source: enrollments.source,
          createdAt: enrollments.createdAt,
          confirmedAt: enrollments.confirmedAt,
          waitlistedAt: enrollments.waitlistedAt,
          cancelledAt: enrollments.cancelledAt,
        })
        .from(enrollments)
        .innerJoin(sessions, eq(sessions.id, enrollments.sessionId))
        .innerJoin(workshops, eq(workshops.id, sessions.workshopId))
        .innerJoin(places, eq(places.id, sessions.placeId))
        .where(eq(enrollments.userId, userId))
        .orderBy(asc(sessions.startsAt)),
    // Future sign-ups are cancelled (and the waiting list promoted) by erasePerson before this.
    erase: { keep: 'past sign-ups make the attendance counts and statistics; they point at the anonymised profile' },
  },
  {
    table: 'attendance',
    columns: ['user_id', 'marked_by_id'],
    section: 'attendance',
    export: (tx, userId) =>
      tx
        .select({
          sessionId: sessions.id,
          workshop: workshops.title,
          place: places.name,
          startsAt: sessions.startsAt,
          status: attendance.status,
          walkIn: attendance.walkIn,
          markedAt: attendance.markedAt,
          certificateCode: attendance.certificateCode,
        })
        .from(attendance)
        .innerJoin(sessions, eq(sessions.id, attendance.sessionId))
        .innerJoin(workshops, eq(workshops.id, sessions.workshopId))
        .innerJoin(places, eq(places.id, sessions.placeId))
        .where(eq(attendance.userId, userId))
        .orderBy(asc(sessions.startsAt)),
    erase: { keep: 'attendance makes the statistics and the sign-in sheets; it points at the anonymised profile' },
  },
  {
    table: 'notes',
    columns: ['author_id', 'moderated_by_id'],
    section: 'notes',
    export: (tx, userId) =>
      tx
        .select({ id: notes.id, kind: notes.kind, visibility: notes.visibility, body: notes.body, status: notes.status, createdAt: notes.createdAt, updatedAt: notes.updatedAt })
        .from(notes)
        .where(eq(notes.authorId, userId))
        .orderBy(asc(notes.createdAt)),
    // What a person wrote is theirs: it goes with them (with its reports and versions).
    erase: async (tx, { userId }) => {
      await tx.delete(notes).where(eq(notes.authorId, userId));
    },
  },
  {
    table: 'activities',
    columns: ['mediator_id', 'learner_id'],
    section: 'activities',
    export: (tx, userId) =>
      tx
        .select({ id: activities.id, kind: activities.kind, date: activities.date, durationMinutes: activities.durationMinutes, themes: activities.themes, asMediator: sql<boolean>`${activities.mediatorId} = ${userId}`, notes: activities.notes })
        .from(activities)
        .where(or(eq(activities.mediatorId, userId), eq(activities.learnerId, userId)))
        .orderBy(asc(activities.date)),
    // Activity reports stay (they are the network's statistics); the person's name is taken out of
    // their free text.
    erase: async (tx, { userId, values }) => {
      await tx
        .update(activities)
        .set({ notes: scrubbed('"notes"', values) })
        .where(or(eq(activities.mediatorId, userId), eq(activities.learnerId, userId)));
    },
  },
  {
    table: 'activity_participants',
    columns: ['user_id'],
    erase: { keep: 'participant counts of activity reports; they point at the anonymised profile' },
  },
  {
    table: 'stat_shares',
    columns: ['created_by_id'],
    erase: { keep: 'statistics links belong to the place or the network' },
  },
  {
    table: 'workshops',
    columns: ['created_by_id'],
    erase: { keep: 'the catalogue belongs to the network' },
  },
  {
    table: 'resources',
    columns: ['author_id'],
    section: 'resources',
    export: (tx, userId) => tx.select({ id: resources.id, title: resources.title, createdAt: resources.createdAt }).from(resources).where(eq(resources.authorId, userId)),
    erase: { keep: 'shared resources stay for the network, shown under the anonymised name' },
  },
  {
    table: 'accessibility_reports',
    columns: ['reporter_id', 'handled_by_id'],
    section: 'accessibilityReports',
    export: (tx, userId) =>
      tx
        .select({ description: accessibilityReports.description, pageUrl: accessibilityReports.pageUrl, contact: accessibilityReports.contact, name: accessibilityReports.name, status: accessibilityReports.status, createdAt: accessibilityReports.createdAt })
        .from(accessibilityReports)
        .where(eq(accessibilityReports.reporterId, userId)),
    erase: async (tx, { userId, values }) => {
      await tx
        .update(accessibilityReports)
        .set({ name: null, contact: null, reporterId: null, description: scrubbed('"description"', values) })
        .where(eq(accessibilityReports.reporterId, userId));
    },
  },
  {
    table: 'reports',
    columns: ['reporter_id', 'resolved_by_id'],
    section: 'reports',
    export: (tx, userId) => tx.select({ reason: reports.reason, comment: reports.comment, createdAt: reports.createdAt }).from(reports).where(eq(reports.reporterId, userId)),
    erase: async (tx, { userId }) => {
      await tx.update(reports).set({ comment: '' }).where(eq(reports.reporterId, userId));
    },
  },
  {
    table: 'revisions',
    columns: ['author_id'],
    // Versions of the person's notes go with the notes; versions of shared resources stay.
    erase: { keep: 'versions of shared resources stay with them' },
  },
  {
    table: 'audit_log',
    columns: ['actor_id'],
    section: 'auditEntries',
    export: (tx, userId) =>
      tx
        .select({ action: auditLog.action, entityType: auditLog.entityType, entityId: auditLog.entityId, byMe: sql<boolean>`${auditLog.actorId} = ${userId}`, at: auditLog.at })
        .from(auditLog)
        .where(or(eq(auditLog.actorId, userId), and(eq(auditLog.entityType, 'user'), eq(auditLog.entityId, userId))))
        .orderBy(desc(auditLog.at))
        .limit(1000),
    // The log keeps what happened; the person's values are taken out of its details.
    erase: async (tx, { values }) => {
      if (values.length === 0) return;
      const hit = or(...values.flatMap((v) => [sql`${auditLog.before}::text like ${`%${JSON.stringify(v).slice(1, -1)}%`}`, sql`${auditLog.after}::text like ${`%${JSON.stringify(v).slice(1, -1)}%`}`]));
      await tx
        .update(auditLog)
        .set({ before: scrubbed('"before"', values, true), after: scrubbed('"after"', values, true) })
        .where(hit);
    },
  },
  {
    table: 'outbox',
    columns: ['recipient_id'],
    section: 'messages',
    export: (tx, userId) =>
      tx.select({ kind: outbox.kind, subject: outbox.subject, status: outbox.status, createdAt: outbox.createdAt, sentAt: outbox.sentAt }).from(outbox).where(eq(outbox.recipientId, userId)).orderBy(asc(outbox.createdAt)),
    erase: async (tx, { userId }) => {
      await tx.delete(outbox).where(eq(outbox.recipientId, userId));
    },
  },
  {
    table: 'password_resets',
    columns: ['user_id', 'created_by_id'],
    section: 'passwordResets',
    export: (tx, userId) =>
      tx.select({ kind: passwordResets.kind, createdAt: passwordResets.createdAt, expiresAt: passwordResets.expiresAt, usedAt: passwordResets.usedAt }).from(passwordResets).where(eq(passwordResets.userId, userId)),
    erase: async (tx, { userId }) => {
      await tx.delete(passwordResets).where(eq(passwordResets.userId, userId));
    },
  },
  {
    table: 'note_useful',
    columns: ['user_id'],
    // "Utile" marks: counts without a name once the person is erased.
    erase: async (tx, { userId }) => {
      await tx.delete(noteUseful).where(eq(noteUseful.userId, userId));
    },
  },
  {
    table: 'wishes',
    columns: ['author_id', 'created_by_id'],
    section: 'wishes',
    export: (tx, userId) =>
      tx.select({ id: wishes.id, title: wishes.title, themes: wishes.themes, commune: wishes.commune, createdAt: wishes.createdAt }).from(wishes).where(eq(wishes.authorId, userId)),
    // A wish is the network's demand (counted by theme and commune): it stays, without its author.
    erase: async (tx, { userId, values }) => {
      await tx.update(wishes).set({ authorId: null, title: scrubbed('"title"', values) }).where(eq(wishes.authorId, userId));
    },
  },
  {
    table: 'wish_votes',
    columns: ['user_id'],
    section: 'wishVotes',
    export: (tx, userId) => tx.select({ wishId: wishVotes.wishId }).from(wishVotes).where(eq(wishVotes.userId, userId)),
    erase: { keep: '"moi aussi" counts of the demand board; they point at the anonymised profile' },
  },
  {
    table: 'resource_ratings',
    columns: ['user_id'],
    section: 'ratings',
    export: (tx, userId) => tx.select({ resourceId: resourceRatings.resourceId, value: resourceRatings.value }).from(resourceRatings).where(eq(resourceRatings.userId, userId)),
    erase: { keep: 'ratings stay in the averages; they point at the anonymised profile' },
  },
  {
    table: 'resource_files',
    columns: ['created_by_id'],
    erase: { keep: 'files of shared resources stay with them' },
  },
];
