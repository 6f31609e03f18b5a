import { randomBytes, randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { inTenant, type Database, type TenantContext } from '../db/client.js';
import type { Services } from '../composition.js';
import { loadDemoArrangements } from './demo-arrangements.js';
import { loadDemoMeetings } from './demo-meetings.js';
import { loadDemoStructure } from './demo-registry.js';
import { loadDemoReviews } from './demo-reviews.js';
import {
  DEMO_ACCOUNTS,
  DEMO_BODIES,
  DEMO_PEOPLE,
  type DemoAccount,
  type PersonKey,
} from './demo-structure.js';

export interface DemoCredentials {
  email: string;
  password: string;
}

export function generatedPassword() {
  return randomBytes(12).toString('base64url');
}

/** True when no partnership exists yet (asked as the owner, who sees every partnership). */
export async function databaseIsEmpty(ownerDb: Database) {
  const result = await ownerDb.execute<{ count: string }>(sql`select count(*) from partnership`);
  return Number(result.rows[0]?.count ?? 0) === 0;
}

/** Creates one sign-in account with its roles, named and addressed as its registry person. */
async function createAccount(
  db: Database,
  services: Services,
  partnershipId: string,
  account: DemoAccount & { password: string },
) {
  const { email, fullName } = DEMO_PEOPLE[account.person];
  const userId = randomUUID();
  const context = { partnershipId, userId };
  await inTenant(db, context, async (tx) => {
    await services.accounts.inTransaction.createAccount(tx, {
      id: userId,
      email,
      displayName: fullName,
      password: account.password,
    });
    for (const role of account.roles)
      await services.accounts.inTransaction.grantRole(tx, partnershipId, userId, role);
    await services.audit.record(tx, context, {
      action: 'account.created',
      entityType: 'account',
      entityId: userId,
      after: { email, roles: account.roles, source: 'demo' },
    });
  });
  return userId;
}

/**
 * The demo partnership with its sign-in accounts and the structure of the source document;
 * gives back the administrator's sign-in and the context to act as them.
 */
export async function createDemoPartnership(db: Database, services: Services) {
  // The partnership and its decision-making body share a name.
  const partnership = await services.partnerships.create(
    DEMO_BODIES.partnership.name,
    'northshire',
  );
  const accounts: Partial<Record<PersonKey, string>> = {};
  const passwords = DEMO_ACCOUNTS.map(() => generatedPassword());
  for (const [index, account] of DEMO_ACCOUNTS.entries())
    accounts[account.person] = await createAccount(db, services, partnership.id, {
      ...account,
      password: passwords[index]!,
    });
  const administrator = DEMO_ACCOUNTS[0]!.person;
  const context: TenantContext = {
    partnershipId: partnership.id,
    userId: accounts[administrator]!,
  };
  const ids = await loadDemoStructure(services, context, accounts);
  // The arrangements' version table and review date (issue 3, item 9).
  await loadDemoArrangements(db, services, context);
  await loadDemoMeetings(services, context, ids);
  await loadDemoReviews(services, context, ids);
  const credentials: DemoCredentials = {
    email: DEMO_PEOPLE[administrator].email,
    password: passwords[0]!,
  };
  return { credentials, context };
}

/** Creates the demo partnership and its people; returns the administrator's sign-in. */
export async function loadDemoPartnership(
  db: Database,
  services: Services,
): Promise<DemoCredentials> {
  return (await createDemoPartnership(db, services)).credentials;
}
