import { describe, expect, it } from 'vitest';
import { Agent, text } from '../../testing/agent.js';
import { createTestApp } from '../../testing/app.js';
import { createPartnership, createUser } from '../../testing/fixtures.js';
import { registryFixtures } from '../governance/registry-fixtures.js';
import { horizon } from '../governance/reviews-due.js';

const { app, services, database } = await createTestApp();
const north = await createPartnership(services);
const south = await createPartnership(services, 'Southvale Safeguarding Partnership');
const member = await createUser(database.app.db, services, north.id, { roles: ['member'] });
const context = { partnershipId: north.id, userId: member.userId };
const today = services.governance.today();
const northRegistry = registryFixtures(services, context);
const southRegistry = registryFixtures(services, { partnershipId: south.id, userId: null });

describe('home page', () => {
  it('says when no reviews are due', async () => {
    const agent = new Agent(app);
    await agent.signIn(member);
    expect(text(await agent.get('/'), 'main')).toContain(
      'No chair, vice-chair or terms of reference reviews are due',
    );
  });

  it("lists this partnership's overdue and upcoming reviews, and not later or other partnerships' ones", async () => {
    const agency = await northRegistry.agency();
    const chair = await northRegistry.person(agency);
    await northRegistry.body({
      name: 'Overdue Group',
      termsOfReferenceReviewDueOn: horizon(today, -3),
    });
    await northRegistry.body({
      name: 'Soon Group',
      chairPersonId: chair,
      chairReviewDueOn: horizon(today, 30),
    });
    await northRegistry.body({
      name: 'Later Group',
      termsOfReferenceReviewDueOn: horizon(today, 61),
    });
    await southRegistry.body({
      name: 'Southvale Group',
      termsOfReferenceReviewDueOn: horizon(today, -3),
    });
    const agent = new Agent(app);
    await agent.signIn(member);
    const page = await agent.get('/');
    const table = text(page, '#reviews-due + div tbody');
    expect(table).toContain('Overdue Group Terms of reference');
    expect(table).toContain('Overdue');
    expect(table).toContain('Soon Group Chair');
    expect(table).not.toContain('Later Group');
    expect(table).not.toContain('Southvale');
    expect(table.indexOf('Overdue Group')).toBeLessThan(table.indexOf('Soon Group'));
    expect(page.$('#reviews-due + div tbody tr')).toHaveLength(2);
  });
});
