import { describe, expect, it } from 'vitest';
import { Agent, text } from '../../testing/agent.js';
import { createTestApp } from '../../testing/app.js';
import { createPartnership, createUser } from '../../testing/fixtures.js';

const { app, services, database } = await createTestApp();

describe('when something fails inside MASA', () => {
  it('shows a 500 page with a reference to quote, and reveals no detail', async () => {
    const partnership = await createPartnership(services);
    const member = await createUser(database.app.db, services, partnership.id, {
      roles: ['member'],
    });
    const agent = new Agent(app);
    await agent.signIn(member);
    await database.app.close();
    const page = await agent.get('/account');
    expect(page.status).toBe(500);
    expect(text(page, 'h1')).toBe('Sorry, there is a problem with MASA');
    expect(text(page, 'main')).toMatch(/Reference: [0-9a-f-]{36}/);
    expect(page.body).not.toMatch(/pool|postgres|stack|Error:/i);
  });
});
