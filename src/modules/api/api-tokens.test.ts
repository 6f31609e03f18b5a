import { createHash, randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { Agent, text, type Page } from '../../testing/agent.js';
import { createTestApp } from '../../testing/app.js';
import { createPartnership, createUser } from '../../testing/fixtures.js';

const { app, services, database } = await createTestApp();
const partnership = await createPartnership(services);
const member = await createUser(database.app.db, services, partnership.id, { roles: ['member'] });
const agent = new Agent(app);
await agent.signIn(member);

const TOKEN = /^masa_[A-Za-z0-9_-]{43}$/;
const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');

const asOwner = async <T extends Record<string, unknown>>(query: ReturnType<typeof sql>) =>
  (await database.owner.db.execute<T>(query)).rows;
const tokenCount = async () =>
  Number((await asOwner<{ count: string }>(sql`select count(*) from api_token`))[0]!.count);
const readWithToken = (token: string) =>
  app.inject({ url: '/api/v1/agencies', headers: { authorization: `Bearer ${token}` } });

async function createToken(name: string) {
  const page = await agent.submit('/account/api-tokens', { name }, '/account/api-tokens/new');
  expect(page.status).toBe(200);
  return { page, token: text(page, '#api-token') };
}

/** The row of the account page's token table that names `name`. */
const tokenRow = (page: Page, name: string) =>
  page
    .$('#api-tokens ~ div table tbody tr')
    .filter((_, row) => page.$(row).find('td').first().text().trim() === name);

describe('personal API tokens on the account page', () => {
  it('shows a new token once and keeps only its SHA-256 hash', async () => {
    const before = await agent.get('/account');
    expect(text(before, 'main')).toContain('You have no API tokens for this partnership');
    expect(before.$('a[href="/account/api-tokens/new"]').text()).toContain('Create a token');

    const { page, token } = await createToken('  Quarterly membership report  ');
    expect(token).toMatch(TOKEN);
    expect(text(page, '.govuk-warning-text')).toContain('It will not be shown again');
    expect(text(page, 'main')).toContain('Quarterly membership report');

    const [row, ...others] = await asOwner<Record<string, unknown>>(
      sql`select * from api_token where user_id = ${member.userId}`,
    );
    expect(others).toHaveLength(0);
    expect(row!.token_hash).toBe(sha256(token));
    expect(row!.name).toBe('Quarterly membership report');
    expect(row!.partnership_id).toBe(partnership.id);
    expect(JSON.stringify(row)).not.toContain(token.slice(5));

    const account = await agent.get('/account');
    expect(account.body).not.toContain(token.slice(5));
    const listed = tokenRow(account, 'Quarterly membership report');
    expect(listed).toHaveLength(1);
    expect(listed.text()).toContain('Never');
    expect(listed.text()).toContain('Active');

    const audit = await asOwner<{ action: string; after: unknown; actor_user_id: string }>(
      sql`select action, after, actor_user_id from audit_event where entity_id = ${String(row!.id)}`,
    );
    expect(audit).toEqual([
      {
        action: 'api_token.created',
        after: { name: 'Quarterly membership report' },
        actor_user_id: member.userId,
      },
    ]);
    expect((await readWithToken(token)).statusCode).toBe(200);
    expect(text(await agent.get('/account'), '#api-tokens ~ div tbody')).not.toContain('Never');
  });

  it('refuses an empty or too long name, keeps what was typed, and creates nothing', async () => {
    const before = await tokenCount();
    const empty = await agent.submit(
      '/account/api-tokens',
      { name: '   ' },
      '/account/api-tokens/new',
    );
    expect(empty.status).toBe(400);
    expect(text(empty, 'title')).toMatch(/^Error: /);
    expect(empty.$('.govuk-error-summary a[href="#name"]').text()).toBe(
      'Enter a name for the token',
    );
    expect(empty.$('#api-token')).toHaveLength(0);

    const long = 'x'.repeat(81);
    const tooLong = await agent.submit(
      '/account/api-tokens',
      { name: long },
      '/account/api-tokens/new',
    );
    expect(tooLong.status).toBe(400);
    expect(tooLong.$('.govuk-error-summary a[href="#name"]').text()).toBe(
      'Name must be 80 characters or fewer',
    );
    expect(tooLong.$('#name').val()).toBe(long);
    expect(text(tooLong, '#name-error')).toContain('Name must be 80 characters or fewer');

    const missing = await agent.submit('/account/api-tokens', {}, '/account/api-tokens/new');
    expect(missing.status).toBe(400);
    expect(await tokenCount()).toBe(before);
  });

  it('revokes a token only after the confirmation is sent, and then it stops working', async () => {
    const { token } = await createToken('Board pack builder');
    const account = await agent.get('/account');
    const revokeHref = tokenRow(account, 'Board pack builder').find('a').attr('href')!;
    expect(revokeHref).toMatch(/^\/account\/api-tokens\/[\w-]+\/revoke$/);

    const confirm = await agent.get(revokeHref);
    expect(confirm.status).toBe(200);
    expect(text(confirm, 'h1')).toBe(
      'Are you sure you want to revoke the API token “Board pack builder”?',
    );
    expect((await readWithToken(token)).statusCode).toBe(200);

    const forged = await agent.post(revokeHref, {});
    expect(forged.status).toBe(403);
    expect((await readWithToken(token)).statusCode).toBe(200);

    const revoked = await agent.submit(revokeHref, {});
    expect(revoked.status).toBe(303);
    expect(revoked.location).toBe('/account#api-tokens');
    const after = await agent.get('/account');
    expect(text(after, '.govuk-notification-banner')).toContain('revoked');
    expect(tokenRow(after, 'Board pack builder').text()).toContain('Revoked');
    expect(tokenRow(after, 'Board pack builder').find('a')).toHaveLength(0);
    expect((await readWithToken(token)).statusCode).toBe(401);

    const id = revokeHref.split('/')[3]!;
    const audit = await asOwner<{ action: string }>(
      sql`select action from audit_event where entity_id = ${id} order by seq`,
    );
    expect(audit.map((event) => event.action)).toEqual(['api_token.created', 'api_token.revoked']);
    expect((await agent.get(revokeHref)).status).toBe(404);
    const token2 = await agent.csrfTokenFrom('/account/api-tokens/new');
    expect((await agent.post(revokeHref, { _csrf: token2 })).status).toBe(404);
  });

  it('answers 404 for an unknown, malformed or someone else’s token id', async () => {
    const colleague = await createUser(database.app.db, services, partnership.id, {
      roles: ['member'],
    });
    const theirs = await services.apiTokens.create(
      { partnershipId: partnership.id, userId: colleague.userId },
      { name: 'Their own token' },
    );
    const csrf = await agent.csrfTokenFrom('/account/api-tokens/new');
    for (const id of [randomUUID(), 'not-an-id', theirs.apiToken.id]) {
      const url = `/account/api-tokens/${id}/revoke`;
      expect((await agent.get(url)).status, `GET ${id}`).toBe(404);
      expect((await agent.post(url, { _csrf: csrf })).status, `POST ${id}`).toBe(404);
    }
    expect((await readWithToken(theirs.token)).statusCode).toBe(200);
    expect(text(await agent.get('/account'), '#api-tokens ~ div')).not.toContain('Their own token');
  });

  it('lists only the tokens made for the partnership the person is working in', async () => {
    const other = await createPartnership(services, 'Southvale Safeguarding Partnership');
    await services.apiTokens.create(
      { partnershipId: other.id, userId: member.userId },
      { name: 'Made for Southvale' },
    );
    expect(text(await agent.get('/account'), 'main')).not.toContain('Made for Southvale');
  });
});
