import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../testing/database.js';
import { buildAuditService } from '../platform/audit/audit.service.js';
import { buildPartnershipsService } from '../modules/partnerships/partnerships.service.js';
import { inTenant } from './client.js';
import { auditEvent, invitation, mailOutbox, partnership } from './schema/index.js';

const database = await createTestDatabase();
const partnerships = buildPartnershipsService(database.app.db, buildAuditService(database.app.db));
let a: { id: string };
let b: { id: string };

beforeAll(async () => {
  a = await partnerships.create('Northshire', 'northshire');
  b = await partnerships.create('Southvale', 'southvale');
  for (const p of [a, b]) {
    await inTenant(database.app.db, { partnershipId: p.id, userId: null }, (tx) =>
      tx.insert(mailOutbox).values({
        partnershipId: p.id,
        recipient: `office@${p.id}.test`,
        subject: 'Hello',
        bodyText: 'Body',
      }),
    );
  }
});

describe('row-level security', () => {
  it('connects the app as a role that RLS binds', async () => {
    const { rows } = await database.app.pool.query(
      'select rolsuper, rolbypassrls from pg_roles where rolname = current_user',
    );
    expect(rows[0]).toEqual({ rolsuper: false, rolbypassrls: false });
  });

  it('forces RLS, with a policy naming the partnership, on every table that has a partnership_id', async () => {
    const { rows } = await database.app.pool.query<{
      table: string;
      forced: boolean;
      policies: string[];
    }>(`
      select c.relname as table, c.relrowsecurity and c.relforcerowsecurity as forced,
             coalesce(array_agg(p.qual) filter (where p.qual is not null), '{}') as policies
      from information_schema.columns col
      join pg_class c on c.relname = col.table_name and c.relkind = 'r'
      join pg_namespace n on n.oid = c.relnamespace and n.nspname = 'public'
      left join pg_policies p on p.tablename = c.relname and p.schemaname = 'public'
      where col.table_schema = 'public' and col.column_name = 'partnership_id'
      group by c.relname, c.relrowsecurity, c.relforcerowsecurity`);
    expect(rows.length).toBeGreaterThan(10);
    // A session belongs to an account, looked up by its hash before any partnership is known;
    // its partnership_id is only the partnership being worked in.
    const accountOwned = new Set(['session']);
    for (const row of rows.filter((candidate) => !accountOwned.has(candidate.table))) {
      expect(row.forced, `${row.table} forces row-level security`).toBe(true);
      expect(
        row.policies.some((qual) => qual.includes('current_partnership_id()')),
        `${row.table} has a policy on the current partnership`,
      ).toBe(true);
    }
  });

  it('calls the tenant functions directly in every policy, so the planner estimates for the partnership at hand', async () => {
    // A sub-select (an InitPlan) is read once per query, but the planner cannot see through
    // it and plans for an average partnership: with one large partnership among many small
    // ones, its pages then took seconds (decision 0015).
    const { rows } = await database.app.pool.query<{ policy: string }>(`
      select tablename || '.' || policyname as policy
      from pg_policies, unnest(array[qual, with_check]) as expression
      where schemaname = 'public' and expression ilike '%select current\\_%\\_id()%'`);
    expect(rows).toEqual([]);
  });

  it("shows none of B's rows to a query without a WHERE clause in A's context", async () => {
    const seen = await inTenant(
      database.app.db,
      { partnershipId: a.id, userId: null },
      async (tx) => ({
        partnerships: await tx.select().from(partnership),
        mail: await tx.select().from(mailOutbox),
        audit: await tx.select().from(auditEvent),
      }),
    );
    expect(seen.partnerships.map((row) => row.id)).toEqual([a.id]);
    expect(seen.mail.map((row) => row.partnershipId)).toEqual([a.id]);
    expect(seen.audit.length).toBeGreaterThan(0);
    expect(seen.audit.every((row) => row.partnershipId === a.id)).toBe(true);
    const everything = await database.owner.db.select().from(mailOutbox);
    expect(everything).toHaveLength(2);
  });

  it("refuses to insert into B from A's context", async () => {
    const attempt = inTenant(database.app.db, { partnershipId: a.id, userId: null }, (tx) =>
      tx.insert(invitation).values({
        partnershipId: b.id,
        email: 'x@example.org',
        role: 'member',
        tokenHash: randomUUID(),
        expiresAt: new Date(),
      }),
    );
    await expect(attempt).rejects.toMatchObject({
      cause: { message: expect.stringMatching(/row-level security/) },
    });
  });

  it("cannot change or delete B's rows from A's context", async () => {
    const changed = await inTenant(
      database.app.db,
      { partnershipId: a.id, userId: null },
      async (tx) => {
        const updated = await tx.update(mailOutbox).set({ subject: 'Changed' }).returning();
        const deleted = await tx.execute(
          sql`delete from mail_outbox where partnership_id = ${b.id}`,
        );
        return { updated: updated.map((row) => row.partnershipId), deleted: deleted.rowCount };
      },
    );
    expect(changed).toEqual({ updated: [a.id], deleted: 0 });
  });

  it('sees nothing at all without a partnership context', async () => {
    const rows = await database.app.db.transaction((tx) => tx.select().from(mailOutbox));
    expect(rows).toEqual([]);
  });
});
