import {
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { partnershipId } from './columns.js';
import { appUser } from './platform.js';

/**
 * An Idempotency-Key sent with a write to the JSON API, per partnership and person: the
 * request it came with (a hash) and the answer given, so a retry gets that answer again
 * instead of writing twice. Inserted in the same transaction as the write; kept 24 hours.
 */
export const idempotencyKey = pgTable(
  'idempotency_key',
  {
    partnershipId: partnershipId(),
    userId: uuid('user_id')
      .notNull()
      .references(() => appUser.id),
    key: text('key').notNull(),
    /** SHA-256 of the method, the path and the body with its keys in order. */
    requestHash: text('request_hash').notNull(),
    responseStatus: integer('response_status'),
    responseBody: jsonb('response_body'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.partnershipId, t.userId, t.key] }),
    index('idempotency_key_expires_idx').on(t.partnershipId, t.expiresAt),
  ],
);
