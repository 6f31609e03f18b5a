import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { Agent, text } from '../../testing/agent.js';
import { createTestApp } from '../../testing/app.js';
import {
  createPartnership,
  createUser,
  FIXTURE_PASSWORD,
  totpNow,
  type FixtureUser,
} from '../../testing/fixtures.js';

const { app, services, database } = await createTestApp();
let member: FixtureUser;
let admin: FixtureUser;

beforeAll(async () => {
  const partnership = await createPartnership(services);
  member = await createUser(database.app.db, services, partnership.id, { roles: ['member'] });
  admin = await createUser(database.app.db, services, partnership.id, {
    roles: ['administrator'],
    mfa: true,
  });
});

const sessionCount = async () =>
  Number(
    (await database.owner.db.execute<{ count: string }>(sql`select count(*) from session`)).rows[0]!
      .count,
  );

describe('sign-in', () => {
  it('signs a member in with a secure session cookie and shows their partnership', async () => {
    const agent = new Agent(app);
    const page = await agent.submit('/sign-in', {
      email: member.email.toUpperCase(),
      password: FIXTURE_PASSWORD,
    });
    expect(page.status).toBe(303);
    expect(page.location).toBe('/');
    const cookie = String(page.headers['set-cookie'])
      .split(/,(?=\s*masa)/)
      .find((c) => c.includes('masa_session='))!;
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    const home = await agent.get('/');
    expect(home.status).toBe(200);
    expect(text(home, '.govuk-generic-header')).toContain(
      'Northshire Safeguarding Children Partnership',
    );
  });

  it('returns to the page first asked for, but never to another site', async () => {
    const agent = new Agent(app);
    const asked = await agent.get('/account');
    expect(asked.location).toBe('/sign-in?returnTo=%2Faccount');
    const back = await agent.submit(
      '/sign-in',
      { email: member.email, password: FIXTURE_PASSWORD, returnTo: '/account' },
      asked.location,
    );
    expect(back.location).toBe('/account');
    const other = new Agent(app);
    const away = await other.submit('/sign-in', {
      email: member.email,
      password: FIXTURE_PASSWORD,
      returnTo: '//evil.example/',
    });
    expect(away.location).toBe('/');
  });

  it('gives the same answer for a wrong password and an unknown email, keeping the email typed', async () => {
    const before = await sessionCount();
    const wrong = await new Agent(app).submit('/sign-in', {
      email: member.email,
      password: 'not the password at all',
    });
    const unknown = await new Agent(app).submit('/sign-in', {
      email: 'nobody@agency.example',
      password: 'not the password at all',
    });
    for (const page of [wrong, unknown]) {
      expect(page.status).toBe(400);
      expect(text(page, '.govuk-error-summary')).toContain(
        'Enter a correct email address and password',
      );
      expect(page.$('.govuk-error-summary a').attr('href')).toBe('#email');
    }
    expect(wrong.$('#email').val()).toBe(member.email);
    expect(await sessionCount()).toBe(before);
  });

  it('asks for an email address and a password when they are missing or malformed', async () => {
    const page = await new Agent(app).submit('/sign-in', { email: 'not-an-email', password: '' });
    expect(page.status).toBe(400);
    expect(text(page, '.govuk-error-summary')).toContain(
      'Enter an email address in the correct format',
    );
    expect(text(page, '.govuk-error-summary')).toContain('Enter your password');
    expect(page.$('title').text()).toMatch(/^Error: /);
  });

  it('throttles an account after five failures, with the same message whether or not it exists', async () => {
    const target = await createUser(database.app.db, services, member.partnershipId, {
      roles: ['member'],
    });
    for (const email of [target.email, 'ghost@agency.example']) {
      for (let attempt = 0; attempt < 5; attempt++) {
        await new Agent(app).submit('/sign-in', { email, password: 'wrong password here' });
      }
    }
    const real = await new Agent(app).submit('/sign-in', {
      email: target.email,
      password: FIXTURE_PASSWORD,
    });
    const ghost = await new Agent(app).submit('/sign-in', {
      email: 'ghost@agency.example',
      password: FIXTURE_PASSWORD,
    });
    expect(real.status).toBe(429);
    expect(ghost.status).toBe(429);
    expect(text(real, '.govuk-error-summary')).toBe(text(ghost, '.govuk-error-summary'));
    expect(text(real, '.govuk-error-summary')).toContain('Too many attempts');
  });

  it('throttles an address that tries many accounts', async () => {
    const agentFromOneAddress = () => new Agent(app);
    for (let attempt = 0; attempt < 30; attempt++) {
      await agentFromOneAddress().submit('/sign-in', {
        email: `spray${attempt}@agency.example`,
        password: 'wrong password here',
      });
    }
    const page = await agentFromOneAddress().submit('/sign-in', {
      email: member.email,
      password: FIXTURE_PASSWORD,
    });
    expect(page.status).toBe(429);
    await database.owner.db.execute(sql`delete from sign_in_failure`);
  });

  it('gives a new session id at sign-in and ends it at sign-out', async () => {
    const agent = new Agent(app);
    agent.setCookie('masa_session', 'value-fixed-by-an-attacker');
    await agent.signIn(member);
    const issued = agent.cookie('masa_session');
    expect(issued).toBeDefined();
    expect(issued).not.toBe('value-fixed-by-an-attacker');
    const other = new Agent(app);
    await other.signIn(member);
    expect(other.cookie('masa_session')).not.toBe(issued);
    const signedOut = await agent.submit('/sign-out', {}, '/');
    expect(signedOut.location).toBe('/sign-in');
    expect((await agent.get('/')).location).toMatch(/^\/sign-in/);
  });
});

describe('second factor at sign-in', () => {
  it('asks an enrolled administrator for a code before anything else', async () => {
    const agent = new Agent(app);
    const page = await agent.submit('/sign-in', { email: admin.email, password: FIXTURE_PASSWORD });
    expect(page.location).toBe('/sign-in/code');
    expect((await agent.get('/admin')).location).toBe('/sign-in/code');
    const wrong = await agent.submit('/sign-in/code', { code: '000000' });
    expect(wrong.status).toBe(400);
    expect(text(wrong, '.govuk-error-summary')).toContain('The code is not right');
    const code = await totpNow(admin.totpSecret!);
    const right = await agent.submit('/sign-in/code', { code });
    expect(right.location).toBe('/');
    expect((await agent.get('/admin')).status).toBe(200);

    // The very code just accepted, sent again within its 30 seconds from another sign-in.
    const replay = new Agent(app);
    await replay.submit('/sign-in', { email: admin.email, password: FIXTURE_PASSWORD });
    const replayed = await replay.submit('/sign-in/code', { code });
    expect(replayed.status).toBe(400);
    expect(text(replayed, '.govuk-error-summary')).toContain('The code is not right');
    expect((await replay.get('/admin')).location).toBe('/sign-in/code');
  });
});
