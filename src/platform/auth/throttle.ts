import { and, eq, gte, lt, sql } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import { signInFailure } from '../../db/schema/index.js';
import type { Clock } from '../clock.js';

export interface ThrottleRule {
  /** How many failures within the window before further attempts are refused. */
  limit: number;
  windowMs: number;
}

/** Counts failures per key (an account, an address) in a sliding window, in PostgreSQL so every instance agrees. */
export function buildThrottle(db: Database, clock: Clock) {
  async function isBlocked(key: string, rule: ThrottleRule) {
    const since = new Date(clock.now().getTime() - rule.windowMs);
    const [row] = await db
      .select({ failures: sql<number>`count(*)::int` })
      .from(signInFailure)
      .where(and(eq(signInFailure.throttleKey, key), gte(signInFailure.failedAt, since)));
    return (row?.failures ?? 0) >= rule.limit;
  }

  async function recordFailure(...keys: string[]) {
    await db
      .insert(signInFailure)
      .values(keys.map((throttleKey) => ({ throttleKey, failedAt: clock.now() })));
  }

  async function clear(key: string) {
    await db.delete(signInFailure).where(eq(signInFailure.throttleKey, key));
  }

  async function purgeOlderThan(ms: number) {
    await db
      .delete(signInFailure)
      .where(lt(signInFailure.failedAt, new Date(clock.now().getTime() - ms)));
  }

  return { isBlocked, recordFailure, clear, purgeOlderThan };
}

export type Throttle = ReturnType<typeof buildThrottle>;
