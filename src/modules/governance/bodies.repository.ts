import { and, asc, count, eq, isNotNull, isNull, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { escapeLike } from '../../platform/like.js';
import { agency, body, quorumRequiredAgency } from '../../db/schema/index.js';
import type { ListFilter } from './governance.forms.js';

export type BodyRow = typeof body.$inferSelect;

function bodyConditions(filter: ListFilter): SQL | undefined {
  return and(
    filter.q ? sql`${body.name} ilike ${`%${escapeLike(filter.q)}%`}` : undefined,
    filter.type ? eq(body.bodyType, filter.type) : undefined,
    filter.show === 'closed'
      ? isNotNull(body.closedAt)
      : filter.show === 'all'
        ? undefined
        : isNull(body.closedAt),
  );
}

export async function listBodies(tx: Executor, filter: ListFilter, limit: number, offset: number) {
  const where = bodyConditions(filter);
  const rows = await tx
    .select()
    .from(body)
    .where(where)
    .orderBy(asc(sql`lower(${body.name})`))
    .limit(limit)
    .offset(offset);
  const [total] = await tx.select({ total: count() }).from(body).where(where);
  return { rows, total: total?.total ?? 0 };
}

export function allBodies(tx: Executor, { activeOnly }: { activeOnly: boolean }) {
  return tx
    .select()
    .from(body)
    .where(activeOnly ? isNull(body.closedAt) : undefined)
    .orderBy(asc(sql`lower(${body.name})`));
}

export async function findBody(tx: Executor, id: string) {
  const [row] = await tx.select().from(body).where(eq(body.id, id));
  return row ?? null;
}

export async function insertBody(tx: Executor, values: typeof body.$inferInsert) {
  const [row] = await tx.insert(body).values(values).returning();
  return row!;
}

export async function updateBody(
  tx: Executor,
  id: string,
  expectedVersion: number | undefined,
  values: Partial<typeof body.$inferInsert>,
) {
  const [row] = await tx
    .update(body)
    .set({ ...values, version: sql`${body.version} + 1` })
    .where(and(eq(body.id, id), expectedVersion ? eq(body.version, expectedVersion) : undefined))
    .returning();
  return row ?? null;
}

/** The body and every body above it, following reporting lines upwards. */
export async function lineOfReporting(tx: Executor, startId: string): Promise<string[]> {
  const result = await tx.execute<{ id: string }>(sql`
    with recursive up(id, reports_to_id, depth) as (
      select id, reports_to_id, 0 from body where id = ${startId}
      union all
      select b.id, b.reports_to_id, up.depth + 1 from body b join up on b.id = up.reports_to_id
      where up.depth < 100)
    select id from up order by depth`);
  return result.rows.map((row) => row.id);
}

/** Serialises changes to reporting lines so two edits cannot make a cycle between them. */
export async function lockReportingLines(tx: Executor, partnershipId: string) {
  await tx.execute(
    sql`select pg_advisory_xact_lock(hashtextextended(${`body-tree:${partnershipId}`}, 0))`,
  );
}

export async function activeChildBodies(tx: Executor, id: string) {
  return tx
    .select({ id: body.id, name: body.name })
    .from(body)
    .where(and(eq(body.reportsToId, id), isNull(body.closedAt)))
    .orderBy(asc(body.name));
}

export function quorumAgenciesOf(tx: Executor, bodyIds: string[]) {
  if (bodyIds.length === 0) return Promise.resolve([]);
  return tx
    .select({ bodyId: quorumRequiredAgency.bodyId, id: agency.id, name: agency.name })
    .from(quorumRequiredAgency)
    .innerJoin(agency, eq(agency.id, quorumRequiredAgency.agencyId))
    .where(sql`${quorumRequiredAgency.bodyId} in ${bodyIds}`)
    .orderBy(asc(agency.name));
}

export function safeguardingPartners(tx: Executor) {
  return tx
    .select({ id: agency.id, name: agency.name })
    .from(agency)
    .where(and(eq(agency.isSafeguardingPartner, true), isNull(agency.closedAt)))
    .orderBy(asc(agency.name));
}

export async function replaceQuorumAgencies(
  tx: Executor,
  partnershipId: string,
  bodyId: string,
  agencyIds: string[],
) {
  await tx.delete(quorumRequiredAgency).where(eq(quorumRequiredAgency.bodyId, bodyId));
  if (agencyIds.length > 0)
    await tx
      .insert(quorumRequiredAgency)
      .values(agencyIds.map((agencyId) => ({ partnershipId, bodyId, agencyId })));
}

/** Open bodies with a chair, vice-chair or terms of reference review due by `until`. */
export function bodiesWithReviewsBy(tx: Executor, until: string) {
  return tx
    .select({
      id: body.id,
      name: body.name,
      closedAt: body.closedAt,
      chairPersonId: body.chairPersonId,
      chairReviewDueOn: body.chairReviewDueOn,
      viceChairPersonId: body.viceChairPersonId,
      viceChairReviewDueOn: body.viceChairReviewDueOn,
      termsOfReferenceReviewDueOn: body.termsOfReferenceReviewDueOn,
    })
    .from(body)
    .where(
      and(
        isNull(body.closedAt),
        sql`least(${body.chairReviewDueOn}, ${body.viceChairReviewDueOn}, ${body.termsOfReferenceReviewDueOn}) <= ${until}`,
      ),
    );
}
