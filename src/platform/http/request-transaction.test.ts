import { afterAll, describe, expect, it } from 'vitest';
import { Agent } from '../../testing/agent.js';
import { createTestApp } from '../../testing/app.js';
import { createPartnership, createUser } from '../../testing/fixtures.js';

const { app, services, database } = await createTestApp();
afterAll(() => app.close());
const partnership = await createPartnership(services);
const member = await createUser(database.app.db, services, partnership.id, { roles: ['member'] });
const agent = new Agent(app);
await agent.signIn(member);

/** How many times the app's pool handed out a connection while `work` ran. */
async function checkouts(work: () => Promise<unknown>) {
  let count = 0;
  const counted = () => (count += 1);
  database.app.pool.on('acquire', counted);
  try {
    await work();
  } finally {
    database.app.pool.off('acquire', counted);
  }
  return count;
}

describe('a signed-in page request', () => {
  it("reads every module's services through one shared transaction", async () => {
    // The dashboard reads meetings, actions, governance and reviews: four services.
    const used = await checkouts(async () => {
      const page = await agent.get('/dashboard');
      expect(page.status).toBe(200);
    });
    // One for the session check, one for the page's transaction.
    expect(used).toBe(2);
  });
});
