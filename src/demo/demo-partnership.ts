import { randomBytes, randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { inTenant, type Database } from '../db/client.js';
import type { Services } from '../composition.js';
import type { Role } from '../platform/policy.js';

/** Fictional people; the domain demo (issue 3) will replace these with the full structure. */
const DEMO_PEOPLE: { email: string; displayName: string; roles: Role[] }[] = [
  {
    email: 'business.manager@northshire.example',
    displayName: 'Alex Morgan',
    roles: ['administrator'],
  },
  {
    email: 'business.officer@northshire.example',
    displayName: 'Priya Shah',
    roles: ['business_officer'],
  },
  {
    email: 'scrutineer@northshire.example',
    displayName: 'Jordan Ellis',
    roles: ['independent_scrutineer'],
  },
  { email: 'police.lead@northshire.example', displayName: 'Sam Okafor', roles: ['member'] },
];

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

/** Creates the demo partnership and its people; returns the administrator's sign-in. */
export async function loadDemoPartnership(
  db: Database,
  services: Services,
): Promise<DemoCredentials> {
  const partnership = await services.partnerships.create(
    'Northshire Safeguarding Children Partnership',
    'northshire',
  );
  const passwords = new Map(DEMO_PEOPLE.map((person) => [person.email, generatedPassword()]));
  for (const person of DEMO_PEOPLE) {
    const userId = randomUUID();
    const context = { partnershipId: partnership.id, userId };
    await inTenant(db, context, async (tx) => {
      await services.accounts.inTransaction.createAccount(tx, {
        id: userId,
        email: person.email,
        displayName: person.displayName,
        password: passwords.get(person.email)!,
      });
      for (const role of person.roles)
        await services.accounts.inTransaction.grantRole(tx, partnership.id, userId, role);
      await services.audit.record(tx, context, {
        action: 'account.created',
        entityType: 'account',
        entityId: userId,
        after: { email: person.email, roles: person.roles, source: 'demo' },
      });
    });
  }
  const administrator = DEMO_PEOPLE[0]!;
  return { email: administrator.email, password: passwords.get(administrator.email)! };
}
