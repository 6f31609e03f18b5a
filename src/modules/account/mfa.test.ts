import { generate } from 'otplib';
import { describe, expect, it } from 'vitest';
import { Agent, text } from '../../testing/agent.js';
import { createTestApp } from '../../testing/app.js';
import { createPartnership, createUser, FIXTURE_PASSWORD } from '../../testing/fixtures.js';

const { app, services, database } = await createTestApp();
const partnership = await createPartnership(services);
const codeFor = (secret: string) => generate({ secret, epoch: Math.floor(Date.now() / 1000) });

describe('MFA enrolment', () => {
  it('sends an administrator without MFA to enrolment from every page until enrolled', async () => {
    const admin = await createUser(database.app.db, services, partnership.id, {
      roles: ['administrator'],
    });
    const agent = new Agent(app);
    const signedIn = await agent.submit('/sign-in', {
      email: admin.email,
      password: FIXTURE_PASSWORD,
    });
    expect(signedIn.location).toBe('/');
    expect((await agent.get('/')).location).toBe('/account/mfa');
    expect((await agent.get('/admin/audit')).location).toBe('/account/mfa');

    const enrolment = await agent.get('/account/mfa');
    expect(enrolment.status).toBe(200);
    expect(text(enrolment, '.govuk-inset-text')).toContain(
      'Administrators must use two-step sign-in',
    );
    expect(enrolment.$('.masa-qr-code svg')).toHaveLength(1);
    const secret = text(enrolment, '#mfa-secret');
    expect((await agent.get('/account/mfa')).$('#mfa-secret').text()).toBe(secret);

    const wrong = await agent.submit('/account/mfa', { code: '123456' });
    expect(wrong.status).toBe(400);
    expect(text(wrong, '.govuk-error-summary')).toContain('The code is not right');
    const empty = await agent.submit('/account/mfa', { code: '' });
    expect(text(empty, '.govuk-error-summary')).toContain('Enter the code');

    const done = await agent.submit('/account/mfa', { code: await codeFor(secret) });
    expect(done.status).toBe(200);
    const codes = done
      .$('#recovery-codes li')
      .map((_, li) => done.$(li).text())
      .get();
    expect(codes).toHaveLength(10);
    expect((await agent.get('/admin')).status).toBe(200);

    const later = new Agent(app);
    await later.submit('/sign-in', { email: admin.email, password: FIXTURE_PASSWORD });
    expect((await later.submit('/sign-in/code', { code: codes[0]! })).location).toBe('/');
    const reuse = new Agent(app);
    await reuse.submit('/sign-in', { email: admin.email, password: FIXTURE_PASSWORD });
    expect((await reuse.submit('/sign-in/code', { code: codes[0]! })).status).toBe(400);
    expect((await reuse.submit('/sign-in/code', { code: codes[1]! })).location).toBe('/');
  });

  it('lets a member choose MFA, and replaces recovery codes after a confirmation', async () => {
    const member = await createUser(database.app.db, services, partnership.id, {
      roles: ['member'],
    });
    const agent = new Agent(app);
    await agent.signIn(member);
    expect((await agent.get('/')).status).toBe(200);
    const secret = text(await agent.get('/account/mfa'), '#mfa-secret');
    await agent.submit('/account/mfa', { code: await codeFor(secret) });
    const confirm = await agent.get('/account/mfa/recovery-codes');
    expect(text(confirm, 'h1')).toBe('Are you sure you want new recovery codes?');
    const fresh = await agent.submit('/account/mfa/recovery-codes', {});
    expect(fresh.$('#recovery-codes li')).toHaveLength(10);
  });

  it('locks the code step after five wrong codes', async () => {
    const member = await createUser(database.app.db, services, partnership.id, {
      roles: ['member'],
      mfa: true,
    });
    const agent = new Agent(app);
    await agent.submit('/sign-in', { email: member.email, password: FIXTURE_PASSWORD });
    for (let attempt = 0; attempt < 5; attempt++)
      await agent.submit('/sign-in/code', { code: '000000' });
    const locked = await agent.submit('/sign-in/code', { code: await codeFor(member.totpSecret!) });
    expect(locked.status).toBe(400);
    expect(text(locked, '.govuk-error-summary')).toContain('Too many wrong codes');
  });
});

describe('changing a password', () => {
  const attempt = async (fields: Record<string, string>) => {
    const member = await createUser(database.app.db, services, partnership.id, {
      roles: ['member'],
    });
    const agent = new Agent(app);
    await agent.signIn(member);
    return { page: await agent.submit('/account/password', fields), agent, member };
  };

  it.each([
    [
      {
        currentPassword: 'wrong current password',
        newPassword: 'lantern quarry velvet 77',
        confirmPassword: 'lantern quarry velvet 77',
      },
      'currentPassword',
      'Your current password is not right',
    ],
    [
      { currentPassword: FIXTURE_PASSWORD, newPassword: 'short', confirmPassword: 'short' },
      'newPassword',
      '12 characters or more',
    ],
    [
      {
        currentPassword: FIXTURE_PASSWORD,
        newPassword: 'qwerty123456',
        confirmPassword: 'qwerty123456',
      },
      'newPassword',
      'too common',
    ],
    [
      {
        currentPassword: FIXTURE_PASSWORD,
        newPassword: 'lantern quarry velvet 77',
        confirmPassword: 'lantern quarry velvet 78',
      },
      'confirmPassword',
      'do not match',
    ],
    [
      {
        currentPassword: FIXTURE_PASSWORD,
        newPassword: FIXTURE_PASSWORD,
        confirmPassword: FIXTURE_PASSWORD,
      },
      'newPassword',
      'different',
    ],
    [
      { currentPassword: '', newPassword: '', confirmPassword: '' },
      'currentPassword',
      'Enter your current password',
    ],
  ])('refuses %o with an error on %s', async (fields, field, message) => {
    const { page, agent, member } = await attempt(fields);
    expect(page.status).toBe(400);
    expect(page.$(`.govuk-error-summary a[href="#${field}"]`).text()).toContain(message);
    expect(page.$(`#${field}-error`).text()).toContain(message);
    const stillOld = new Agent(app);
    await stillOld.signIn(member);
    expect(agent.cookie('masa_session')).toBeDefined();
  });
});
