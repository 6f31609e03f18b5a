import { SMTPServer } from 'smtp-server';
import nodemailer from 'nodemailer';
import PgBoss from 'pg-boss';
import pino from 'pino';
import { afterAll, describe, expect, it } from 'vitest';
import { inTenant } from '../../db/client.js';
import { buildPartnershipsService } from '../../modules/partnerships/partnerships.service.js';
import { createTestDatabase } from '../../testing/database.js';
import { freePort } from '../../testing/free-port.js';
import { buildAuditService } from '../audit/audit.service.js';
import { startJobs } from '../jobs.js';
import { deliverQueuedMail, MAX_ATTEMPTS } from './delivery.js';
import { buildMailService } from './mail.service.js';

const database = await createTestDatabase();
const mail = buildMailService(database.app.db);
const partnership = await buildPartnershipsService(
  database.app.db,
  buildAuditService(database.app.db),
).create('Northshire', 'northshire');
const context = { partnershipId: partnership.id, userId: null };

/** A real SMTP server on loopback that keeps what it receives. */
async function startSmtpServer() {
  const received: string[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onData(stream, _session, callback) {
      let data = '';
      stream.on('data', (chunk: Buffer) => (data += chunk.toString()));
      stream.on('end', () => {
        received.push(data);
        callback();
      });
    },
  });
  const port = await freePort();
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return {
    received,
    url: `smtp://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

const queue = (subject: string) =>
  inTenant(database.app.db, context, (tx) =>
    mail.queue(tx, context, { to: 'chair@agency.example', subject, text: 'Agenda attached.' }),
  );

describe('mail delivery', () => {
  const smtpReady = startSmtpServer();
  afterAll(async () => (await smtpReady).close());

  it('sends queued mail through SMTP once, even when two deliverers run at the same time', async () => {
    const smtp = await smtpReady;
    const id = await queue('Partnership meeting, 3 December');
    const transport = nodemailer.createTransport(smtp.url);
    const results = await Promise.all([
      deliverQueuedMail(database.owner.db, transport, 'MASA <no-reply@masa.test>'),
      deliverQueuedMail(database.owner.db, transport, 'MASA <no-reply@masa.test>'),
    ]);
    expect(results.reduce((sum, r) => sum + r.sent, 0)).toBe(1);
    expect(
      smtp.received.filter((m) => m.includes('Subject: Partnership meeting, 3 December')),
    ).toHaveLength(1);
    const row = await mail.find(context, id);
    expect(row?.status).toBe('sent');
    expect(row?.sentAt).toBeInstanceOf(Date);
  });

  it('keeps mail queued with the error when the server refuses, and gives up after five tries', async () => {
    const id = await queue('Undeliverable');
    const closedPort = await freePort();
    const transport = nodemailer.createTransport(`smtp://127.0.0.1:${closedPort}`);
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      await deliverQueuedMail(database.owner.db, transport, 'MASA <no-reply@masa.test>');
      const row = await mail.find(context, id);
      expect(row?.status).toBe(attempt < MAX_ATTEMPTS ? 'queued' : 'failed');
      expect(row?.lastError).toMatch(/ECONNREFUSED/);
    }
  });
});

describe('jobs', () => {
  it('delivers mail through the pg-boss job, and a job sent before a restart runs after it', async () => {
    const smtp = await startSmtpServer();
    const logger = pino({ level: 'silent' });
    const settings = {
      ownerUrl: database.ownerUrl,
      ownerDb: database.owner.db,
      mailFrom: 'MASA <no-reply@masa.test>',
      purgeExpired: async () => undefined,
      logger,
    };

    const withoutSmtp = await startJobs({ ...settings, smtpUrl: undefined });
    await queue('Sent after a restart');
    const boss = new PgBoss({ connectionString: database.ownerUrl, schema: 'pgboss' });
    await boss.start();
    await boss.send('mail-delivery', {});
    await boss.stop({ graceful: true });
    await withoutSmtp.stop();

    const restarted = await startJobs({ ...settings, smtpUrl: smtp.url });
    const deadline = Date.now() + 15_000;
    while (
      !smtp.received.some((m) => m.includes('Sent after a restart')) &&
      Date.now() < deadline
    ) {
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    await restarted.stop();
    await smtp.close();
    expect(smtp.received.some((m) => m.includes('Subject: Sent after a restart'))).toBe(true);
  }, 30_000);
});
