import { createHash } from 'node:crypto';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { buildFieldCipher } from '../../src/platform/sealing/field-cipher.js';
import { verifyAuditChains } from '../../src/platform/audit/audit.service.js';
import { Agent } from '../../src/testing/agent.js';
import { createTestApp, TEST_ENCRYPTION_KEYS } from '../../src/testing/app.js';
import { createUser } from '../../src/testing/fixtures.js';
import { encodeRow } from './copy.js';
import { loadSyntheticPartnerships, SHAPES, type LoadReport } from './index.js';
import { planPartnership } from './partnership.js';
import { AUDIT_TABLE, TABLES, type RowContext } from './tables.js';
import { CHILD_FIRST_NAMES, REVIEW_TEXTS } from './words.js';

/** The app's clock and the data's "today" agree: Friday 27 November 2026, 09:00. */
const AS_OF = '2026-11-27';
const clock = { now: () => new Date(`${AS_OF}T09:00:00Z`) };
const cipher = buildFieldCipher(TEST_ENCRYPTION_KEYS);
const { app, services, database } = await createTestApp({ clock });

/** Columns sealed with a fresh nonce each time: compared once opened, not byte for byte. */
const SEALED = new Map([
  ['case_child', ['name_sealed', 'date_of_birth_sealed', 'nhs_number_sealed', 'address_sealed']],
  ['stored_file', ['content']],
]);

/** A hash of each table's rows as they would be copied, sealed columns left out. */
function tableHashes(seed: number) {
  const { plan } = planPartnership(SHAPES.tiny, seed, AS_OF, 0);
  const context: RowContext = { seed, cipher, passwordHash: 'a fixed hash' };
  const hashes: Record<string, string> = {};
  for (const table of [...TABLES, AUDIT_TABLE]) {
    const sealed = SEALED.get(table.name) ?? [];
    const kept = table.columns.map((column) => !sealed.includes(column));
    const digest = createHash('sha256');
    for (const row of table.rows(plan, context))
      digest.update(encodeRow(row.filter((_, index) => kept[index])));
    hashes[table.name] = digest.digest('hex');
  }
  return hashes;
}

const owner = async <T extends pg.QueryResultRow>(text: string, values: unknown[] = []) => {
  const client = new pg.Client({ connectionString: database.ownerUrl });
  await client.connect();
  try {
    return (await client.query<T>(text, values)).rows;
  } finally {
    await client.end();
  }
};

const partnershipCount = async () =>
  Number((await owner<{ n: string }>('select count(*) as n from partnership'))[0]!.n);

describe('the generator', () => {
  it('gives the same rows, ids included, for the same seed and as-of date, and others for another seed', () => {
    const first = tableHashes(7);
    const again = tableHashes(7);
    const other = tableHashes(8);
    expect(again).toEqual(first);
    for (const table of ['agency', 'person', 'meeting', 'action', 'action_update', 'audit_event'])
      expect(other[table], table).not.toBe(first[table]);
  });
});

describe('loading two tiny partnerships', async () => {
  const progress: string[] = [];
  const report: LoadReport = await loadSyntheticPartnerships({
    ownerUrl: database.ownerUrl,
    shape: SHAPES.tiny,
    count: 2,
    seed: 3,
    asOf: AS_OF,
    cipher,
    onProgress: (line) => progress.push(line),
  });
  const [first, second] = report.partnerships;
  const context = { partnershipId: first!.id, userId: null };

  it('writes the shape twice over, reports it table by table, and each chain verifies', async () => {
    const tiny = SHAPES.tiny;
    const expected: Record<string, number> = {
      partnership: 2,
      agency: 2 * tiny.agencies,
      person: 2 * tiny.people,
      app_user: 2 * tiny.accounts,
      body: 2 * tiny.bodies,
      membership: 2 * tiny.memberships,
      meeting: 2 * tiny.meetings,
      action: 2 * tiny.actions,
      action_update: 2 * tiny.actionUpdates,
      review_case: 2 * tiny.caseReviews,
      audit_event: 2 * tiny.auditEvents,
    };
    for (const [table, count] of Object.entries(expected)) {
      expect(report.rows[table], table).toBe(count);
      const [row] = await owner<{ n: string }>(
        `select count(*) as n from ${table} where ${table === 'app_user' ? 'id in (select user_id from partnership_role where partnership_id = any($1))' : `${table === 'partnership' ? 'id' : 'partnership_id'} = any($1)`}`,
        [[first!.id, second!.id]],
      );
      expect(Number(row!.n), table).toBe(count);
    }
    expect(first!.slug).toBe('synthetic-tiny-3-0001');
    expect(second!.slug).toBe('synthetic-tiny-3-0002');
    expect(progress).toContainEqual(expect.stringMatching(/^action_update: 100 rows in [\d.]+ s$/));
    expect(progress.at(-1)).toMatch(/^2 tiny partnerships: [\d,]+ rows in [\d.]+ s$/);
    const { broken, checked } = await verifyAuditChains(database.owner.db);
    expect(broken).toBeNull();
    expect(checked).toBeGreaterThanOrEqual(2 * tiny.auditEvents);
  });

  it("is read by the app under row-level security: a member sees the first partnership's pages", async () => {
    const member = await createUser(database.app.db, services, first!.id, { roles: ['member'] });
    const agent = new Agent(app);
    await agent.signIn(member, clock.now());
    const bodies = await agent.get('/bodies');
    expect(bodies.status).toBe(200);
    expect(bodies.body).toContain('Safeguarding Children Partnership');
    const meeting = await agent.get(`/meetings/${report.showcase.busyMeetingId}`);
    expect(meeting.status).toBe(200);
    expect(meeting.$('#agenda').length).toBe(1);
    expect((await agent.get('/actions')).status).toBe(200);
    const reviews = await agent.get('/reviews');
    expect(reviews.status).toBe(200);
    // The second partnership's meetings are not the member's to see.
    const [other] = await owner<{ id: string }>(
      'select id from meeting where partnership_id = $1 limit 1',
      [second!.id],
    );
    expect((await agent.get(`/meetings/${other!.id}`)).status).toBe(404);
  });

  it("opens the showcase case's sealed children through the app's own cipher, for its team", async () => {
    const administrator = await createUser(database.app.db, services, first!.id, {
      roles: ['administrator'],
      mfa: true,
    });
    const asAdministrator = { partnershipId: first!.id, userId: administrator.userId };
    const joined = await services.reviews.team.add(
      asAdministrator,
      report.showcase.caseId,
      administrator.userId,
      true,
    );
    expect(joined?.ok).toBe(true);
    const agent = new Agent(app);
    await agent.signIn(administrator, clock.now());
    const page = await agent.get(`/reviews/${report.showcase.caseId}`);
    expect(page.status).toBe(200);
    for (const section of [
      '#deadlines',
      '#children',
      '#information-requests',
      '#milestones',
      '#draft-requests',
      '#delays',
      '#recommendations',
      '#learning-points',
      '#disseminations',
    ])
      expect(page.$(section).length, section).toBe(1);
    const filledWith = (texts: readonly string[]) =>
      texts.some((text) => page.body.includes(text.replace(/'/g, '&#39;')));
    for (const texts of [
      REVIEW_TEXTS.milestones,
      REVIEW_TEXTS.draftRequests,
      REVIEW_TEXTS.delayReasons,
      REVIEW_TEXTS.recommendations,
      REVIEW_TEXTS.learning,
    ])
      expect(filledWith(texts), texts[0]).toBe(true);
    // A returned chronology opens: its bytes were sealed as the reviews module seals them.
    const document = page.$('#information-requests a[href*="/documents/"]').first().attr('href');
    const download = await agent.get(document!);
    expect(download.status).toBe(200);
    expect(download.body.startsWith('%PDF-1.4')).toBe(true);
    const opened = await services.reviews.cases.open(asAdministrator, report.showcase.caseId);
    expect(opened!.children.length).toBeGreaterThanOrEqual(2);
    for (const child of opened!.children)
      expect(CHILD_FIRST_NAMES).toContain(child.name.split(' ')[0]);
    expect(await services.reviews.cases.open(context, report.showcase.caseId)).toBeNull();
  });

  it('refuses bad input with a clear message and writes nothing', async () => {
    const before = await partnershipCount();
    const load = (changes: Record<string, unknown>) =>
      loadSyntheticPartnerships({
        ownerUrl: database.ownerUrl,
        shape: SHAPES.tiny,
        count: 1,
        seed: 4,
        asOf: AS_OF,
        cipher,
        ...changes,
      });
    await expect(load({ shape: 'huge' })).rejects.toThrow(
      'Unknown shape "huge": use one of large, demo-sized, tiny',
    );
    await expect(load({ count: 0 })).rejects.toThrow('count must be a whole number from 1');
    await expect(load({ seed: 1.5 })).rejects.toThrow('seed must be a whole number of at least 0');
    await expect(load({ asOf: '2026-02-30' })).rejects.toThrow(
      'asOf must be a date as YYYY-MM-DD; it is 2026-02-30',
    );
    await expect(load({ seed: 3, count: 2 })).rejects.toThrow(
      'synthetic-tiny-3-0001, synthetic-tiny-3-0002 already loaded',
    );
    await expect(load({ shape: { ...SHAPES.tiny, auditEvents: 10 } })).rejects.toThrow(
      'asks for 10 audit events, fewer than the',
    );
    expect(await partnershipCount()).toBe(before);
  });
});
