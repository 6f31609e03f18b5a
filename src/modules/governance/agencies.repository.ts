import { and, asc, count, eq, isNotNull, isNull, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { escapeLike } from '../../platform/like.js';
import { agency, membership, person } from '../../db/schema/index.js';
import { continuingAfter } from './membership-dates.js';
import type { ListFilter } from './governance.forms.js';

export type AgencyRow = typeof agency.$inferSelect;

export function agencyConditions(filter: ListFilter): SQL | undefined {
  return and(
    filter.q ? sql`${agency.name} ilike ${`%${escapeLike(filter.q)}%`}` : undefined,
    filter.type ? eq(agency.agencyType, filter.type) : undefined,
    filter.show === 'closed'
      ? isNotNull(agency.closedAt)
      : filter.show === 'all'
        ? undefined
        : isNull(agency.closedAt),
  );
}

export async function listAgencies(
  tx: Executor,
  filter: ListFilter,
  limit: number,
  offset: number,
) {
  const where = agencyConditions(filter);
  const rows = await tx
    .select()
    .from(agency)
    .where(where)
    .orderBy(asc(sql`lower(${agency.name})`))
    .limit(limit)
    .offset(offset);
  const [total] = await tx.select({ total: count() }).from(agency).where(where);
  return { rows, total: total?.total ?? 0 };
}

export function allAgencies(tx: Executor, { activeOnly }: { activeOnly: boolean }) {
  return tx
    .select()
    .from(agency)
    .where(activeOnly ? isNull(agency.closedAt) : undefined)
    .orderBy(asc(sql`lower(${agency.name})`));
}

export async function findAgency(tx: Executor, id: string) {
  const [row] = await tx.select().from(agency).where(eq(agency.id, id));
  return row ?? null;
}

export async function insertAgency(tx: Executor, values: typeof agency.$inferInsert) {
  const [row] = await tx.insert(agency).values(values).returning();
  return row!;
}

/** Applies a change only to the version the person edited; null when it has moved on. */
export async function updateAgency(
  tx: Executor,
  id: string,
  expectedVersion: number | undefined,
  values: Partial<typeof agency.$inferInsert>,
) {
  const [row] = await tx
    .update(agency)
    .set({ ...values, version: sql`${agency.version} + 1` })
    .where(
      and(eq(agency.id, id), expectedVersion ? eq(agency.version, expectedVersion) : undefined),
    )
    .returning();
  return row ?? null;
}

/** What still ties an agency to the registry's current work. */
export async function agencyActiveLinks(tx: Executor, id: string, today: string) {
  const [people] = await tx
    .select({ total: count() })
    .from(person)
    .where(and(eq(person.agencyId, id), isNull(person.closedAt)));
  const [memberships] = await tx
    .select({ total: count() })
    .from(membership)
    .where(and(eq(membership.representsAgencyId, id), continuingAfter(today)));
  return { people: people?.total ?? 0, memberships: memberships?.total ?? 0 };
}
