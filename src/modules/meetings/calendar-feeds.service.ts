import { createHash, randomBytes } from 'node:crypto';
import { inTenant, type TenantContext } from '../../db/client.js';
import { failure, success, type Outcome } from '../../platform/forms.js';
import {
  activeCalendarFeedOf,
  findCalendarFeedByHash,
  insertCalendarFeed,
  meetingsOfBodiesSince,
  revokeCalendarFeedsOf,
  type CalendarFeedOwner,
  type CalendarFeedRow,
} from './calendar-feeds.repository.js';
import { meetingsCalendar } from './meeting-calendar.js';
import type { MeetingsDependencies } from './meeting-context.js';
import { meetingDay } from './meeting-membership.js';
import { findMeeting, type MeetingRow } from './meetings.repository.js';
import { membershipState } from '../governance/membership-dates.js';

/** 32 random bytes as base64url: 43 characters, and the only credential a feed has. */
const TOKEN_SHAPE = /^[A-Za-z0-9_-]{43}$/;
const newToken = () => randomBytes(32).toString('base64url');
const tokenHashOf = (token: string) => createHash('sha256').update(token).digest('hex');
/** Feeds show the past year too, so last meetings stay in the calendar. */
const DAYS_BACK = 365;
const DAY_MS = 24 * 60 * 60 * 1000;

export const NOT_LINKED =
  'Your account is not linked to a person in the registry, so MASA cannot tell which bodies you sit on. Ask an administrator to link it.';
export const FEED_EXISTS = 'There is already a calendar feed: make a new address instead';

/** Secret calendar addresses for a body's meetings or a person's, and .ics downloads. */
export function buildCalendarFeeds(dependencies: MeetingsDependencies) {
  const { db, audit, clock, governance, publicUrl } = dependencies;

  const feedUrl = (token: string) => `${publicUrl}/calendar/${token}.ics`;

  /** The owner's working feed, to say whether one exists (its address is never kept). */
  const activeFeed = (context: TenantContext, owner: CalendarFeedOwner) =>
    inTenant(db, context, (tx) => activeCalendarFeedOf(tx, owner));

  /** Whose calendar the signed-in person has: the registry person linked to their account. */
  async function ownFeed(context: TenantContext) {
    const linked = context.userId
      ? await governance.people.ofAccount(context, context.userId)
      : null;
    if (!linked) return { person: null, feed: null };
    return {
      person: linked.person,
      feed: await activeFeed(context, { personId: linked.person.id }),
    };
  }

  /**
   * Makes a new address for the owner and gives its URL back once: only a hash is kept.
   * With `regenerate`, the old address stops working; without it, an existing one is kept.
   */
  async function createFeed(
    context: TenantContext,
    owner: CalendarFeedOwner,
    regenerate: boolean,
  ): Promise<Outcome<{ url: string; feed: CalendarFeedRow }>> {
    const token = newToken();
    return inTenant(db, context, async (tx) => {
      const existing = await activeCalendarFeedOf(tx, owner);
      if (existing && !regenerate) return failure({ feed: FEED_EXISTS });
      const revoked = await revokeCalendarFeedsOf(tx, owner, clock.now());
      const feed = await insertCalendarFeed(tx, {
        partnershipId: context.partnershipId,
        ...owner,
        tokenHash: tokenHashOf(token),
        createdAt: clock.now(),
      });
      await audit.record(tx, context, {
        action: revoked.length > 0 ? 'calendar_feed.regenerated' : 'calendar_feed.created',
        entityType: 'calendar_feed',
        entityId: feed.id,
        before: revoked.length > 0 ? { revokedFeedIds: revoked } : null,
        after: owner,
      });
      return success({ url: feedUrl(token), feed });
    });
  }

  async function createBodyFeed(context: TenantContext, bodyId: string, regenerate: boolean) {
    const body = await governance.bodies.get(context, bodyId);
    if (!body) return failure({ feed: 'not found' });
    return createFeed(context, { bodyId }, regenerate);
  }

  async function createOwnFeed(context: TenantContext, regenerate: boolean) {
    const { person } = await ownFeed(context);
    if (!person) return failure({ feed: NOT_LINKED });
    return createFeed(context, { personId: person.id }, regenerate);
  }

  async function bodyNames(context: TenantContext) {
    const bodies = await governance.bodies.all(context, { activeOnly: false });
    return new Map(bodies.map((body) => [body.id, body.name]));
  }

  const withNames = (rows: MeetingRow[], names: Map<string, string>) =>
    rows.map((row) => ({ ...row, bodyName: names.get(row.bodyId) ?? 'Meeting' }));

  /** The meetings a feed shows, read inside the feed's own partnership. */
  async function meetingsOfFeed(feed: CalendarFeedRow) {
    const context = { partnershipId: feed.partnershipId, userId: null };
    const since = new Date(clock.now().getTime() - DAYS_BACK * DAY_MS);
    const names = await bodyNames(context);
    if (feed.bodyId) {
      const rows = await inTenant(db, context, (tx) =>
        meetingsOfBodiesSince(tx, [feed.bodyId!], since),
      );
      return { name: names.get(feed.bodyId) ?? 'Meetings', meetings: withNames(rows, names) };
    }
    const person = await governance.people.find(context, feed.personId!);
    const seats = person?.memberships.map((row) => row.membership) ?? [];
    const rows = await inTenant(db, context, (tx) =>
      meetingsOfBodiesSince(tx, [...new Set(seats.map((seat) => seat.bodyId))], since),
    );
    // Only the meetings the person sits on: a seat held on the meeting's own day.
    const sat = rows.filter((row) =>
      seats.some(
        (seat) =>
          seat.bodyId === row.bodyId && membershipState(seat, meetingDay(row)) === 'current',
      ),
    );
    return {
      name: `Meetings of ${person?.person.fullName ?? 'a member'}`,
      meetings: withNames(sat, names),
    };
  }

  /** The feed's calendar, or null for an unknown or revoked token (no hint which). */
  async function feedCalendar(token: string) {
    if (!TOKEN_SHAPE.test(token)) return null;
    const feed = await db.transaction((tx) => findCalendarFeedByHash(tx, tokenHashOf(token)));
    if (!feed || feed.revokedAt) return null;
    const { name, meetings } = await meetingsOfFeed(feed);
    return meetingsCalendar(name, meetings, { publicUrl, now: clock.now() });
  }

  /** One meeting as an .ics file. */
  async function meetingCalendar(context: TenantContext, id: string) {
    const row = await inTenant(db, context, (tx) => findMeeting(tx, id));
    if (!row) return null;
    const body = await governance.bodies.get(context, row.bodyId);
    const meeting = { ...row, bodyName: body?.name ?? 'Meeting' };
    return {
      meeting,
      ics: meetingsCalendar(meeting.bodyName, [meeting], { publicUrl, now: clock.now() }),
    };
  }

  return { activeFeed, ownFeed, createBodyFeed, createOwnFeed, feedCalendar, meetingCalendar };
}
