import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { createTestApp } from '../testing/app.js';
import { createPartnership } from '../testing/fixtures.js';
import { inTenant, inTenantLast, type Transaction } from './client.js';
import { RequestTransaction, withRequestTransaction } from './request-transaction.js';
import { agency } from './schema/index.js';

const { app, services, database } = await createTestApp();
afterAll(() => app.close());
const db = database.app.db;
const partnership = await createPartnership(services);
const context = { partnershipId: partnership.id, userId: null };

const transactionId = (tx: Transaction) =>
  tx
    .execute<{ id: string }>(sql`select txid_current()::text as id`)
    .then(({ rows }) => rows[0]!.id);

const agencyNamed = (name: string) =>
  database.owner.pool
    .query('select count(*)::int as n from agency where name = $1', [name])
    .then(({ rows }) => rows[0].n as number);

const addAgency = (tx: Transaction, name: string) =>
  tx.insert(agency).values({ partnershipId: partnership.id, name, agencyType: 'police' });

describe('a request transaction', () => {
  it('runs every tenant unit of work of the request in one transaction', async () => {
    const shared = new RequestTransaction(database.app.pool, context);
    const ids = await withRequestTransaction(shared, async () => [
      await inTenant(db, context, transactionId),
      await inTenant(db, { ...context, requestId: 'r1' }, transactionId),
    ]);
    await shared.finish(true);
    expect(ids[0]).toBe(ids[1]);
  });

  it('leaves work for another partnership or person to a transaction of its own', async () => {
    const shared = new RequestTransaction(database.app.pool, context);
    const [mine, someoneElse] = await withRequestTransaction(shared, async () => [
      await inTenant(db, context, transactionId),
      await inTenant(db, { ...context, userId: randomUUID() }, transactionId),
    ]);
    await shared.finish(true);
    expect(mine).not.toBe(someoneElse);
  });

  it('keeps what the request wrote when it commits, and nothing when it rolls back', async () => {
    for (const [commit, name] of [
      [true, 'Kept Constabulary'],
      [false, 'Dropped Constabulary'],
    ] as const) {
      const shared = new RequestTransaction(database.app.pool, context);
      await withRequestTransaction(shared, () =>
        inTenant(db, context, (tx) => addAgency(tx, name)),
      );
      expect(await agencyNamed(name)).toBe(0);
      await shared.finish(commit);
      expect(await agencyNamed(name)).toBe(commit ? 1 : 0);
    }
  });

  it('waits for work already started before it finishes, and gives later work its own', async () => {
    const shared = new RequestTransaction(database.app.pool, context);
    const slow = withRequestTransaction(shared, () =>
      inTenant(db, context, async (tx) => {
        await tx.execute(sql`select pg_sleep(0.3)`);
        await addAgency(tx, 'Late Health Trust');
        return transactionId(tx);
      }),
    );
    const finished = shared.finish(true);
    const later = await withRequestTransaction(shared, () => inTenant(db, context, transactionId));
    await finished;
    expect(await agencyNamed('Late Health Trust')).toBe(1);
    expect(later).not.toBe(await slow);
  });

  it('answers a read the request already made from the first answer, until it writes', async () => {
    const shared = new RequestTransaction(database.app.pool, context);
    const draw = (tx: Transaction) =>
      tx.execute<{ n: number }>(sql`select random() as n`).then(({ rows }) => rows[0]!.n);
    const [first, again, afterWrite] = await withRequestTransaction(shared, async () => [
      await inTenant(db, context, draw),
      await inTenant(db, context, draw),
      await inTenant(db, context, async (tx) => {
        await addAgency(tx, 'Fresh Constabulary');
        return draw(tx);
      }),
    ]);
    await shared.finish(true);
    expect(again).toBe(first);
    expect(afterWrite).not.toBe(first);
  });

  it("reads only the request's own partnership", async () => {
    const other = await createPartnership(services, 'Southshire Safeguarding Partnership');
    await inTenant(db, { partnershipId: other.id, userId: null }, (tx) =>
      tx
        .insert(agency)
        .values({ partnershipId: other.id, name: 'Southshire Police', agencyType: 'police' }),
    );
    const shared = new RequestTransaction(database.app.pool, context);
    const names = await withRequestTransaction(shared, () =>
      inTenant(db, context, (tx) => tx.select({ name: agency.name }).from(agency)),
    );
    await shared.finish(true);
    expect(names.map(({ name }) => name)).not.toContain('Southshire Police');
    expect(names.length).toBeGreaterThan(0);
  });

  it('makes a last write just before it commits, so a request still running holds no audit lock', async () => {
    const viewed = (entityId: string) => (tx: Transaction) =>
      services.audit.record(tx, context, { action: 'viewed', entityType: 'agency', entityId });
    const views = (entityId: string) =>
      database.owner.pool
        .query('select count(*)::int as n from audit_event where entity_id = $1', [entityId])
        .then(({ rows }) => rows[0].n as number);
    const [slow, quick, dropped] = [randomUUID(), randomUUID(), randomUUID()];
    const first = new RequestTransaction(database.app.pool, context);
    await withRequestTransaction(first, () => inTenantLast(db, context, viewed(slow)));
    // The first request has not finished; had it written already, it would hold the chain's lock.
    const second = new RequestTransaction(database.app.pool, context);
    await withRequestTransaction(second, () => inTenantLast(db, context, viewed(quick)));
    const waited = await Promise.race([
      second.finish(true).then(() => false),
      new Promise((resolve) => setTimeout(() => resolve(true), 2000)),
    ]);
    expect(waited).toBe(false);
    expect(await views(quick)).toBe(1);
    expect(await views(slow)).toBe(0);
    await first.finish(true);
    expect(await views(slow)).toBe(1);

    const failed = new RequestTransaction(database.app.pool, context);
    await withRequestTransaction(failed, () => inTenantLast(db, context, viewed(dropped)));
    await failed.finish(false);
    expect(await views(dropped)).toBe(0);
    // Outside a page request, the write is made at once.
    await inTenantLast(db, context, viewed(dropped));
    expect(await views(dropped)).toBe(1);
  });

  it('refuses a context whose ids are not UUIDs, before anything reaches the database', async () => {
    const shared = new RequestTransaction(database.app.pool, {
      partnershipId: "x'; drop table agency; --",
      userId: null,
    });
    await expect(shared.run(transactionId)).rejects.toThrow('A tenant id must be a UUID');
    await shared.finish(true);
  });

  it('opens no transaction at all when the request ran no query', async () => {
    const before = database.app.pool.totalCount - database.app.pool.idleCount;
    await new RequestTransaction(database.app.pool, context).finish(true);
    expect(database.app.pool.totalCount - database.app.pool.idleCount).toBe(before);
  });
});
