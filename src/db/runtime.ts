import type { Config } from '../config.js';
import { ensureDatabaseAndAppRole } from './bootstrap.js';
import { connect, type DatabaseHandle } from './client.js';
import { embeddedAppRole, startEmbeddedCluster } from './embedded.js';
import { runMigrations } from './migrate.js';

export interface DatabaseRuntime {
  app: DatabaseHandle;
  ownerUrl: string;
  embedded: boolean;
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
    return { app, ownerUrl, embedded: false, stop: () => app.close() };
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
  return {
    app,
    ownerUrl: cluster.ownerUrl,
    embedded: true,
    stop: async () => {
      await app.close();
      await cluster.stop();
    },
  };
}
