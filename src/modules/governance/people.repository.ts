import { and, asc, count, eq, inArray, isNotNull, isNull, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { escapeLike } from '../../platform/like.js';
import { agency, person } from '../../db/schema/index.js';
import type { ListFilter } from './governance.forms.js';

export type PersonRow = typeof person.$inferSelect;

function personConditions(filter: ListFilter): SQL | undefined {
  const text = filter.q ? `%${escapeLike(filter.q)}%` : null;
  return and(
    text
      ? sql`(${person.fullName} ilike ${text} or ${person.email} ilike ${text} or ${person.jobTitle} ilike ${text})`
      : undefined,
    filter.agency ? eq(person.agencyId, filter.agency) : undefined,
    filter.show === 'closed'
      ? isNotNull(person.closedAt)
      : filter.show === 'all'
        ? undefined
        : isNull(person.closedAt),
  );
}

const withAgency = { person, agencyName: agency.name };

export async function listPeople(tx: Executor, filter: ListFilter, limit: number, offset: number) {
  const where = personConditions(filter);
  const rows = await tx
    .select(withAgency)
    .from(person)
    .innerJoin(agency, eq(agency.id, person.agencyId))
    .where(where)
    .orderBy(asc(sql`lower(${person.fullName})`), asc(person.id))
    .limit(limit)
    .offset(offset);
  const [total] = await tx.select({ total: count() }).from(person).where(where);
  return { rows, total: total?.total ?? 0 };
}

export function allPeople(tx: Executor, { activeOnly }: { activeOnly: boolean }) {
  return tx
    .select(withAgency)
    .from(person)
    .innerJoin(agency, eq(agency.id, person.agencyId))
    .where(activeOnly ? isNull(person.closedAt) : undefined)
    .orderBy(asc(sql`lower(${person.fullName})`));
}

export function peopleOfAgency(tx: Executor, agencyId: string) {
  return tx
    .select()
    .from(person)
    .where(eq(person.agencyId, agencyId))
    .orderBy(asc(sql`${person.closedAt} is not null`), asc(sql`lower(${person.fullName})`));
}

export async function findPerson(tx: Executor, id: string) {
  const [row] = await tx
    .select(withAgency)
    .from(person)
    .innerJoin(agency, eq(agency.id, person.agencyId))
    .where(eq(person.id, id));
  return row ?? null;
}

/** The open person record linked to a sign-in account, if any. */
export async function findPersonOfAccount(tx: Executor, userId: string) {
  const [row] = await tx
    .select(withAgency)
    .from(person)
    .innerJoin(agency, eq(agency.id, person.agencyId))
    .where(and(eq(person.userId, userId), isNull(person.closedAt)))
    .limit(1);
  return row ?? null;
}

export async function findPersonByEmail(tx: Executor, email: string) {
  const [row] = await tx
    .select()
    .from(person)
    .where(sql`lower(${person.email}) = lower(${email})`);
  return row ?? null;
}

export async function insertPerson(tx: Executor, values: typeof person.$inferInsert) {
  const [row] = await tx.insert(person).values(values).returning();
  return row!;
}

export async function updatePerson(
  tx: Executor,
  id: string,
  expectedVersion: number | undefined,
  values: Partial<typeof person.$inferInsert>,
) {
  const [row] = await tx
    .update(person)
    .set({ ...values, version: sql`${person.version} + 1` })
    .where(
      and(eq(person.id, id), expectedVersion ? eq(person.version, expectedVersion) : undefined),
    )
    .returning();
  return row ?? null;
}

/** Open people without a sign-in account, to link one to; by name. */
export function unlinkedPeople(tx: Executor) {
  return tx
    .select(withAgency)
    .from(person)
    .innerJoin(agency, eq(agency.id, person.agencyId))
    .where(and(isNull(person.userId), isNull(person.closedAt)))
    .orderBy(asc(sql`lower(${person.fullName})`));
}

/** Open people without an account whose email is this one (any case). */
export function unlinkedPeopleWithEmail(tx: Executor, email: string) {
  return tx
    .select()
    .from(person)
    .where(
      and(
        sql`lower(${person.email}) = lower(${email})`,
        isNull(person.userId),
        isNull(person.closedAt),
      ),
    );
}

/** The open people linked to these accounts. */
export function peopleOfAccounts(tx: Executor, userIds: string[]) {
  if (userIds.length === 0) return Promise.resolve([]);
  return tx
    .select({ id: person.id, fullName: person.fullName, userId: person.userId })
    .from(person)
    .where(and(inArray(person.userId, userIds), isNull(person.closedAt)));
}
