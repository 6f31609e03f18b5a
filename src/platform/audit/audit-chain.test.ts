import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { inTenant } from '../../db/client.js';
import { buildPartnershipsService } from '../../modules/partnerships/partnerships.service.js';
import { createTestDatabase } from '../../testing/database.js';
import { buildAuditService, verifyAuditChains } from './audit.service.js';

const database = await createTestDatabase();
const audit = buildAuditService(database.app.db);
const partnerships = buildPartnershipsService(database.app.db, audit);
let partnershipId: string;

beforeAll(async () => {
  partnershipId = (await partnerships.create('Northshire', 'northshire')).id;
  const other = (await partnerships.create('Southvale', 'southvale')).id;
  await Promise.all(
    Array.from({ length: 12 }, (_, n) =>
      inTenant(
        database.app.db,
        { partnershipId: n % 2 ? partnershipId : other, userId: null, requestId: `req-${n}` },
        (tx) =>
          audit.record(
            tx,
            { partnershipId: n % 2 ? partnershipId : other, userId: null, requestId: `req-${n}` },
            {
              action: 'test.changed',
              entityType: 'test',
              entityId: String(n),
              before: { n },
              after: { n: n + 1, note: 'ä €' },
            },
          ),
      ),
    ),
  );
});

describe('audit trail', () => {
  it('chains each row to the previous row of its partnership, even under concurrent writers', async () => {
    const rows = await database.owner.db.execute<{
      seq: string;
      partnership_id: string;
      prev_hash: string | null;
      hash: string;
    }>(sql`select seq, partnership_id, prev_hash, hash from audit_event order by seq`);
    const lastHash = new Map<string, string>();
    for (const row of rows.rows) {
      expect(row.prev_hash).toBe(lastHash.get(row.partnership_id) ?? null);
      lastHash.set(row.partnership_id, row.hash);
    }
    expect(rows.rows).toHaveLength(14);
    expect(await verifyAuditChains(database.owner.db)).toEqual({ checked: 14, broken: null });
  });

  it('rejects UPDATE and DELETE, even from the owner', async () => {
    await expect(
      database.owner.db.execute(sql`update audit_event set action = 'x'`),
    ).rejects.toMatchObject({ cause: { message: expect.stringMatching(/append-only/) } });
    await expect(database.owner.db.execute(sql`delete from audit_event`)).rejects.toMatchObject({
      cause: { message: expect.stringMatching(/append-only/) },
    });
    await expect(database.owner.db.execute(sql`truncate audit_event`)).rejects.toMatchObject({
      cause: { message: expect.stringMatching(/append-only/) },
    });
  });

  it('reports the first broken link when a row is altered behind the trigger', async () => {
    const victim = await database.owner.db.execute<{ seq: string }>(
      sql`select seq from audit_event where partnership_id = ${partnershipId} order by seq offset 2 limit 1`,
    );
    const seq = Number(victim.rows[0]!.seq);
    await database.owner.db.transaction(async (tx) => {
      await tx.execute(sql`alter table audit_event disable trigger audit_event_append_only`);
      await tx.execute(sql`update audit_event set after = '{"n": 999}' where seq = ${seq}`);
      await tx.execute(sql`alter table audit_event enable trigger audit_event_append_only`);
    });
    expect(await verifyAuditChains(database.owner.db)).toEqual({
      checked: 14,
      broken: { seq, partnershipId, reason: 'hash does not match the row' },
    });
  });

  it('reports a deleted row as a broken link on the row after it', async () => {
    const rows = await database.owner.db.execute<{ seq: string }>(
      sql`select seq from audit_event where partnership_id <> ${partnershipId} order by seq limit 2`,
    );
    const [first, second] = rows.rows.map((row) => Number(row.seq));
    await database.owner.db.transaction(async (tx) => {
      await tx.execute(sql`alter table audit_event disable trigger audit_event_append_only`);
      await tx.execute(sql`delete from audit_event where seq = ${first!}`);
      await tx.execute(sql`alter table audit_event enable trigger audit_event_append_only`);
    });
    const result = await verifyAuditChains(database.owner.db);
    expect(result.broken).toMatchObject({
      seq: second,
      reason: 'previous hash does not match the row before',
    });
  });
});
