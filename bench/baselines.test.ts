import { afterAll, describe, expect, it } from 'vitest';
import { registryFixtures } from '../src/modules/governance/registry-fixtures.js';
import { Agent } from '../src/testing/agent.js';
import { createTestApp } from '../src/testing/app.js';
import { createPartnership, createUser } from '../src/testing/fixtures.js';
import { baselineRoutes } from './baselines.js';

const { app, services, database } = await createTestApp({ extraRoutes: baselineRoutes });
afterAll(() => app.close());

const ours = await createPartnership(services);
const theirs = await createPartnership(services, 'Southshire Safeguarding Children Partnership');
const member = await createUser(database.app.db, services, ours.id, { roles: ['member'] });
const context = (partnershipId: string) => ({ partnershipId, userId: member.userId });
const ourAgency = await registryFixtures(services, context(ours.id)).agency({
  name: 'Northshire Police',
});
const theirAgency = await registryFixtures(services, context(theirs.id)).agency({
  name: 'Southshire Police',
});

const anonymous = new Agent(app);
const signedIn = new Agent(app);
await signedIn.signIn(member);

describe('the static baseline', () => {
  it('is exactly the size asked for', async () => {
    const page = await anonymous.get('/bench/static?bytes=5000');
    expect(page.status).toBe(200);
    expect(Buffer.byteLength(page.body)).toBe(5000);
  });

  it('refuses a size that is not a whole number from 100 to 2,000,000', async () => {
    for (const bytes of ['99', '2000001', 'ten', '150.5', ''])
      expect((await anonymous.get(`/bench/static?bytes=${bytes}`)).status).toBe(400);
  });
});

describe('the one-query baseline', () => {
  it("shows an agency of the partnership it is asked about, and not another partnership's", async () => {
    const page = await anonymous.get(`/bench/one-query?partnership=${ours.id}&agency=${ourAgency}`);
    expect(page.status).toBe(200);
    expect(page.$('h1').text()).toBe('Northshire Police');
    const elsewhere = await anonymous.get(
      `/bench/one-query?partnership=${ours.id}&agency=${theirAgency}`,
    );
    expect(elsewhere.status).toBe(404);
  });

  it('refuses what is not an id', async () => {
    const page = await anonymous.get(`/bench/one-query?partnership=${ours.id}&agency=police`);
    expect(page.status).toBe(400);
  });
});

describe('the signed-in baseline', () => {
  it("shows an agency of the member's own partnership only", async () => {
    const page = await signedIn.get(`/bench/signed-in?agency=${ourAgency}`);
    expect(page.status).toBe(200);
    expect(page.$('h1').text()).toBe('Northshire Police');
    expect((await signedIn.get(`/bench/signed-in?agency=${theirAgency}`)).status).toBe(404);
  });

  it('sends a visitor who is not signed in to sign in, and refuses what is not an id', async () => {
    const page = await anonymous.get(`/bench/signed-in?agency=${ourAgency}`);
    expect(page.status).toBe(303);
    expect(page.location).toContain('/sign-in');
    expect((await signedIn.get('/bench/signed-in?agency=police')).status).toBe(400);
  });
});
