import { integer, timestamp, uuid } from 'drizzle-orm/pg-core';
import { partnership } from './platform.js';

/** Columns most tenant tables share. */
export const createdAt = () =>
  timestamp('created_at', { withTimezone: true }).notNull().defaultNow();
export const closedAt = () => timestamp('closed_at', { withTimezone: true });
export const version = () => integer('version').notNull().default(1);
export const partnershipId = () =>
  uuid('partnership_id')
    .notNull()
    .references(() => partnership.id);
