import {
  and,
  asc,
  count,
  desc,
  eq,
  gte,
  ilike,
  inArray,
  isNull,
  lt,
  lte,
  sql,
  type SQL,
} from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import {
  action,
  actionUpdate,
  agency,
  agendaItem,
  appUser,
  body,
  meeting,
  person,
  recommendation,
  reviewCase,
} from '../../db/schema/index.js';
import { escapeLike } from '../../platform/like.js';
import type { IsoDate } from '../../platform/working-days.js';
import type { SourceKind } from './action-sources.js';
import { OUTSTANDING_STATUSES, type ActionStatus } from './action-status.js';

export type ActionRow = typeof action.$inferSelect;

/** What a list of actions can be narrowed to. `overdueOn` is today, when only overdue ones are wanted. */
export interface ActionQuery {
  bodyId?: string;
  agencyId?: string;
  ownerPersonId?: string;
  /** Part of the owner's name, any case. */
  ownerName?: string;
  status?: ActionStatus;
  sourceKind?: SourceKind;
  overdueOn?: IsoDate;
  meetingId?: string;
  recommendationIds?: string[];
}

const outstanding = inArray(action.status, [...OUTSTANDING_STATUSES]);

const latestUpdate = (column: SQL) =>
  sql`(select ${column} from ${actionUpdate} where ${actionUpdate.actionId} = ${action.id}
       order by ${actionUpdate.createdAt} desc limit 1)`;

/** An action with its owner and agency, and its latest update. */
const owned = {
  action,
  ownerName: person.fullName,
  agencyId: agency.id,
  agencyName: agency.name,
  lastUpdateAt: latestUpdate(sql`${actionUpdate.createdAt}`).mapWith(actionUpdate.createdAt),
  lastUpdateNote: latestUpdate(sql`${actionUpdate.note}`).mapWith(String),
};

/** Where an action came from: item, meeting, body; or a review's reference and number only. */
const itemSource = {
  itemTitle: agendaItem.title,
  meetingId: meeting.id,
  meetingStartsAt: meeting.startsAt,
  bodyId: body.id,
  bodyName: body.name,
};
const reviewSource = {
  reviewReference: reviewCase.reference,
  recommendationNumber: recommendation.number,
};

/** An action with its owner, agency, source (nothing else about a case) and latest update. */
const described = { ...owned, ...itemSource, ...reviewSource };

/**
 * The log joined read-only to the registry, the meetings and the reviews for names, in one
 * statement: for one action and for an export, whose sources could number tens of thousands.
 * A page of the list reads owners first and looks up the sources after (withSources), and a
 * review's action plan reads owners only: planning the eight-way join cost several times
 * what running it did.
 */
const actionLog = (tx: Executor) =>
  tx
    .select(described)
    .from(action)
    .innerJoin(person, eq(person.id, action.ownerPersonId))
    .innerJoin(agency, eq(agency.id, person.agencyId))
    .leftJoin(agendaItem, eq(agendaItem.id, action.agendaItemId))
    .leftJoin(meeting, eq(meeting.id, agendaItem.meetingId))
    .leftJoin(body, eq(body.id, meeting.bodyId))
    .leftJoin(recommendation, eq(recommendation.id, action.recommendationId))
    .leftJoin(reviewCase, eq(reviewCase.id, recommendation.caseId));

/** The count joins only what the filters read: over years of actions each join costs. */
function actionCount(tx: Executor, query: ActionQuery) {
  const counted = tx.select({ total: count() }).from(action).$dynamic();
  if (query.agencyId || query.ownerName)
    counted.innerJoin(person, eq(person.id, action.ownerPersonId));
  return counted.where(conditions(tx, query));
}

/** Actions from the items of a body's meetings, as a condition on the action alone. */
const fromItemsOfBody = (tx: Executor, bodyId: string) =>
  inArray(
    action.agendaItemId,
    tx
      .select({ id: agendaItem.id })
      .from(agendaItem)
      .innerJoin(meeting, eq(meeting.id, agendaItem.meetingId))
      .where(eq(meeting.bodyId, bodyId)),
  );

/** Actions from one meeting's items: the items name their meeting, so no join is planned. */
const fromItemsOfMeeting = (tx: Executor, meetingId: string) =>
  inArray(
    action.agendaItemId,
    tx.select({ id: agendaItem.id }).from(agendaItem).where(eq(agendaItem.meetingId, meetingId)),
  );

/** The filters, reading the action and its owner only: sources are matched by sub-select. */
function conditions(tx: Executor, query: ActionQuery) {
  return and(
    query.bodyId ? fromItemsOfBody(tx, query.bodyId) : undefined,
    query.agencyId ? eq(person.agencyId, query.agencyId) : undefined,
    query.ownerPersonId ? eq(action.ownerPersonId, query.ownerPersonId) : undefined,
    query.ownerName ? ilike(person.fullName, `%${escapeLike(query.ownerName)}%`) : undefined,
    query.status ? eq(action.status, query.status) : undefined,
    query.sourceKind ? eq(action.sourceKind, query.sourceKind) : undefined,
    query.overdueOn ? and(outstanding, lt(action.dueOn, query.overdueOn)) : undefined,
    query.meetingId ? fromItemsOfMeeting(tx, query.meetingId) : undefined,
    query.recommendationIds ? inArray(action.recommendationId, query.recommendationIds) : undefined,
  );
}

export type DescribedAction = Awaited<ReturnType<typeof findAction>> & {};
export type OwnedAction = Awaited<ReturnType<typeof actionsOfMeeting>>[number];

const inLogOrder = [asc(action.dueOn), asc(sql`lower(${action.title})`), asc(action.id)];

/** Every action the query matches, in the log's order, for an export. */
export function listActions(tx: Executor, query: ActionQuery) {
  return actionLog(tx)
    .where(conditions(tx, query))
    .orderBy(...inLogOrder);
}

/** The log with owners only: what a list reads before it looks up its page's sources. */
const ownedLog = (tx: Executor, query: ActionQuery) =>
  tx
    .select(owned)
    .from(action)
    .innerJoin(person, eq(person.id, action.ownerPersonId))
    .innerJoin(agency, eq(agency.id, person.agencyId))
    .where(conditions(tx, query))
    .orderBy(...inLogOrder);

/** A meeting's actions with their owners, for its page: the meeting is known already. */
export function actionsOfMeeting(tx: Executor, meetingId: string) {
  return ownedLog(tx, { meetingId });
}

/** The actions of some recommendations, with owners: a review's plan knows its recommendations. */
export function actionsOfRecommendations(tx: Executor, recommendationIds: string[]) {
  return ownedLog(tx, { recommendationIds });
}

/**
 * One page of the actions the query matches, and how many there are in all. The page is
 * read with owners only and its sources looked up after: planning the log's eight-way join
 * cost three times what running it did, on every page of the list.
 */
export async function pageOfActions(
  tx: Executor,
  query: ActionQuery,
  page: { limit: number; offset: number },
) {
  const rows = await ownedLog(tx, query).limit(page.limit).offset(page.offset);
  const [total] = await actionCount(tx, query);
  return { rows: await withSources(tx, rows), total: total?.total ?? 0 };
}

const idsOf = (values: (string | null)[]) => [
  ...new Set(values.filter((value): value is string => value !== null)),
];

/** The sources of some agenda items, by item id. */
async function itemSourcesOf(tx: Executor, itemIds: string[]) {
  const rows =
    itemIds.length === 0
      ? []
      : await tx
          .select({ id: agendaItem.id, ...itemSource })
          .from(agendaItem)
          .innerJoin(meeting, eq(meeting.id, agendaItem.meetingId))
          .innerJoin(body, eq(body.id, meeting.bodyId))
          .where(inArray(agendaItem.id, itemIds));
  return new Map(rows.map(({ id, ...source }) => [id, source]));
}

/** The review references and numbers of some recommendations, by recommendation id. */
async function reviewSourcesOf(tx: Executor, recommendationIds: string[]) {
  const rows =
    recommendationIds.length === 0
      ? []
      : await tx
          .select({ id: recommendation.id, ...reviewSource })
          .from(recommendation)
          .innerJoin(reviewCase, eq(reviewCase.id, recommendation.caseId))
          .where(inArray(recommendation.id, recommendationIds));
  return new Map(rows.map(({ id, ...source }) => [id, source]));
}

const NO_ITEM = {
  itemTitle: null,
  meetingId: null,
  meetingStartsAt: null,
  bodyId: null,
  bodyName: null,
};
const NO_REVIEW = { reviewReference: null, recommendationNumber: null };

/** Adds each action's source, read for the page's items and recommendations at once. */
async function withSources(tx: Executor, rows: OwnedAction[]): Promise<DescribedAction[]> {
  const items = await itemSourcesOf(tx, idsOf(rows.map((row) => row.action.agendaItemId)));
  const reviews = await reviewSourcesOf(tx, idsOf(rows.map((row) => row.action.recommendationId)));
  return rows.map((row) => ({
    ...row,
    ...(items.get(row.action.agendaItemId ?? '') ?? NO_ITEM),
    ...(reviews.get(row.action.recommendationId ?? '') ?? NO_REVIEW),
  }));
}

export async function findAction(tx: Executor, id: string) {
  const [row] = await actionLog(tx).where(eq(action.id, id));
  return row ?? null;
}

export async function insertAction(tx: Executor, values: typeof action.$inferInsert) {
  const [row] = await tx.insert(action).values(values).returning();
  return row!;
}

/** Applies a change only if nobody has changed the action since `expectedVersion`. */
export async function updateAction(
  tx: Executor,
  id: string,
  expectedVersion: number | undefined,
  values: Partial<typeof action.$inferInsert>,
) {
  const [row] = await tx
    .update(action)
    .set({ ...values, version: sql`${action.version} + 1` })
    .where(
      and(eq(action.id, id), expectedVersion ? eq(action.version, expectedVersion) : undefined),
    )
    .returning();
  return row ?? null;
}

export async function insertActionUpdate(tx: Executor, values: typeof actionUpdate.$inferInsert) {
  const [row] = await tx.insert(actionUpdate).values(values).returning();
  return row!;
}

/** An action's dated updates, newest first, with who wrote each. */
export function updatesOfAction(tx: Executor, actionId: string) {
  return tx
    .select({ update: actionUpdate, writerName: appUser.displayName })
    .from(actionUpdate)
    .leftJoin(appUser, eq(appUser.id, actionUpdate.writtenBy))
    .where(eq(actionUpdate.actionId, actionId))
    .orderBy(desc(actionUpdate.createdAt), desc(actionUpdate.id));
}

/** How many of a person's actions are outstanding, and how many of those are overdue. */
export async function outstandingCountsOf(tx: Executor, personId: string, today: IsoDate) {
  const [row] = await tx
    .select({
      outstanding: count(),
      overdue: sql<number>`count(*) filter (where ${action.dueOn} < ${today})`.mapWith(Number),
    })
    .from(action)
    .where(and(eq(action.ownerPersonId, personId), outstanding));
  return { outstanding: row?.outstanding ?? 0, overdue: row?.overdue ?? 0 };
}

/** Outstanding actions past their due date, counted by the owner's agency, most first. */
export function overdueCountsByAgency(tx: Executor, today: IsoDate) {
  // Counted per owner first, from the outstanding-actions index, and each such owner's
  // agency looked up by key: joining person instead read every person of the partnership.
  const perOwner = tx
    .select({ ownerPersonId: action.ownerPersonId, overdue: count().as('overdue') })
    .from(action)
    .where(and(outstanding, lt(action.dueOn, today)))
    .groupBy(action.ownerPersonId)
    .as('per_owner');
  const ownersAgency = sql<string>`(select ${person.agencyId} from ${person} where ${person.id} = ${perOwner.ownerPersonId})`;
  const perAgency = tx
    .select({ agencyId: ownersAgency.as('agency_id'), overdue: perOwner.overdue })
    .from(perOwner)
    .as('per_agency');
  const overdue = sql<number>`sum(${perAgency.overdue})`.mapWith(Number);
  return tx
    .select({ agencyId: agency.id, agencyName: agency.name, overdue })
    .from(perAgency)
    .innerJoin(agency, eq(agency.id, perAgency.agencyId))
    .groupBy(agency.id, agency.name)
    .orderBy(desc(overdue), asc(agency.name));
}

/** The window a reminder is due in: "due soon" from `dueBy` back to today, overdue before today. */
export interface ReminderWindow {
  today: IsoDate;
  dueBy: IsoDate;
}

const dueSoon = ({ today, dueBy }: ReminderWindow) =>
  and(isNull(action.reminderSentAt), gte(action.dueOn, today), lte(action.dueOn, dueBy));
const overdueUnreminded = ({ today }: ReminderWindow) =>
  and(isNull(action.overdueReminderSentAt), lt(action.dueOn, today));

/** Outstanding actions with a reminder not yet sent, and whom to send it to. */
export function actionsToRemind(tx: Executor, window: ReminderWindow) {
  return tx
    .select({
      id: action.id,
      title: action.title,
      dueOn: action.dueOn,
      ownerName: person.fullName,
      ownerEmail: person.email,
    })
    .from(action)
    .innerJoin(person, eq(person.id, action.ownerPersonId))
    .where(and(outstanding, sql`(${dueSoon(window)} or ${overdueUnreminded(window)})`))
    .orderBy(asc(action.dueOn));
}

/**
 * Claims one reminder for this run: the conditional UPDATE succeeds for exactly one of any
 * runs racing for it (the others wait for its row lock, then find the reminder already
 * sent), so the mail queued in the same transaction is queued once. An overdue reminder
 * also stands for the "due soon" one, which is no longer worth sending.
 */
export async function claimReminder(
  tx: Executor,
  id: string,
  window: ReminderWindow,
  at: Date,
): Promise<'overdue' | 'due_soon' | null> {
  const [overdue] = await tx
    .update(action)
    .set({
      overdueReminderSentAt: at,
      reminderSentAt: sql`coalesce(${action.reminderSentAt}, ${at})`,
    })
    .where(and(eq(action.id, id), outstanding, overdueUnreminded(window)))
    .returning({ id: action.id });
  if (overdue) return 'overdue';
  const [soon] = await tx
    .update(action)
    .set({ reminderSentAt: at })
    .where(and(eq(action.id, id), outstanding, dueSoon(window)))
    .returning({ id: action.id });
  return soon ? 'due_soon' : null;
}
