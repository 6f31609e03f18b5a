import { parseArgs } from 'node:util';
import { z } from 'zod';
import { buildServices } from '../composition.js';
import { loadConfig } from '../config.js';
import { openDatabase } from '../db/runtime.js';
import { newEncryptionKey, parseEncryptionKeys } from '../platform/sealing/field-cipher.js';
import { systemClock } from '../platform/clock.js';

const USAGE =
  'Usage: npm run partnership:create -- --name "Northshire Safeguarding Children Partnership" --slug northshire --admin-email manager@northshire.example';

const argumentsSchema = z.object({
  name: z.string().trim().min(3, '--name must be at least 3 characters').max(200),
  slug: z
    .string()
    .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, '--slug must be lower-case letters, digits and hyphens'),
  'admin-email': z.email('--admin-email must be an email address'),
});

/**
 * For the platform operator: creates a partnership and invites its first administrator.
 * The invitation goes through the outbox like any other; its link is also printed here,
 * since nobody can yet read that partnership's outbox.
 */
async function main() {
  const { values } = parseArgs({
    options: {
      name: { type: 'string' },
      slug: { type: 'string' },
      'admin-email': { type: 'string' },
    },
  });
  const parsed = argumentsSchema.safeParse(values);
  if (!parsed.success) {
    console.error(parsed.error.issues.map((issue) => issue.message).join('\n'));
    console.error(USAGE);
    return 2;
  }
  const config = loadConfig();
  const database = await openDatabase(config, { adoptRunningServer: false });
  try {
    const services = buildServices({
      db: database.app.db,
      // This command seals nothing, so it needs neither the session secret nor the real keys.
      config: {
        ...config,
        sessionSecret: 'unused by this command',
        encryptionKeys: parseEncryptionKeys(newEncryptionKey('unused')),
      },
      clock: systemClock,
    });
    const partnership = await services.partnerships
      .create(parsed.data.name, parsed.data.slug)
      .catch((error: unknown) => {
        const duplicate =
          error instanceof Error &&
          /partnership_slug_unique/.test(
            String((error as { cause?: unknown }).cause ?? error.message),
          );
        if (duplicate)
          throw new Error(`A partnership with the slug "${parsed.data.slug}" already exists`);
        throw error;
      });
    const { token } = await services.invitations.invite(
      { partnershipId: partnership.id, userId: null },
      { email: parsed.data['admin-email'], role: 'administrator' },
      partnership.name,
    );
    const base = config.publicUrl ?? `http://localhost:${config.port}`;
    console.log(`Created ${partnership.name}.`);
    console.log(
      `Invitation for its first administrator (valid 7 days): ${base}/invitations/${token}`,
    );
    return 0;
  } finally {
    await database.stop();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
