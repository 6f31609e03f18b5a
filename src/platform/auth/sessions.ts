import { createHmac, randomBytes } from 'node:crypto';
import { and, eq, lt, ne, or, sql } from 'drizzle-orm';
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

/** The account holding a session, as read with it. */
export interface SessionHolder {
  email: string;
  displayName: string;
  disabled: boolean;
  mfaEnabled: boolean;
  /** One entry per role, ordered by partnership name. */
  partnershipRoles: { id: string; name: string; role: string }[];
}

export interface ResolvedSession extends ActiveSession {
  holder: SessionHolder;
}

/** Timestamps arrive as text or as dates depending on the driver's parsers; both are read. */
interface SessionPrincipalRow extends Record<string, unknown> {
  user_id: string;
  partnership_id: string | null;
  mfa_passed_at: string | null;
  created_at: string;
  last_seen_at: string;
  email: string;
  display_name: string;
  disabled_at: string | null;
  mfa_enabled_at: string | null;
  partnerships: { id: string; name: string; role: string }[];
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

  /** The session and who holds it, read together (see migration 0010); null when it has ended. */
  async function resolve(token: string): Promise<ResolvedSession | null> {
    const idHash = hashOf(token);
    const { rows } = await db.execute<SessionPrincipalRow>(
      sql`select * from session_principal(${idHash})`,
    );
    const found = rows[0];
    if (!found) return null;
    const now = clock.now().getTime();
    const lastSeen = new Date(found.last_seen_at).getTime();
    const idle = now - lastSeen > settings.idleMs;
    const tooOld = now - new Date(found.created_at).getTime() > settings.absoluteMs;
    if (idle || tooOld) {
      await db.delete(session).where(eq(session.idHash, idHash));
      return null;
    }
    if (now - lastSeen > TOUCH_AFTER_MS) {
      await db.update(session).set({ lastSeenAt: clock.now() }).where(eq(session.idHash, idHash));
    }
    return {
      idHash,
      userId: found.user_id,
      partnershipId: found.partnership_id,
      mfaPassed: found.mfa_passed_at !== null,
      holder: {
        email: found.email,
        displayName: found.display_name,
        disabled: found.disabled_at !== null,
        mfaEnabled: found.mfa_enabled_at !== null,
        partnershipRoles: found.partnerships,
      },
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
