import {
  aliasedTable,
  and,
  asc,
  count,
  desc,
  eq,
  gte,
  isNull,
  lt,
  lte,
  or,
  sql,
  type SQL,
} from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { agency, body, deputy, membership, person } from '../../db/schema/index.js';
import { continuingAfter } from './membership-dates.js';

export type MembershipRow = typeof membership.$inferSelect;
export type DeputyRow = typeof deputy.$inferSelect;

const represented = aliasedTable(agency, 'represented');

const membershipView = {
  membership,
  personName: person.fullName,
  personJobTitle: person.jobTitle,
  personClosedAt: person.closedAt,
  bodyName: body.name,
  bodyClosedAt: body.closedAt,
  agencyName: represented.name,
};

const byBodyAgencyAndPerson = [
  asc(body.name),
  asc(represented.name),
  asc(person.fullName),
  asc(membership.startsOn),
];

function membershipsWhere(tx: Executor, where: SQL | undefined, order = byBodyAgencyAndPerson) {
  return tx
    .select(membershipView)
    .from(membership)
    .innerJoin(person, eq(person.id, membership.personId))
    .innerJoin(body, eq(body.id, membership.bodyId))
    .innerJoin(represented, eq(represented.id, membership.representsAgencyId))
    .where(where)
    .orderBy(...order);
}

export const membershipsOfBody = (tx: Executor, bodyId: string) =>
  membershipsWhere(tx, eq(membership.bodyId, bodyId));
/** A body's seats held on `day` (YYYY-MM-DD): a body's whole history can run to hundreds. */
export const membershipsOfBodyOn = (tx: Executor, bodyId: string, day: string) =>
  membershipsWhere(
    tx,
    and(
      eq(membership.bodyId, bodyId),
      lte(membership.startsOn, day),
      or(isNull(membership.endsOn), gte(membership.endsOn, day)),
    ),
  );
/** A body's seats not ended by `day`: held now or still to start. */
export const continuingMembershipsOfBody = (tx: Executor, bodyId: string, day: string) =>
  membershipsWhere(
    tx,
    and(eq(membership.bodyId, bodyId), or(isNull(membership.endsOn), gte(membership.endsOn, day))),
  );

/** A body's seats that ended before `day`, most recently ended first. */
export const pastMembershipsOfBody = (tx: Executor, bodyId: string, day: string) =>
  membershipsWhere(tx, and(eq(membership.bodyId, bodyId), lt(membership.endsOn, day)), [
    desc(membership.endsOn),
    asc(person.fullName),
  ]);

export async function countPastMembershipsOfBody(tx: Executor, bodyId: string, day: string) {
  const [row] = await tx
    .select({ total: count() })
    .from(membership)
    .where(and(eq(membership.bodyId, bodyId), lt(membership.endsOn, day)));
  return row?.total ?? 0;
}

export const membershipsOfPerson = (tx: Executor, personId: string) =>
  membershipsWhere(tx, eq(membership.personId, personId));
export const membershipsForAgency = (tx: Executor, agencyId: string) =>
  membershipsWhere(tx, eq(membership.representsAgencyId, agencyId));
export const allMemberships = (tx: Executor) => membershipsWhere(tx, undefined);

export async function findMembership(tx: Executor, id: string) {
  const [row] = await membershipsWhere(tx, eq(membership.id, id));
  return row ?? null;
}

export async function insertMembership(tx: Executor, values: typeof membership.$inferInsert) {
  const [row] = await tx.insert(membership).values(values).returning();
  return row!;
}

export async function updateMembership(
  tx: Executor,
  id: string,
  expectedVersion: number | undefined,
  values: Partial<typeof membership.$inferInsert>,
) {
  const [row] = await tx
    .update(membership)
    .set({ ...values, version: sql`${membership.version} + 1` })
    .where(
      and(
        eq(membership.id, id),
        expectedVersion ? eq(membership.version, expectedVersion) : undefined,
      ),
    )
    .returning();
  return row ?? null;
}

/** Ends every membership of a person that runs past `lastDay`; gives back the ones it ended. */
export function endMembershipsOfPerson(tx: Executor, personId: string, lastDay: string) {
  return tx
    .update(membership)
    .set({
      endsOn: sql`greatest(${membership.startsOn}, ${lastDay}::date)`,
      version: sql`${membership.version} + 1`,
    })
    .where(and(eq(membership.personId, personId), continuingAfter(lastDay)))
    .returning({ id: membership.id, bodyId: membership.bodyId });
}

export function endMembershipsOfBody(tx: Executor, bodyId: string, lastDay: string) {
  return tx
    .update(membership)
    .set({
      endsOn: sql`greatest(${membership.startsOn}, ${lastDay}::date)`,
      version: sql`${membership.version} + 1`,
    })
    .where(and(eq(membership.bodyId, bodyId), continuingAfter(lastDay)))
    .returning({ id: membership.id });
}

export function deputiesOf(tx: Executor, membershipIds: string[]) {
  if (membershipIds.length === 0) return Promise.resolve([]);
  return tx
    .select({ deputy, personName: person.fullName, personJobTitle: person.jobTitle })
    .from(deputy)
    .innerJoin(person, eq(person.id, deputy.personId))
    .where(sql`${deputy.membershipId} in ${membershipIds}`)
    .orderBy(asc(deputy.startsOn));
}

export async function findDeputy(tx: Executor, id: string) {
  const [row] = await tx.select().from(deputy).where(eq(deputy.id, id));
  return row ?? null;
}

export async function insertDeputy(tx: Executor, values: typeof deputy.$inferInsert) {
  const [row] = await tx.insert(deputy).values(values).returning();
  return row!;
}

export async function endDeputy(tx: Executor, id: string, lastDay: string) {
  const [row] = await tx
    .update(deputy)
    .set({
      endsOn: sql`greatest(${deputy.startsOn}, ${lastDay}::date)`,
      version: sql`${deputy.version} + 1`,
    })
    .where(eq(deputy.id, id))
    .returning();
  return row ?? null;
}

/** Ends the delegations a person holds, when they leave. */
export function endDelegationsOfPerson(tx: Executor, personId: string, lastDay: string) {
  return tx
    .update(deputy)
    .set({
      endsOn: sql`greatest(${deputy.startsOn}, ${lastDay}::date)`,
      version: sql`${deputy.version} + 1`,
    })
    .where(
      and(
        eq(deputy.personId, personId),
        sql`(${deputy.endsOn} is null or ${deputy.endsOn} > ${lastDay}::date)`,
      ),
    )
    .returning({ id: deputy.id });
}
