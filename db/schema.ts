// The whole Comptoir domain (see ../shared/DESIGN.md). Column names are camelCase here and
// snake_case in SQL (drizzle `casing: 'snake_case'`). Instants are UTC timestamptz; wall-clock
// computations happen in Europe/Paris in lib/.
import { sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import {
  bigserial,
  boolean,
  customType,
  check,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

// Raw bytes (lib/storage chunks).
const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({
  dataType: () => 'bytea',
  toDriver: (value) => Buffer.from(value.buffer, value.byteOffset, value.byteLength),
});

const createdAt = () => timestamp({ withTimezone: true }).notNull().defaultNow();
const updatedAt = () => timestamp({ withTimezone: true }).notNull().defaultNow();

// Every signed-in account is a learner; these are the extra roles.
export const roleEnum = pgEnum('role', ['mediator', 'coordinator', 'admin']);
export const workshopStatusEnum = pgEnum('workshop_status', ['draft', 'published', 'archived']);
export const levelEnum = pgEnum('level', ['beginner', 'intermediate', 'advanced']);
export const sessionStatusEnum = pgEnum('session_status', ['scheduled', 'cancelled', 'done']);
export const enrollmentStatusEnum = pgEnum('enrollment_status', ['confirmed', 'waitlisted', 'cancelled']);
export const enrollmentSourceEnum = pgEnum('enrollment_source', ['self', 'staff']);
export const attendanceStatusEnum = pgEnum('attendance_status', ['unmarked', 'present', 'late', 'excused', 'absent']);
export const noteKindEnum = pgEnum('note_kind', ['tip', 'question', 'memo', 'feedback']);
// Who reads a note (lib/notes/visibility.ts is the one rule).
export const noteVisibilityEnum = pgEnum('note_visibility', ['private', 'participants', 'network', 'public']);
export const wishKindEnum = pgEnum('wish_kind', ['learn', 'teach']);
export const visibilityEnum = pgEnum('visibility', ['private', 'group', 'network', 'public']);
export const noteStatusEnum = pgEnum('note_status', ['visible', 'hidden']);
export const activityKindEnum = pgEnum('activity_kind', ['individual', 'collective']);
// 'skipped': the person has no e-mail address, so there is nothing to send (staff see it and phone them).
export const outboxStatusEnum = pgEnum('outbox_status', ['pending', 'sent', 'failed', 'skipped']);

export const users = pgTable(
  'users',
  {
    id: uuid().primaryKey().defaultRandom(),
    name: text().notNull(),
    // Lower-cased on write. Nullable: a mediator may create a profile for someone with no e-mail.
    email: text(),
    phone: text(),
    passwordHash: text(),
    commune: text(),
    // Profiles created at the desk record when the person agreed to us keeping their data.
    consentAt: timestamp({ withTimezone: true }),
    createdById: uuid().references((): AnyPgColumn => users.id, { onDelete: 'set null' }),
    claimedAt: timestamp({ withTimezone: true }),
    // A desk-created profile is claimed with its phone number and a one-time code given by the
    // mediator; only the code's SHA-256 is kept, and it expires.
    claimCodeHash: text(),
    claimCodeExpiresAt: timestamp({ withTimezone: true }),
    // The private calendar feed's secret, as lib/auth/secret-hash keeps it (never in clear: the
    // link is shown once, when made); null when revoked.
    calendarTokenHash: text(),
    calendarTokenCreatedAt: timestamp({ withTimezone: true }),
    locale: text().notNull().default('fr'),
    disabledAt: timestamp({ withTimezone: true }),
    // Set when the person's data was erased (lib/privacy): the row stays, anonymised, so that
    // attendance counts, statistics and activity reports stay correct.
    erasedAt: timestamp({ withTimezone: true }),
    // Raised when the password changes or the account is disabled: sessions signed with an older
    // value end (checked by loadActor on every request).
    sessionVersion: integer().notNull().default(0),
    // Version of the privacy text (/confidentialite) the person accepted, with consentAt.
    consentVersion: text(),
    // Last sign-in or desk contact, for the retention job; warned before anonymisation.
    lastActiveAt: timestamp({ withTimezone: true }),
    retentionWarnedAt: timestamp({ withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('users_email_unique').on(t.email),
    index('users_last_active_idx').on(t.lastActiveAt),
    // Accounts without e-mail sign in with their phone number: one such account per number.
    uniqueIndex('users_phone_account_unique').on(t.phone).where(sql`${t.email} is null and ${t.passwordHash} is not null`),
    uniqueIndex('users_calendar_token_hash_unique').on(t.calendarTokenHash),
    index('users_created_by_idx').on(t.createdById),
    index('users_phone_idx').on(t.phone),
    check('users_email_lowercase', sql`${t.email} = lower(${t.email})`),
    check('users_locale_valid', sql`${t.locale} in ('fr', 'en')`),
  ],
);

export const userRoles = pgTable(
  'user_roles',
  {
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    role: roleEnum().notNull(),
    grantedAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.role] })],
);

// A place of the network; columns follow the national standard of digital-mediation places
// (standards/lieux-mediation-numerique.schema.json). Multi-valued fields are arrays here and
// joined with '|' on export.
export const places = pgTable(
  'places',
  {
    id: uuid().primaryKey().defaultRandom(),
    slug: text().notNull(),
    // "pivot": SIRET/RNA of the structure.
    pivot: text().notNull(),
    name: text().notNull(),
    commune: text().notNull(),
    postalCode: text().notNull(),
    inseeCode: text(),
    address: text().notNull(),
    addressComplement: text(),
    latitude: doublePrecision(),
    longitude: doublePrecision(),
    typology: text().array().notNull().default(sql`'{}'::text[]`),
    phone: text(),
    emails: text().array().notNull().default(sql`'{}'::text[]`),
    websites: text().array().notNull().default(sql`'{}'::text[]`),
    // OpenStreetMap opening_hours syntax.
    openingHours: text(),
    summary: text(),
    description: text(),
    source: text(),
    roaming: text().array().notNull().default(sql`'{}'::text[]`),
    parentStructure: text(),
    services: text().array().notNull().default(sql`'{}'::text[]`),
    publics: text().array().notNull().default(sql`'{}'::text[]`),
    specificSupport: text().array().notNull().default(sql`'{}'::text[]`),
    fees: text().array().notNull().default(sql`'{}'::text[]`),
    nationalPrograms: text().array().notNull().default(sql`'{}'::text[]`),
    trainingLabels: text().array().notNull().default(sql`'{}'::text[]`),
    otherTrainingLabels: text(),
    accessModes: text().array().notNull().default(sql`'{}'::text[]`),
    supportModes: text().array().notNull().default(sql`'{}'::text[]`),
    accessibilityUrl: text(),
    appointmentUrl: text(),
    // Plain-French access information shown to learners (bus line, floor, ramp…).
    accessInfo: text(),
    active: boolean().notNull().default(true),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('places_slug_unique').on(t.slug),
    index('places_commune_idx').on(t.commune),
    check('places_postal_code_format', sql`${t.postalCode} ~ '^[0-9]{5}$'`),
    check('places_summary_length', sql`char_length(${t.summary}) <= 280`),
  ],
);

export const placeStaff = pgTable(
  'place_staff',
  {
    placeId: uuid()
      .notNull()
      .references(() => places.id, { onDelete: 'cascade' }),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.placeId, t.userId] }), index('place_staff_user_idx').on(t.userId)],
);

// The table also has generated columns for search and sorting (search_text, search_vector,
// title_key), added by drizzle/0002_catalogue_search.sql and read only by lib/catalogue/search.ts.
export const workshops = pgTable(
  'workshops',
  {
    id: uuid().primaryKey().defaultRandom(),
    slug: text().notNull(),
    title: text().notNull(),
    summary: text().notNull(),
    description: text().notNull().default(''),
    // Theme codes of lib/vocabulary.ts; not checked here so that a retired code keeps old rows valid.
    themes: text().array().notNull().default(sql`'{}'::text[]`),
    level: levelEnum().notNull(),
    durationMinutes: integer().notNull(),
    audiences: text().array().notNull().default(sql`'{}'::text[]`),
    prerequisites: text().notNull().default(''),
    toBring: text().notNull().default(''),
    status: workshopStatusEnum().notNull().default('draft'),
    createdById: uuid().references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('workshops_slug_unique').on(t.slug),
    index('workshops_status_idx').on(t.status),
    index('workshops_created_by_idx').on(t.createdById),
    check('workshops_duration_positive', sql`${t.durationMinutes} > 0`),
  ],
);

// The places that run a workshop.
export const workshopPlaces = pgTable(
  'workshop_places',
  {
    workshopId: uuid()
      .notNull()
      .references(() => workshops.id, { onDelete: 'cascade' }),
    placeId: uuid()
      .notNull()
      .references(() => places.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.workshopId, t.placeId] }), index('workshop_places_place_idx').on(t.placeId)],
);

// One dated occurrence of a workshop ("séance").
export const sessions = pgTable(
  'sessions',
  {
    id: uuid().primaryKey().defaultRandom(),
    workshopId: uuid()
      .notNull()
      .references(() => workshops.id, { onDelete: 'cascade' }),
    placeId: uuid()
      .notNull()
      .references(() => places.id, { onDelete: 'restrict' }),
    startsAt: timestamp({ withTimezone: true }).notNull(),
    endsAt: timestamp({ withTimezone: true }).notNull(),
    capacity: integer().notNull(),
    status: sessionStatusEnum().notNull().default('scheduled'),
    // Sessions created together by one repeat rule share a series id.
    seriesId: uuid(),
    // Sign-up closes this many hours before the start.
    signupCutoffHours: integer().notNull().default(0),
    selfCheckIn: boolean().notNull().default(false),
    checkInCode: text(),
    lateAfterMinutes: integer().notNull().default(15),
    walkInsAllowed: boolean().notNull().default(true),
    closedAt: timestamp({ withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('sessions_workshop_idx').on(t.workshopId),
    index('sessions_place_starts_idx').on(t.placeId, t.startsAt),
    index('sessions_starts_idx').on(t.startsAt),
    index('sessions_series_idx').on(t.seriesId),
    // Self check-in codes are short, so they are only unique among sessions still open.
    uniqueIndex('sessions_check_in_code_open_unique').on(t.checkInCode).where(sql`${t.status} = 'scheduled'`),
    check('sessions_capacity_non_negative', sql`${t.capacity} >= 0`),
    check('sessions_ends_after_start', sql`${t.endsAt} > ${t.startsAt}`),
    check('sessions_cutoff_non_negative', sql`${t.signupCutoffHours} >= 0`),
    check('sessions_late_after_non_negative', sql`${t.lateAfterMinutes} >= 0`),
  ],
);

export const sessionTrainers = pgTable(
  'session_trainers',
  {
    sessionId: uuid()
      .notNull()
      .references(() => sessions.id, { onDelete: 'cascade' }),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.sessionId, t.userId] }), index('session_trainers_user_idx').on(t.userId)],
);

// A person on a session ("inscription").
export const enrollments = pgTable(
  'enrollments',
  {
    id: uuid().primaryKey().defaultRandom(),
    sessionId: uuid()
      .notNull()
      .references(() => sessions.id, { onDelete: 'cascade' }),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    status: enrollmentStatusEnum().notNull(),
    source: enrollmentSourceEnum().notNull().default('self'),
    createdById: uuid().references(() => users.id, { onDelete: 'set null' }),
    // Waiting-list order: oldest first, ties broken by id.
    waitlistedAt: timestamp({ withTimezone: true }),
    confirmedAt: timestamp({ withTimezone: true }),
    cancelledAt: timestamp({ withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('enrollments_session_user_unique').on(t.sessionId, t.userId),
    index('enrollments_user_idx').on(t.userId),
    index('enrollments_session_status_idx').on(t.sessionId, t.status),
    index('enrollments_created_by_idx').on(t.createdById),
  ],
);

// A person's presence at a session ("émargement"); walk-ins have no enrollment.
export const attendance = pgTable(
  'attendance',
  {
    sessionId: uuid()
      .notNull()
      .references(() => sessions.id, { onDelete: 'cascade' }),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    status: attendanceStatusEnum().notNull().default('unmarked'),
    walkIn: boolean().notNull().default(false),
    markedById: uuid().references(() => users.id, { onDelete: 'set null' }),
    markedAt: timestamp({ withTimezone: true }),
    // Verification code of the attendance certificate, once one is issued.
    certificateCode: text(),
  },
  (t) => [
    primaryKey({ columns: [t.sessionId, t.userId] }),
    index('attendance_user_idx').on(t.userId),
    index('attendance_marked_by_idx').on(t.markedById),
    uniqueIndex('attendance_certificate_code_unique').on(t.certificateCode),
  ],
);

// Peer-learning note ("note de partage") of a workshop, optionally about one session. Replies
// (one level deep) have a parent. The table also has generated columns search_text and
// search_vector (hand-written in drizzle/0011), read only by lib/notes.
export const notes = pgTable(
  'notes',
  {
    id: uuid().primaryKey().defaultRandom(),
    authorId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    workshopId: uuid().references(() => workshops.id, { onDelete: 'cascade' }),
    sessionId: uuid().references(() => sessions.id, { onDelete: 'cascade' }),
    parentId: uuid().references((): AnyPgColumn => notes.id, { onDelete: 'cascade' }),
    kind: noteKindEnum().notNull(),
    visibility: noteVisibilityEnum().notNull().default('private'),
    body: text().notNull(),
    status: noteStatusEnum().notNull().default('visible'),
    // A reply the asker marked "ça m'a aidé".
    helpedAt: timestamp({ withTimezone: true }),
    hiddenReason: text(),
    hiddenAt: timestamp({ withTimezone: true }),
    moderatedById: uuid().references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('notes_author_idx').on(t.authorId),
    index('notes_workshop_idx').on(t.workshopId, t.createdAt),
    index('notes_session_idx').on(t.sessionId),
    index('notes_parent_idx').on(t.parentId),
    index('notes_moderated_by_idx').on(t.moderatedById),
    check('notes_has_subject', sql`${t.workshopId} is not null or ${t.sessionId} is not null`),
    check('notes_body_not_empty', sql`char_length(${t.body}) > 0`),
    check('notes_body_length', sql`char_length(${t.body}) <= 20000`),
  ],
);

// One "utile" per person and note.
export const noteUseful = pgTable(
  'note_useful',
  {
    noteId: uuid()
      .notNull()
      .references(() => notes.id, { onDelete: 'cascade' }),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.noteId, t.userId] }), index('note_useful_user_idx').on(t.userId)],
);

// "Je voudrais apprendre…" (learn) or "Je peux animer…" (teach); staff may turn one into a draft
// workshop (workshopId links back).
export const wishes = pgTable(
  'wishes',
  {
    id: uuid().primaryKey().defaultRandom(),
    kind: wishKindEnum().notNull(),
    title: text().notNull(),
    themes: text().array().notNull().default(sql`'{}'::text[]`),
    commune: text().notNull(),
    authorId: uuid().references(() => users.id, { onDelete: 'set null' }),
    // A mediator at the desk who posted it for the author.
    createdById: uuid().references(() => users.id, { onDelete: 'set null' }),
    workshopId: uuid().references(() => workshops.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (t) => [
    index('wishes_author_idx').on(t.authorId),
    index('wishes_created_by_idx').on(t.createdById),
    index('wishes_workshop_idx').on(t.workshopId),
    index('wishes_created_idx').on(t.createdAt),
    check('wishes_title_length', sql`char_length(${t.title}) between 3 and 200`),
  ],
);

// "Moi aussi": once per person and wish.
export const wishVotes = pgTable(
  'wish_votes',
  {
    wishId: uuid()
      .notNull()
      .references(() => wishes.id, { onDelete: 'cascade' }),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.wishId, t.userId] }), index('wish_votes_user_idx').on(t.userId)],
);

// A mediator's record of mediation work ("compte rendu d'activité").
export const activities = pgTable(
  'activities',
  {
    id: uuid().primaryKey().defaultRandom(),
    mediatorId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: 'restrict' }),
    kind: activityKindEnum().notNull(),
    date: date().notNull(),
    durationMinutes: integer().notNull(),
    placeType: text().notNull(),
    placeId: uuid().references(() => places.id, { onDelete: 'set null' }),
    sessionId: uuid().references(() => sessions.id, { onDelete: 'set null' }),
    themes: text().array().notNull().default(sql`'{}'::text[]`),
    adminThemes: text().array().notNull().default(sql`'{}'::text[]`),
    equipment: text().array().notNull().default(sql`'{}'::text[]`),
    // Individual accompaniment: a known learner, or anonymous details.
    learnerId: uuid().references(() => users.id, { onDelete: 'set null' }),
    anonymousPerson: jsonb(),
    autonomy: text(),
    orientation: text().array().notNull().default(sql`'{}'::text[]`),
    completion: text(),
    // Collective workshop.
    title: text(),
    level: levelEnum(),
    anonymousParticipants: jsonb(),
    notes: text().notNull().default(''),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('activities_mediator_idx').on(t.mediatorId),
    index('activities_place_date_idx').on(t.placeId, t.date),
    index('activities_date_idx').on(t.date),
    // A closed session is recorded as one activity at most ("no double entry").
    uniqueIndex('activities_session_unique').on(t.sessionId),
    index('activities_learner_idx').on(t.learnerId),
    check('activities_duration_positive', sql`${t.durationMinutes} > 0`),
  ],
);

export const activityParticipants = pgTable(
  'activity_participants',
  {
    activityId: uuid()
      .notNull()
      .references(() => activities.id, { onDelete: 'cascade' }),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.activityId, t.userId] }), index('activity_participants_user_idx').on(t.userId)],
);

// A read-only public link to the statistics of a place or of the whole network for a period.
// Revoked links stay for the record; the page answers 404 once `revokedAt` is set.
export const statShares = pgTable(
  'stat_shares',
  {
    id: uuid().primaryKey().defaultRandom(),
    // The link's secret, as lib/auth/secret-hash keeps it (shown once, when the link is made).
    tokenHash: text().notNull(),
    scope: text().notNull(),
    placeId: uuid().references(() => places.id, { onDelete: 'cascade' }),
    fromDate: date().notNull(),
    toDate: date().notNull(),
    createdById: uuid().references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    revokedAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    uniqueIndex('stat_shares_token_hash_unique').on(t.tokenHash),
    index('stat_shares_place_idx').on(t.placeId),
    index('stat_shares_created_by_idx').on(t.createdById),
    check('stat_shares_scope_valid', sql`(${t.scope} = 'network' and ${t.placeId} is null) or (${t.scope} = 'place' and ${t.placeId} is not null)`),
    check('stat_shares_period_valid', sql`${t.toDate} >= ${t.fromDate}`),
  ],
);

// A shared pedagogical resource of the network (lib/resources): markdown body, files (stored by
// lib/storage) and links, described with the vocabulary codes. Who may see it: lib/resources,
// one rule. The table also has generated columns for search (search_text, search_vector),
// added by the hand-written part of drizzle/0012_resources.sql.
export const resourceVisibilityEnum = pgEnum('resource_visibility', ['draft', 'network', 'public']);
export const resources = pgTable(
  'resources',
  {
    id: uuid().primaryKey().defaultRandom(),
    slug: text().notNull(),
    title: text().notNull(),
    summary: text().notNull().default(''),
    body: text().notNull().default(''),
    // Codes of lib/vocabulary.ts (RESOURCE_TYPES, THEMES, AUDIENCES, LEVELS, LICENCES).
    type: text().notNull(),
    themes: text().array().notNull().default(sql`'{}'::text[]`),
    audiences: text().array().notNull().default(sql`'{}'::text[]`),
    level: levelEnum(),
    licence: text().notNull(),
    links: jsonb().$type<{ url: string; label: string }[]>().notNull().default(sql`'[]'::jsonb`),
    authorId: uuid().references(() => users.id, { onDelete: 'set null' }),
    placeId: uuid().references(() => places.id, { onDelete: 'set null' }),
    visibility: resourceVisibilityEnum().notNull().default('draft'),
    // Hidden by staff after a report (moderation): seen only by its author and the staff of its place.
    hiddenAt: timestamp({ withTimezone: true }),
    hiddenReason: text(),
    // "Relue le": a resource not reviewed for 18 months is shown as "à revoir".
    reviewedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    publishedAt: timestamp({ withTimezone: true }),
    // Kept up to date with resource_ratings and resource_files, so that lists sort by them cheaply.
    ratingCount: integer().notNull().default(0),
    ratingTotal: integer().notNull().default(0),
    downloads: integer().notNull().default(0),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('resources_slug_unique').on(t.slug),
    index('resources_author_idx').on(t.authorId),
    index('resources_place_idx').on(t.placeId),
    index('resources_visibility_idx').on(t.visibility, t.updatedAt),
  ],
);

// Content-addressed storage (lib/storage): one row per distinct content, named by its SHA-256
// once fully written ("pending" rows have no sha256 yet), its bytes in 256 kB chunks.
export const blobs = pgTable(
  'blobs',
  {
    id: uuid().primaryKey().defaultRandom(),
    sha256: text(),
    size: integer().notNull(),
    contentType: text().notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('blobs_sha256_unique').on(t.sha256)],
);

export const blobChunks = pgTable(
  'blob_chunks',
  {
    blobId: uuid()
      .notNull()
      .references(() => blobs.id, { onDelete: 'cascade' }),
    seq: integer().notNull(),
    data: bytea().notNull(),
  },
  (t) => [primaryKey({ columns: [t.blobId, t.seq] })],
);

// A file of a resource: its name as uploaded and the stored content.
export const resourceFiles = pgTable(
  'resource_files',
  {
    id: uuid().primaryKey().defaultRandom(),
    resourceId: uuid()
      .notNull()
      .references(() => resources.id, { onDelete: 'cascade' }),
    blobId: uuid()
      .notNull()
      .references(() => blobs.id, { onDelete: 'restrict' }),
    name: text().notNull(),
    contentType: text().notNull(),
    size: integer().notNull(),
    sha256: text().notNull(),
    // Downloads by anyone but the resource's author.
    downloads: integer().notNull().default(0),
    // A small PNG thumbnail of an image (lib/resources/previews), when one could be made.
    previewBlobId: uuid().references(() => blobs.id, { onDelete: 'set null' }),
    createdById: uuid().references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (t) => [index('resource_files_resource_idx').on(t.resourceId, t.createdAt), index('resource_files_blob_idx').on(t.blobId), index('resource_files_created_by_idx').on(t.createdById), index('resource_files_preview_idx').on(t.previewBlobId)],
);

// "Utile ?" in four levels (1 pas utile … 4 très utile), one per person, changeable.
export const resourceRatings = pgTable(
  'resource_ratings',
  {
    resourceId: uuid()
      .notNull()
      .references(() => resources.id, { onDelete: 'cascade' }),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    value: integer().notNull(),
    updatedAt: updatedAt(),
  },
  (t) => [primaryKey({ columns: [t.resourceId, t.userId] }), index('resource_ratings_user_idx').on(t.userId), check('resource_ratings_value_range', sql`${t.value} between 1 and 4`)],
);

// The "Supports de l'atelier": resources attached to a workshop.
export const workshopResources = pgTable(
  'workshop_resources',
  {
    workshopId: uuid()
      .notNull()
      .references(() => workshops.id, { onDelete: 'cascade' }),
    resourceId: uuid()
      .notNull()
      .references(() => resources.id, { onDelete: 'cascade' }),
    position: integer().notNull().default(0),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.workshopId, t.resourceId] }), index('workshop_resources_resource_idx').on(t.resourceId)],
);

// Barriers reported by anyone through the accessibility statement (/accessibilite); network
// coordinators read them on /coordination and mark them handled.
export const accessibilityReports = pgTable(
  'accessibility_reports',
  {
    id: uuid().primaryKey().defaultRandom(),
    description: text().notNull(),
    // The page where the barrier is, as the person gave it.
    pageUrl: text(),
    // How to answer the person (e-mail or phone), if they want an answer.
    contact: text(),
    name: text(),
    reporterId: uuid().references(() => users.id, { onDelete: 'set null' }),
    status: text().notNull().default('new'),
    handledAt: timestamp({ withTimezone: true }),
    handledById: uuid().references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (t) => [
    index('accessibility_reports_status_idx').on(t.status, t.createdAt),
    index('accessibility_reports_reporter_idx').on(t.reporterId),
    index('accessibility_reports_handled_by_idx').on(t.handledById),
    check('accessibility_reports_status_valid', sql`${t.status} in ('new', 'handled')`),
    check('accessibility_reports_description_length', sql`char_length(${t.description}) between 1 and 2000`),
  ],
);

// A report ("signalement") of a note or a resource by a signed-in person, with a reason code
// (lib/moderation). Exactly one target; one report per person and target; staff resolve it.
export const reports = pgTable(
  'reports',
  {
    id: uuid().primaryKey().defaultRandom(),
    noteId: uuid().references(() => notes.id, { onDelete: 'cascade' }),
    resourceId: uuid().references(() => resources.id, { onDelete: 'cascade' }),
    reporterId: uuid().references(() => users.id, { onDelete: 'set null' }),
    reason: text().notNull(),
    comment: text().notNull().default(''),
    createdAt: createdAt(),
    resolvedAt: timestamp({ withTimezone: true }),
    resolvedById: uuid().references(() => users.id, { onDelete: 'set null' }),
    // 'hidden' (the content was hidden) or 'kept' (the report was dismissed).
    resolution: text(),
  },
  (t) => [
    index('reports_note_idx').on(t.noteId),
    index('reports_resource_idx').on(t.resourceId),
    index('reports_reporter_idx').on(t.reporterId),
    index('reports_resolved_by_idx').on(t.resolvedById),
    index('reports_open_idx').on(t.createdAt).where(sql`${t.resolvedAt} is null`),
    uniqueIndex('reports_note_reporter_unique').on(t.noteId, t.reporterId),
    uniqueIndex('reports_resource_reporter_unique').on(t.resourceId, t.reporterId),
    check('reports_one_target', sql`num_nonnulls(${t.noteId}, ${t.resourceId}) = 1`),
    check('reports_resolution_valid', sql`(${t.resolvedAt} is null and ${t.resolution} is null) or (${t.resolvedAt} is not null and ${t.resolution} in ('hidden', 'kept'))`),
  ],
);

// One saved version of a note or a resource (lib/revisions): who, when, and the content of the
// editable fields at that moment, so that changes can be shown as a diff and a version restored.
export const revisions = pgTable(
  'revisions',
  {
    id: uuid().primaryKey().defaultRandom(),
    noteId: uuid().references(() => notes.id, { onDelete: 'cascade' }),
    resourceId: uuid().references(() => resources.id, { onDelete: 'cascade' }),
    authorId: uuid().references(() => users.id, { onDelete: 'set null' }),
    // Field name → text value (markdown bodies, titles, lists joined by newlines…).
    content: jsonb().$type<Record<string, string>>().notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    index('revisions_note_idx').on(t.noteId, t.createdAt),
    index('revisions_resource_idx').on(t.resourceId, t.createdAt),
    index('revisions_author_idx').on(t.authorId),
    check('revisions_one_target', sql`num_nonnulls(${t.noteId}, ${t.resourceId}) = 1`),
  ],
);

// Who changed what: every write of the domain appends a row here.
export const auditLog = pgTable(
  'audit_log',
  {
    id: bigserial({ mode: 'number' }).primaryKey(),
    actorId: uuid().references(() => users.id, { onDelete: 'set null' }),
    action: text().notNull(),
    entityType: text().notNull(),
    entityId: text(),
    before: jsonb(),
    after: jsonb(),
    at: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('audit_log_actor_idx').on(t.actorId), index('audit_log_entity_idx').on(t.entityType, t.entityId)],
);

// Notifications written in the same transaction as the change they announce; a worker sends them.
export const outbox = pgTable(
  'outbox',
  {
    id: uuid().primaryKey().defaultRandom(),
    recipientId: uuid().references(() => users.id, { onDelete: 'cascade' }),
    // The session the message is about: staff of its place may read it.
    sessionId: uuid().references(() => sessions.id, { onDelete: 'set null' }),
    // Makes a message idempotent (e.g. one reminder per sign-up): a second insert is ignored.
    dedupeKey: text(),
    toAddress: text(),
    kind: text().notNull(),
    subject: text().notNull(),
    body: text().notNull(),
    payload: jsonb(),
    status: outboxStatusEnum().notNull().default('pending'),
    attempts: integer().notNull().default(0),
    nextAttemptAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    lastError: text(),
    sentAt: timestamp({ withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    index('outbox_pending_idx').on(t.status, t.nextAttemptAt),
    index('outbox_recipient_idx').on(t.recipientId),
    index('outbox_session_idx').on(t.sessionId),
    uniqueIndex('outbox_dedupe_key_unique').on(t.dedupeKey),
  ],
);

// One-time password resets: a link sent by e-mail ('link') or a code given at the desk ('desk').
// Only the SHA-256 of the secret is kept; it expires and serves once.
export const passwordResets = pgTable(
  'password_resets',
  {
    id: uuid().primaryKey().defaultRandom(),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    kind: text().notNull(),
    tokenHash: text().notNull(),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    usedAt: timestamp({ withTimezone: true }),
    createdById: uuid().references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('password_resets_token_unique').on(t.tokenHash),
    index('password_resets_user_idx').on(t.userId),
    index('password_resets_created_by_idx').on(t.createdById),
    check('password_resets_kind_valid', sql`${t.kind} in ('link', 'desk')`),
  ],
);

// Fixed-window counters shared by every app instance (sign-in and account-creation throttling).
export const rateLimits = pgTable('rate_limits', {
  key: text().primaryKey(),
  windowStart: timestamp({ withTimezone: true }).notNull(),
  count: integer().notNull(),
});

// Daily rollups of the activity reports, for the statistics (lib/stats/impact.ts). One bucket is
// (day, place, mediator); every write to `activities` or `activity_participants` recomputes the
// buckets it touches in the same transaction (triggers of migration 0013), so the figures read
// from here are always those of the raw tables. `placeKey` is the place's id as text, '' for an
// activity logged without a place.
export const statsActivityDays = pgTable(
  'stats_activity_days',
  {
    day: date().notNull(),
    placeKey: text().notNull(),
    mediatorId: uuid().notNull(),
    kind: activityKindEnum().notNull(),
    // Duration band (lib/vocabulary.ts durationBandOf).
    band: text().notNull(),
    activities: integer().notNull(),
    minutes: integer().notNull(),
    anonymousIndividual: integer().notNull(),
    anonymousCollective: integer().notNull(),
  },
  (t) => [primaryKey({ columns: [t.day, t.placeKey, t.mediatorId, t.kind, t.band] }), index('stats_activity_days_place_idx').on(t.placeKey, t.day)],
);

// Per bucket: activities per theme ('theme') and anonymous people per gender, age band, social
// status and commune ('gender', 'ageBand', 'socialStatus', 'commune').
export const statsDimensionDays = pgTable(
  'stats_dimension_days',
  {
    day: date().notNull(),
    placeKey: text().notNull(),
    mediatorId: uuid().notNull(),
    dimension: text().notNull(),
    key: text().notNull(),
    value: integer().notNull(),
  },
  (t) => [primaryKey({ columns: [t.day, t.placeKey, t.mediatorId, t.dimension, t.key] }), index('stats_dimension_days_place_idx').on(t.placeKey, t.day)],
);

// Per bucket: the known people reached (the learner of an individual activity, the known
// participants of a collective one), once each.
export const statsPersonDays = pgTable(
  'stats_person_days',
  {
    day: date().notNull(),
    placeKey: text().notNull(),
    mediatorId: uuid().notNull(),
    userId: uuid().notNull(),
  },
  (t) => [primaryKey({ columns: [t.day, t.placeKey, t.mediatorId, t.userId] }), index('stats_person_days_place_idx').on(t.placeKey, t.day)],
);

// The same rollups for the whole network, per day only (a year is a few thousand rows): the
// network's statistics read these, the place distribution excepted.
export const statsNetworkDays = pgTable(
  'stats_network_days',
  {
    day: date().notNull(),
    kind: activityKindEnum().notNull(),
    band: text().notNull(),
    activities: integer().notNull(),
    minutes: integer().notNull(),
    anonymousIndividual: integer().notNull(),
    anonymousCollective: integer().notNull(),
  },
  (t) => [primaryKey({ columns: [t.day, t.kind, t.band] })],
);

export const statsNetworkDimensionDays = pgTable(
  'stats_network_dimension_days',
  {
    day: date().notNull(),
    dimension: text().notNull(),
    key: text().notNull(),
    value: integer().notNull(),
  },
  (t) => [primaryKey({ columns: [t.day, t.dimension, t.key] })],
);

export const statsNetworkPersonDays = pgTable(
  'stats_network_person_days',
  {
    day: date().notNull(),
    userId: uuid().notNull(),
  },
  (t) => [primaryKey({ columns: [t.day, t.userId] })],
);

// Activities per place and calendar month (`month` is its first day): the network's place
// distribution reads whole months here and the days of partial months in statsActivityDays.
export const statsPlaceMonths = pgTable(
  'stats_place_months',
  {
    month: date().notNull(),
    placeKey: text().notNull(),
    activities: integer().notNull(),
  },
  (t) => [primaryKey({ columns: [t.month, t.placeKey] })],
);
