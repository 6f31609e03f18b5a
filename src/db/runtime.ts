import type { Logger } from 'pino';
import type { Config } from '../config.js';
import { ensureDatabaseAndAppRole } from './bootstrap.js';
import { connect, type DatabaseHandle } from './client.js';
import { embeddedAppRole, startEmbeddedCluster } from './embedded.js';
import { superviseServer, type Supervisor } from './embedded-supervisor.js';
import { runMigrations } from './migrate.js';

export interface DatabaseRuntime {
  app: DatabaseHandle;
  ownerUrl: string;
  embedded: boolean;
  /** For the server: restarts the embedded PostgreSQL if it dies (none to watch otherwise). */
  supervise(logger: Logger): Supervisor;
  stop(): Promise<void>;
}

export class UnsafeDatabaseRoleError extends Error {}

/** The app must not connect as a role that ignores row-level security. */
async function assertRoleIsBoundByRls(handle: DatabaseHandle) {
  const { rows } = await handle.pool.query<{ rolsuper: boolean; rolbypassrls: boolean }>(
    'select rolsuper, rolbypassrls from pg_roles where rolname = current_user',
  );
  const role = rows[0];
  if (!role || role.rolsuper || role.rolbypassrls) {
    throw new UnsafeDatabaseRoleError(
      'DATABASE_URL connects as a superuser or BYPASSRLS role, which row-level security cannot bind. ' +
        'Connect as a login role that is a member of masa_app (see README, Production deployment).',
    );
  }
}

/** With `adoptRunningServer` false a one-off command leaves a running embedded server running. */
export async function openDatabase(
  config: Config,
  { adoptRunningServer = true } = {},
): Promise<DatabaseRuntime> {
  if (config.databaseUrl) {
    const ownerUrl = config.migrationDatabaseUrl ?? config.databaseUrl;
    await runMigrations(ownerUrl);
    const app = connect(config.databaseUrl);
    await assertRoleIsBoundByRls(app).catch(async (error: unknown) => {
      await app.close();
      throw error;
    });
    const unwatched = { stop: () => Promise.resolve() };
    return { app, ownerUrl, embedded: false, supervise: () => unwatched, stop: () => app.close() };
  }
  const cluster = await startEmbeddedCluster(config.dataDir, config.embeddedPort, {
    adopt: adoptRunningServer,
  });
  try {
    const secrets = await embeddedAppRole.passwordFrom(config.dataDir);
    await ensureDatabaseAndAppRole(cluster.ownerUrl, embeddedAppRole.name, secrets.appPassword);
    await runMigrations(cluster.ownerUrl);
  } catch (error) {
    await cluster.stop();
    throw error;
  }
  const app = connect(cluster.appUrl);
  let supervisor: Supervisor | undefined;
  return {
    app,
    ownerUrl: cluster.ownerUrl,
    embedded: true,
    supervise: (logger) => (supervisor ??= superviseServer(cluster, logger)),
    stop: async () => {
      // Watching stops first, so that stopping the server is not taken for its death.
      await supervisor?.stop();
      await app.close();
      await cluster.stop();
    },
  };
}
