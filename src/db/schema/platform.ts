import { sql } from 'drizzle-orm';
import {
  bigint,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();

/** The tenant: one local safeguarding children partnership. */
export const partnership = pgTable('partnership', {
  id: uuid('id').primaryKey().defaultRandom(),
  name: text('name').notNull(),
  slug: text('slug').notNull().unique(),
  createdAt: createdAt(),
});

/** A person who can sign in. Global: one account may hold roles in several partnerships. */
export const appUser = pgTable(
  'app_user',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    email: text('email').notNull(),
    displayName: text('display_name').notNull(),
    passwordHash: text('password_hash').notNull(),
    passwordChangedAt: timestamp('password_changed_at', { withTimezone: true })
      .notNull()
      .defaultNow(),
    mfaSecret: text('mfa_secret'),
    mfaEnabledAt: timestamp('mfa_enabled_at', { withTimezone: true }),
    /** The last TOTP time step accepted, so a code cannot be replayed within its window. */
    mfaLastTimeStep: bigint('mfa_last_time_step', { mode: 'number' }),
    disabledAt: timestamp('disabled_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('app_user_email_key').on(sql`lower(${t.email})`)],
);

export const mfaRecoveryCode = pgTable(
  'mfa_recovery_code',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => appUser.id),
    codeHash: text('code_hash').notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [index('mfa_recovery_code_user_idx').on(t.userId)],
);

export const partnershipRole = pgTable(
  'partnership_role',
  {
    partnershipId: uuid('partnership_id')
      .notNull()
      .references(() => partnership.id),
    userId: uuid('user_id')
      .notNull()
      .references(() => appUser.id),
    role: text('role').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.partnershipId, t.userId, t.role] }),
    index('partnership_role_user_idx').on(t.userId),
  ],
);

export const session = pgTable(
  'session',
  {
    idHash: text('id_hash').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => appUser.id),
    partnershipId: uuid('partnership_id').references(() => partnership.id),
    mfaPassedAt: timestamp('mfa_passed_at', { withTimezone: true }),
    createdAt: createdAt(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('session_user_idx').on(t.userId)],
);

/** Failed sign-ins, counted per account key and per address key within a window. */
export const signInFailure = pgTable(
  'sign_in_failure',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    throttleKey: text('throttle_key').notNull(),
    failedAt: timestamp('failed_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('sign_in_failure_key_idx').on(t.throttleKey, t.failedAt)],
);

export const invitation = pgTable(
  'invitation',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    partnershipId: uuid('partnership_id')
      .notNull()
      .references(() => partnership.id),
    email: text('email').notNull(),
    role: text('role').notNull(),
    /**
     * The person in the registry the account is for, when the administrator named one: their
     * record is linked to the account when the invitation is accepted. A plain id, checked by
     * the service under row-level security: the registry's tables are declared after this one.
     */
    personId: uuid('person_id'),
    tokenHash: text('token_hash').notNull().unique(),
    invitedBy: uuid('invited_by').references(() => appUser.id),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    acceptedAt: timestamp('accepted_at', { withTimezone: true }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [index('invitation_partnership_idx').on(t.partnershipId, t.createdAt)],
);

/** Append-only, hash-chained per partnership (trigger in the migrations). */
export const auditEvent = pgTable(
  'audit_event',
  {
    seq: bigint('seq', { mode: 'number' }).notNull(),
    id: uuid('id').notNull().defaultRandom(),
    partnershipId: uuid('partnership_id')
      .notNull()
      .references(() => partnership.id),
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull().defaultNow(),
    actorUserId: uuid('actor_user_id'),
    action: text('action').notNull(),
    entityType: text('entity_type').notNull(),
    entityId: text('entity_id'),
    requestId: text('request_id'),
    before: jsonb('before'),
    after: jsonb('after'),
    prevHash: text('prev_hash'),
    hash: text('hash').notNull(),
  },
  (t) => [
    // Keyed by partnership first: with no index on seq alone, the newest events of one
    // partnership are found without walking past every other partnership's newer events.
    primaryKey({ name: 'audit_event_pkey', columns: [t.partnershipId, t.seq] }),
    index('audit_event_entity_idx').on(t.partnershipId, t.entityType, t.entityId),
  ],
);

export const mailOutbox = pgTable(
  'mail_outbox',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    partnershipId: uuid('partnership_id')
      .notNull()
      .references(() => partnership.id),
    recipient: text('recipient').notNull(),
    subject: text('subject').notNull(),
    bodyText: text('body_text').notNull(),
    status: text('status').notNull().default('queued'),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    index('mail_outbox_partnership_idx').on(t.partnershipId, t.createdAt),
    index('mail_outbox_queued_idx')
      .on(t.status)
      .where(sql`status = 'queued'`),
  ],
);
