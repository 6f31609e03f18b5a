import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { Agent, text } from '../../testing/agent.js';
import { createTestApp } from '../../testing/app.js';
import { createPartnership, createUser } from '../../testing/fixtures.js';
import { checkedText, ControlCharacterError } from './input-text.js';

describe('text sent to MASA', () => {
  it.each([
    ['NUL', 'Ana\u0000 López'],
    ['escape', 'North\u001bshire'],
    ['delete', 'Police\u007f'],
    ['a C1 control', 'Next line\u0085here'],
    ['vertical tab', 'a\u000bb'],
  ])('refuses %s, naming the field', (_name, value) => {
    expect(() => checkedText({ fullName: value })).toThrow(ControlCharacterError);
    try {
      checkedText({ title: 'fine', fullName: value });
    } catch (error) {
      expect((error as ControlCharacterError).field).toBe('fullName');
    }
  });

  it('keeps tabs and line breaks, making a browser’s CR LF and a lone CR into LF', () => {
    expect(checkedText({ note: 'First\r\nsecond\rthird\n\tfourth' })).toEqual({
      note: 'First\nsecond\nthird\n\tfourth',
    });
  });

  it('looks into JSON at any depth and into repeated fields, and leaves files alone', () => {
    expect(() => checkedText({ source: { meeting: ['ok', 'bad\u0000'] } })).toThrow(
      ControlCharacterError,
    );
    expect(() => checkedText({ ['na\u0000me']: 'x' })).toThrow(ControlCharacterError);
    const file = Buffer.from([0, 1, 2, 27]);
    const checked = checkedText({ upload: { fileName: 'minutes.pdf', content: file } }) as {
      upload: { content: Buffer };
    };
    expect(checked.upload.content).toBe(file);
    expect(checkedText([1, true, null, 'plain'])).toEqual([1, true, null, 'plain']);
  });
});

const { app, services, database } = await createTestApp();
const partnership = await createPartnership(services);
const admin = await createUser(database.app.db, services, partnership.id, {
  roles: ['administrator'],
  mfa: true,
});
const agent = new Agent(app);
await agent.signIn(admin);
const token = await agent.csrfTokenFrom('/governance/agencies/new');

const auditCount = async () =>
  Number(
    (await database.owner.pool.query<{ n: string }>('select count(*) as n from audit_event'))
      .rows[0]!.n,
  );
const concrete = (url: string) => url.replace(/:[a-zA-Z]+/g, randomUUID()).replace('*', 'x');

describe('every form and API write', () => {
  it('answers 400 with a clear page to a field holding NUL, and writes nothing', async () => {
    const writes = app.registeredRoutes.filter(
      (route) => route.method === 'POST' && !route.url.startsWith('/api/'),
    );
    expect(writes.length).toBeGreaterThan(60);
    const before = await auditCount();
    for (const route of writes) {
      const page = await agent.post(concrete(route.url), {
        _csrf: token,
        name: 'Northshire\u0000 Police',
        title: 'A title',
        version: '1',
      });
      expect(page.status, `${route.method} ${route.url}`).toBe(400);
      expect(text(page, 'h1')).toBe('What you sent contains a character MASA cannot store');
    }
    expect(await auditCount()).toBe(before);
  });

  it('answers 400 in JSON to the API, and to a search whose query holds one', async () => {
    const { token: secret } = await services.apiTokens.create(
      { partnershipId: partnership.id, userId: admin.userId },
      { name: 'Control characters' },
    );
    const apiWrites = app.registeredRoutes.filter(
      (route) => route.method === 'POST' && route.url.startsWith('/api/'),
    );
    expect(apiWrites.length).toBeGreaterThan(1);
    const before = await auditCount();
    for (const route of apiWrites) {
      const response = await app.inject({
        method: 'POST',
        url: concrete(route.url),
        headers: { authorization: `Bearer ${secret}`, 'content-type': 'application/json' },
        payload: JSON.stringify({ title: 'Chase\u0000 returns', version: 1 }),
      });
      expect(response.statusCode, route.url).toBe(400);
      expect(response.json().error).toBe('What you sent contains a character MASA cannot store');
    }
    expect(await auditCount()).toBe(before);
    const search = await agent.get('/governance/people?q=Ana%00');
    expect(search.status).toBe(400);
  });
});
