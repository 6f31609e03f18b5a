import { and, count, eq, sql } from 'drizzle-orm';
import type { InjectOptions } from 'fastify';
import { describe, expect, it } from 'vitest';
import { inTenant } from '../../db/client.js';
import { action as actionTable, actionUpdate, idempotencyKey } from '../../db/schema/index.js';
import { createUser } from '../../testing/fixtures.js';
import { actionTestBed } from '../actions/action-fixtures.js';

const bed = await actionTestBed();
const { app, services, context, fixtures, meetingItem, action, database, partnership, clock } = bed;
const { token } = await services.apiTokens.create(context, { name: 'Retries' });

const agency = await fixtures.agency({ name: 'Northshire Police' });
const owner = await fixtures.person(agency, { fullName: 'Robin Hale' });
const source = await meetingItem('2026-12-08');

type Headers = Record<string, string | string[]>;

/** A POST with a JSON body (or any other payload and content type), as a program sends it. */
function post(url: string, body: unknown, headers: Headers = {}, bearer = token) {
  const options: InjectOptions = {
    method: 'POST',
    url,
    headers: {
      authorization: `Bearer ${bearer}`,
      'content-type': 'application/json',
      ...headers,
    },
    payload: typeof body === 'string' ? body : JSON.stringify(body),
  };
  return app.inject(options);
}

const newAction = (title: string) => ({
  ...source,
  title,
  ownerPersonId: owner,
  dueOn: '2026-12-18',
});

/** Actions with this title, counted where row-level security cannot hide any. */
async function actionsTitled(title: string) {
  const [row] = await database.owner.db
    .select({ n: count() })
    .from(actionTable)
    .where(eq(actionTable.title, title));
  return row!.n;
}

async function updatesOf(id: string) {
  const [row] = await database.owner.db
    .select({ n: count() })
    .from(actionUpdate)
    .where(eq(actionUpdate.actionId, id));
  return row!.n;
}

const allActions = async () =>
  (await database.owner.db.select({ n: count() }).from(actionTable))[0]!.n;
const keysKept = async () =>
  (await database.owner.db.select({ n: count() }).from(idempotencyKey))[0]!.n;

const updatePath = (id: string) => `/api/v1/actions/${id}/updates`;

describe('what the API’s writes read', () => {
  it('answers 415 to a body that is not JSON, and writes nothing', async () => {
    const id = await action(source, { ownerPersonId: owner });
    const before = { actions: await allActions(), updates: await updatesOf(id) };
    const json = JSON.stringify(newAction('Sent as text'));
    for (const url of ['/api/v1/actions', updatePath(id)]) {
      const sent = [
        { 'content-type': 'text/plain' },
        { 'content-type': 'application/x-www-form-urlencoded' },
        { 'content-type': 'application/xml' },
        { 'content-type': 'multipart/form-data; boundary=x' },
      ];
      for (const headers of sent) {
        const answer = await post(url, json, headers);
        expect(answer.statusCode, `${url} ${headers['content-type']}`).toBe(415);
        expect(answer.json().error).toBe(
          'Send the body as JSON, with Content-Type: application/json',
        );
      }
      const noBody = await app.inject({
        method: 'POST',
        url,
        headers: { authorization: `Bearer ${token}` },
      });
      expect(noBody.statusCode).toBe(415);
    }
    expect(await allActions()).toBe(before.actions);
    expect(await updatesOf(id)).toBe(before.updates);
  });

  it('asks who is calling before what they sent', async () => {
    const anonymous = await app.inject({
      method: 'POST',
      url: '/api/v1/actions',
      headers: { 'content-type': 'text/plain' },
      payload: 'hello',
    });
    expect(anonymous.statusCode).toBe(401);
  });

  it('answers 400 to JSON that is not an object, and writes nothing', async () => {
    const id = await action(source, { ownerPersonId: owner });
    const before = { actions: await allActions(), updates: await updatesOf(id) };
    for (const url of ['/api/v1/actions', updatePath(id)])
      for (const body of ['[]', '1', '"x"', 'null', 'true', '[{"title":"In a list"}]']) {
        const answer = await post(url, body);
        expect(answer.statusCode, `${url} ${body}`).toBe(400);
        expect(answer.json().error).toBe('The body must be a JSON object');
      }
    const broken = await post('/api/v1/actions', '{"title": ');
    expect(broken.statusCode).toBe(400);
    expect(await allActions()).toBe(before.actions);
    expect(await updatesOf(id)).toBe(before.updates);
  });

  it('refuses a version beyond PostgreSQL’s integers, negative or not whole, naming it', async () => {
    const id = await action(source, { ownerPersonId: owner });
    for (const version of [2147483648, 999999999999, -1, 0, 1.5, '1', null]) {
      const answer = await post(updatePath(id), { note: 'Progress', status: 'done', version });
      expect(answer.statusCode, String(version)).toBe(400);
      expect(answer.json().fields.version).toBe(
        'version must be the action’s current version, a whole number from 1 to 2147483647',
      );
    }
    expect(await updatesOf(id)).toBe(0);
    const largest = await post(updatePath(id), {
      note: 'Progress',
      status: 'done',
      version: 2147483647,
    });
    expect(largest.statusCode).toBe(409);
  });
});

describe('a form’s hidden version', () => {
  it('refuses one beyond PostgreSQL’s integers with the form again, not a server error', async () => {
    const id = await action(source, { ownerPersonId: owner });
    for (const version of ['999999999999', '2147483648', '-3', '1.5', 'one']) {
      const page = await bed.agent.submit(`/actions/${id}/update`, {
        note: 'Findings shared',
        status: 'in_progress',
        version,
      });
      expect(page.status, version).toBe(400);
      expect(page.$('.govuk-error-summary').text()).toContain(
        'The form was out of date or changed: go back, reload the page and try again',
      );
      expect(page.$('#note').val()).toBe('Findings shared');
    }
    expect(await updatesOf(id)).toBe(0);
  });
});

describe('an Idempotency-Key', () => {
  it('answers a retry with the first answer, and records the action once', async () => {
    const body = newAction('Share the neglect audit with schools');
    const first = await post('/api/v1/actions', body, { 'idempotency-key': 'retry-1' });
    expect(first.statusCode).toBe(201);
    expect(first.headers['idempotent-replayed']).toBeUndefined();
    const again = await post('/api/v1/actions', body, { 'idempotency-key': 'retry-1' });
    expect(again.statusCode).toBe(201);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.json()).toEqual(first.json());
    // The same body with its keys in another order is the same request.
    const reordered = Object.fromEntries(Object.entries(body).reverse());
    const third = await post('/api/v1/actions', reordered, { 'idempotency-key': 'retry-1' });
    expect(third.json().id).toBe(first.json().id);
    expect(await actionsTitled('Share the neglect audit with schools')).toBe(1);
    // Without a key, the same body is a second action.
    expect((await post('/api/v1/actions', body)).statusCode).toBe(201);
    expect(await actionsTitled('Share the neglect audit with schools')).toBe(2);
  });

  it('refuses the key with another body, or at another address, with 422 and writes nothing', async () => {
    const first = await post('/api/v1/actions', newAction('Audit the referrals'), {
      'idempotency-key': 'retry-2',
    });
    expect(first.statusCode).toBe(201);
    const before = await allActions();
    const other = await post('/api/v1/actions', newAction('Audit the referrals again'), {
      'idempotency-key': 'retry-2',
    });
    expect(other.statusCode).toBe(422);
    expect(other.json().error).toMatch(/different request/);
    const elsewhere = await post(
      updatePath(first.json().id),
      { note: 'Started', status: 'in_progress', version: 1 },
      { 'idempotency-key': 'retry-2' },
    );
    expect(elsewhere.statusCode).toBe(422);
    expect(await allActions()).toBe(before);
    expect(await actionsTitled('Audit the referrals again')).toBe(0);
    expect(await updatesOf(first.json().id)).toBe(0);
  });

  it('writes an update once: a retry gets the update’s answer, not a stale-version refusal', async () => {
    const id = await action(source, { ownerPersonId: owner });
    const update = { note: 'Audit shared with twelve schools', status: 'in_progress', version: 1 };
    const first = await post(updatePath(id), update, { 'idempotency-key': 'update-1' });
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({ status: 'in_progress', version: 2 });
    const retry = await post(updatePath(id), update, { 'idempotency-key': 'update-1' });
    expect(retry.statusCode).toBe(200);
    expect(retry.body).toBe(first.body);
    expect(await updatesOf(id)).toBe(1);
    const withoutKey = await post(updatePath(id), update);
    expect(withoutKey.statusCode).toBe(409);
    expect(await updatesOf(id)).toBe(1);
  });

  it('keeps no refused request: corrected, it may be sent again with the same key', async () => {
    const missing = await post(
      '/api/v1/actions',
      { ...source, title: 'Brief the designated leads' },
      { 'idempotency-key': 'fix-me' },
    );
    expect(missing.statusCode).toBe(400);
    const corrected = await post('/api/v1/actions', newAction('Brief the designated leads'), {
      'idempotency-key': 'fix-me',
    });
    expect(corrected.statusCode).toBe(201);
    expect(corrected.headers['idempotent-replayed']).toBeUndefined();
    expect(await actionsTitled('Brief the designated leads')).toBe(1);
  });

  it('lets concurrent requests with one key write once between them', async () => {
    const body = newAction('Write once under load');
    const answers = await Promise.all(
      Array.from({ length: 6 }, () =>
        post('/api/v1/actions', body, { 'idempotency-key': 'together' }),
      ),
    );
    expect(answers.map((answer) => answer.statusCode)).toEqual(Array(6).fill(201));
    expect(new Set(answers.map((answer) => answer.json().id)).size).toBe(1);
    expect(answers.filter((answer) => answer.headers['idempotent-replayed'])).toHaveLength(5);
    expect(await actionsTitled('Write once under load')).toBe(1);
  });

  it('refuses a key that is empty, too long, not printable ASCII or sent twice', async () => {
    const before = await allActions();
    const bad: Headers[] = [
      { 'idempotency-key': '' },
      { 'idempotency-key': 'k'.repeat(256) },
      { 'idempotency-key': 'clé' },
      { 'idempotency-key': 'tab\there' },
      { 'idempotency-key': ['one', 'two'] },
    ];
    for (const headers of bad) {
      const answer = await post('/api/v1/actions', newAction('Bad key'), headers);
      expect(answer.statusCode, JSON.stringify(headers)).toBe(400);
      expect(answer.json().error).toMatch(/Idempotency-Key/);
    }
    expect(await allActions()).toBe(before);
    const longest = await post('/api/v1/actions', newAction('Longest key'), {
      'idempotency-key': `${'k'.repeat(254)}~`,
    });
    expect(longest.statusCode).toBe(201);
  });

  it('is each person’s own: another person’s key of the same name is theirs, and neither sees the other’s', async () => {
    const chair = await createUser(database.app.db, services, partnership.id, {
      roles: ['business_officer'],
      mfa: false,
    });
    const chairContext = { partnershipId: partnership.id, userId: chair.userId };
    const chairToken = (await services.apiTokens.create(chairContext, { name: 'Chair' })).token;
    const mine = await post('/api/v1/actions', newAction('Mine'), { 'idempotency-key': 'shared' });
    const theirs = await post(
      '/api/v1/actions',
      newAction('Theirs'),
      { 'idempotency-key': 'shared' },
      chairToken,
    );
    expect(mine.statusCode).toBe(201);
    expect(theirs.statusCode).toBe(201);
    expect(theirs.json().id).not.toBe(mine.json().id);
    const visible = (userId: string | null) =>
      inTenant(database.app.db, { partnershipId: partnership.id, userId }, (tx) =>
        tx.select({ key: idempotencyKey.key, user: idempotencyKey.userId }).from(idempotencyKey),
      );
    const toChair = await visible(chair.userId);
    expect(toChair.length).toBeGreaterThan(0);
    expect(toChair.every((row) => row.user === chair.userId)).toBe(true);
    const toMe = await visible(context.userId);
    expect(toMe.some((row) => row.key === 'shared')).toBe(true);
    expect(toMe.every((row) => row.user === context.userId)).toBe(true);
  });

  it('is kept 24 hours by the injected clock, then may be used again and is purged', async () => {
    const startedAt = clock.now().toISOString();
    try {
      const first = await post('/api/v1/actions', newAction('Before expiry'), {
        'idempotency-key': 'daily',
      });
      expect(first.statusCode).toBe(201);
      clock.set('2026-11-28T08:59:00Z');
      const within = await post('/api/v1/actions', newAction('Other, within a day'), {
        'idempotency-key': 'daily',
      });
      expect(within.statusCode).toBe(422);
      expect(await services.idempotency.purgeExpired([partnership.id])).toEqual({ deleted: 0 });

      clock.set('2026-11-28T09:00:00Z');
      const after = await post('/api/v1/actions', newAction('After expiry'), {
        'idempotency-key': 'daily',
      });
      expect(after.statusCode).toBe(201);
      expect(after.json().id).not.toBe(first.json().id);

      const kept = await keysKept();
      clock.set('2026-11-30T09:00:00Z');
      const purged = await services.idempotency.purgeExpired([partnership.id]);
      expect(purged.deleted).toBe(kept);
      expect(await keysKept()).toBe(0);
    } finally {
      clock.set(startedAt);
    }
  });

  it('is documented with the 415 and 422 answers, and the largest version', async () => {
    const document = (
      await app.inject({
        method: 'GET',
        url: '/api/docs/openapi.json',
        headers: { authorization: `Bearer ${token}` },
      })
    ).json();
    for (const path of ['/api/v1/actions', '/api/v1/actions/{id}/updates']) {
      const operation = document.paths[path].post;
      expect(operation.parameters).toEqual(
        expect.arrayContaining([
          expect.objectContaining({
            in: 'header',
            name: 'idempotency-key',
            required: false,
            schema: expect.objectContaining({ maxLength: 255 }),
          }),
        ]),
      );
      expect(Object.keys(operation.responses)).toEqual(
        expect.arrayContaining(['400', '401', '403', '404', '415', '422']),
      );
    }
    expect(document.components.schemas.NewActionUpdate.properties.version.maximum).toBe(2147483647);
  });
});

describe('the key table', () => {
  it('is under row-level security, forced, for the app role', async () => {
    const result = await database.owner.db.execute<{ rls: boolean; forced: boolean }>(
      sql`select relrowsecurity as rls, relforcerowsecurity as forced from pg_class where relname = 'idempotency_key'`,
    );
    expect(result.rows[0]).toEqual({ rls: true, forced: true });
    const other = await createUser(database.app.db, services, partnership.id, {
      roles: ['member'],
      mfa: false,
    });
    const written = inTenant(
      database.app.db,
      { partnershipId: partnership.id, userId: other.userId },
      (tx) =>
        tx.insert(idempotencyKey).values({
          partnershipId: partnership.id,
          userId: context.userId!,
          key: 'forged',
          requestHash: 'x',
          createdAt: clock.now(),
          expiresAt: clock.now(),
        }),
    );
    await expect(written).rejects.toThrow();
    const forged = await database.owner.db
      .select({ n: count() })
      .from(idempotencyKey)
      .where(and(eq(idempotencyKey.key, 'forged')));
    expect(forged[0]!.n).toBe(0);
  });
});
