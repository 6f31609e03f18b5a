import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { ensureDatabaseAndAppRole } from '../db/bootstrap.js';
import { embeddedAppRole, startEmbeddedCluster } from '../db/embedded.js';
import { runMigrations } from '../db/migrate.js';
import { freePort } from './free-port.js';

export const TEMPLATE_DATABASE = 'masa_template';

export interface TestCluster {
  ownerUrl: string;
  appUrl: string;
  stop(): Promise<void>;
}

function withDatabase(url: string, database: string) {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

/** A throwaway cluster with a migrated template database that test files clone. */
export async function startTestCluster(): Promise<TestCluster> {
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'masa-test-'));
  await fs.chmod(dataDir, 0o755);
  const cluster = await startEmbeddedCluster(dataDir, await freePort());
  const secrets = await embeddedAppRole.passwordFrom(dataDir);
  const templateOwnerUrl = withDatabase(cluster.ownerUrl, TEMPLATE_DATABASE);
  await ensureDatabaseAndAppRole(templateOwnerUrl, embeddedAppRole.name, secrets.appPassword);
  await runMigrations(templateOwnerUrl);
  return {
    ownerUrl: cluster.ownerUrl,
    appUrl: cluster.appUrl,
    stop: async () => {
      await cluster.stop();
      await fs.rm(dataDir, { recursive: true, force: true });
    },
  };
}

export { withDatabase };
