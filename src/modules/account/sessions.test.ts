import { describe, expect, it } from 'vitest';
import { Agent } from '../../testing/agent.js';
import { createTestApp } from '../../testing/app.js';
import { createPartnership, createUser } from '../../testing/fixtures.js';

/** A clock the test moves by hand. */
const clock = {
  at: new Date('2026-11-26T09:00:00Z'),
  now() {
    return this.at;
  },
};
const advance = (minutes: number) => {
  clock.at = new Date(clock.at.getTime() + minutes * 60_000);
};

const { app, services, database } = await createTestApp({ clock });
const partnership = await createPartnership(services);
const member = await createUser(database.app.db, services, partnership.id, { roles: ['member'] });

describe('session timeouts', () => {
  it('ends a session left idle for longer than 30 minutes', async () => {
    const agent = new Agent(app);
    await agent.signIn(member);
    advance(29);
    expect((await agent.get('/')).status).toBe(200);
    advance(31);
    expect((await agent.get('/')).location).toMatch(/^\/sign-in/);
  });

  it('ends even an active session 12 hours after sign-in', async () => {
    const agent = new Agent(app);
    await agent.signIn(member);
    for (let step = 0; step < 36; step++) {
      advance(20);
      expect((await agent.get('/')).status).toBe(200);
    }
    advance(1);
    expect((await agent.get('/')).location).toMatch(/^\/sign-in/);
  });

  it('ends other sessions when the password changes, and keeps this one', async () => {
    const person = await createUser(database.app.db, services, partnership.id, {
      roles: ['member'],
    });
    const here = new Agent(app);
    const elsewhere = new Agent(app);
    await here.signIn(person);
    await elsewhere.signIn(person);
    const changed = await here.submit('/account/password', {
      currentPassword: person.password,
      newPassword: 'lantern quarry velvet 77',
      confirmPassword: 'lantern quarry velvet 77',
    });
    expect(changed.location).toBe('/account');
    expect((await here.get('/account')).status).toBe(200);
    expect((await elsewhere.get('/account')).location).toMatch(/^\/sign-in/);
    const again = new Agent(app);
    await again.signIn({ ...person, password: 'lantern quarry velvet 77' });
    expect((await again.get('/')).status).toBe(200);
  });
});
