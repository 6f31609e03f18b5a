import { createHmac, randomBytes } from 'node:crypto';
import { and, eq, lt, ne, or } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import { session } from '../../db/schema/index.js';
import type { Clock } from '../clock.js';

export interface SessionSettings {
  secret: string;
  idleMs: number;
  absoluteMs: number;
}

export interface ActiveSession {
  idHash: string;
  userId: string;
  partnershipId: string | null;
  mfaPassed: boolean;
}

/** Touching last_seen on every request would write on every page view; a minute is enough. */
const TOUCH_AFTER_MS = 60_000;

/** Server-side sessions: the cookie holds a random token, the table only its keyed hash. */
export function buildSessionStore(db: Database, settings: SessionSettings, clock: Clock) {
  const hashOf = (token: string) =>
    createHmac('sha256', settings.secret).update(token).digest('hex');

  async function create(userId: string, partnershipId: string | null) {
    const token = randomBytes(32).toString('base64url');
    await db.insert(session).values({
      idHash: hashOf(token),
      userId,
      partnershipId,
      createdAt: clock.now(),
      lastSeenAt: clock.now(),
    });
    return token;
  }

  async function resolve(token: string): Promise<ActiveSession | null> {
    const idHash = hashOf(token);
    const [found] = await db.select().from(session).where(eq(session.idHash, idHash));
    if (!found) return null;
    const now = clock.now().getTime();
    const idle = now - found.lastSeenAt.getTime() > settings.idleMs;
    const tooOld = now - found.createdAt.getTime() > settings.absoluteMs;
    if (idle || tooOld) {
      await db.delete(session).where(eq(session.idHash, idHash));
      return null;
    }
    if (now - found.lastSeenAt.getTime() > TOUCH_AFTER_MS) {
      await db.update(session).set({ lastSeenAt: clock.now() }).where(eq(session.idHash, idHash));
    }
    return {
      idHash,
      userId: found.userId,
      partnershipId: found.partnershipId,
      mfaPassed: found.mfaPassedAt !== null,
    };
  }

  async function destroy(token: string) {
    await db.delete(session).where(eq(session.idHash, hashOf(token)));
  }

  /** After a password change every other session of that person ends. */
  async function destroyOthers(userId: string, keepToken: string) {
    await db
      .delete(session)
      .where(and(eq(session.userId, userId), ne(session.idHash, hashOf(keepToken))));
  }

  async function markMfaPassed(token: string) {
    await db
      .update(session)
      .set({ mfaPassedAt: clock.now() })
      .where(eq(session.idHash, hashOf(token)));
  }

  async function switchPartnership(token: string, partnershipId: string) {
    await db
      .update(session)
      .set({ partnershipId })
      .where(eq(session.idHash, hashOf(token)));
  }

  async function purgeExpired() {
    const now = clock.now().getTime();
    await db
      .delete(session)
      .where(
        or(
          lt(session.lastSeenAt, new Date(now - settings.idleMs)),
          lt(session.createdAt, new Date(now - settings.absoluteMs)),
        ),
      );
  }

  return {
    create,
    resolve,
    destroy,
    destroyOthers,
    markMfaPassed,
    switchPartnership,
    purgeExpired,
  };
}

export type SessionStore = ReturnType<typeof buildSessionStore>;
