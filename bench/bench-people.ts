/**
 * The people the benchmark signs in as, made through MASA's own services in the loaded
 * partnership: a member, an administrator with a second factor (on the showcase case's
 * team), and the member's API token.
 */
import { randomBytes } from 'node:crypto';
import { buildServices } from '../src/composition.js';
import { connect } from '../src/db/client.js';
import { systemClock } from '../src/platform/clock.js';
import { TEST_ENCRYPTION_KEYS } from '../src/testing/app.js';
import { createUser, type FixtureUser } from '../src/testing/fixtures.js';

export interface BenchPeople {
  member: FixtureUser;
  administrator: FixtureUser;
  apiToken: string;
}

export async function createBenchPeople(
  appUrl: string,
  partnershipId: string,
  caseId: string,
): Promise<BenchPeople> {
  const database = connect(appUrl, 2);
  try {
    const services = buildServices({
      db: database.db,
      config: {
        sessionSecret: randomBytes(32).toString('base64url'),
        encryptionKeys: TEST_ENCRYPTION_KEYS,
        sessionIdleMs: 30 * 60_000,
        sessionAbsoluteMs: 12 * 3_600_000,
        publicUrl: undefined,
        port: 0,
        smtpUrl: undefined,
      },
      clock: systemClock,
    });
    const member = await createUser(database.db, services, partnershipId, {
      roles: ['member'],
      email: 'bench.member@bench.example',
      displayName: 'Bench Member',
    });
    const administrator = await createUser(database.db, services, partnershipId, {
      roles: ['administrator'],
      mfa: true,
      email: 'bench.administrator@bench.example',
      displayName: 'Bench Administrator',
    });
    const joined = await services.reviews.team.add(
      { partnershipId, userId: administrator.userId },
      caseId,
      administrator.userId,
      true,
    );
    if (!joined?.ok) throw new Error('The bench administrator could not join the case team');
    const { token } = await services.apiTokens.create(
      { partnershipId, userId: member.userId },
      { name: 'Benchmark' },
    );
    return { member, administrator, apiToken: token };
  } finally {
    await database.close();
  }
}
