import { Writable } from 'node:stream';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { buildApp } from '../../app.js';
import { Agent } from '../../testing/agent.js';
import { createTestApp } from '../../testing/app.js';
import { createPartnership, createUser, FIXTURE_PASSWORD } from '../../testing/fixtures.js';
import { loggerOptions } from './logging.js';

const lines: string[] = [];
const sink = new Writable({
  write(chunk, _encoding, done) {
    lines.push(String(chunk));
    done();
  },
});
const base = await createTestApp();
const app = await buildApp({
  services: base.services,
  pool: base.database.app.pool,
  settings: {
    production: false,
    cookieSecret: 'test cookie secret that is long enough',
    bodyLimit: 65536,
    trustProxy: false,
    logLevel: 'info',
  },
  loggerInstance: pino(loggerOptions('info'), sink),
});

describe('request logs', () => {
  it('are JSON with request ids, and hold no password, cookie, token or email', async () => {
    const partnership = await createPartnership(base.services);
    const member = await createUser(base.database.app.db, base.services, partnership.id, {
      roles: ['member'],
    });
    const agent = new Agent(app);
    await agent.signIn(member);
    await agent.get('/invitations/secret-token-in-the-path?x=1');
    await agent.get('/calendar/secret-feed-token-in-the-path.ics');
    const entries = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(entries.length).toBeGreaterThan(4);
    expect(entries.filter((entry) => entry.reqId).length).toBeGreaterThan(0);
    const all = lines.join('\n');
    for (const secret of [
      FIXTURE_PASSWORD,
      agent.cookie('masa_session')!,
      'secret-token-in-the-path',
      'secret-feed-token-in-the-path',
      member.email,
      '127.0.0.1',
    ]) {
      expect(all).not.toContain(secret);
    }
    expect(all).toContain('/invitations/[token]');
    expect(all).toContain('/calendar/[token].ics');
  });

  it('hold none of the values of a request refused for a NUL byte', async () => {
    const partnership = await createPartnership(base.services);
    const admin = await createUser(base.database.app.db, base.services, partnership.id, {
      roles: ['administrator'],
      mfa: true,
    });
    const agent = new Agent(app);
    await agent.signIn(admin);
    lines.length = 0;
    const refused = await agent.submit(
      '/governance/people/new',
      { fullName: 'Ana\u0000 Quintero', email: 'ana.quintero@northshire.example' },
      '/governance/people/new',
    );
    expect(refused.status).toBe(400);
    const all = lines.join('\n');
    expect(all).toContain('MASA_CONTROL_CHARACTER');
    for (const value of ['Quintero', 'ana.quintero@northshire.example']) {
      expect(all).not.toContain(value);
    }
  });
});
