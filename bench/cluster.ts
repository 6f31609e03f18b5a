/** The benchmark's PostgreSQL: an embedded cluster in the bench's folder, one migrated database. */
import fs from 'node:fs/promises';
import path from 'node:path';
import { ensureDatabaseAndAppRole } from '../src/db/bootstrap.js';
import { embeddedAppRole, startEmbeddedCluster } from '../src/db/embedded.js';
import { runMigrations } from '../src/db/migrate.js';
import { freePort } from '../src/testing/free-port.js';
import { withDatabase } from '../src/testing/test-cluster.js';

const BENCH_DATABASE = 'masa_bench';

export interface BenchCluster {
  /** The owner (superuser) on the bench database: loading, looking up ids. */
  ownerUrl: string;
  /** The app's login role on the bench database, bound by row-level security. */
  appUrl: string;
  /** The postmaster's process id, whose children are the backends serving MASA. */
  postmasterPid(): Promise<number>;
  stop(): Promise<void>;
}

export async function startBenchCluster(workspaceDir: string): Promise<BenchCluster> {
  const dataDir = path.join(workspaceDir, 'database');
  const cluster = await startEmbeddedCluster(dataDir, await freePort());
  try {
    const ownerUrl = withDatabase(cluster.ownerUrl, BENCH_DATABASE);
    const secrets = await embeddedAppRole.passwordFrom(dataDir);
    await ensureDatabaseAndAppRole(ownerUrl, embeddedAppRole.name, secrets.appPassword);
    await runMigrations(ownerUrl);
    return {
      ownerUrl,
      appUrl: withDatabase(cluster.appUrl, BENCH_DATABASE),
      postmasterPid: async () =>
        Number(
          (await fs.readFile(path.join(dataDir, 'postgres', 'postmaster.pid'), 'utf8')).split(
            '\n',
          )[0],
        ),
      stop: () => cluster.stop(),
    };
  } catch (error) {
    await cluster.stop();
    throw error;
  }
}
