import path from 'node:path';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import { connect } from './client.js';

/** From the project folder, as the views are: the server runs compiled into dist/ (cli/server-build.ts). */
export const migrationsFolder = path.join(process.cwd(), 'src', 'db', 'migrations');

/** Any fixed number: instances starting together wait for one another here. */
const MIGRATION_LOCK = 7_405_211;

/**
 * Applies the committed SQL migrations as the schema owner. Several instances may start at
 * once; a session-level advisory lock (one connection, so the same session) lets one migrate.
 */
export async function runMigrations(ownerUrl: string): Promise<void> {
  const handle = connect(ownerUrl, 1);
  try {
    await handle.pool.query('select pg_advisory_lock($1)', [MIGRATION_LOCK]);
    await migrate(handle.db, { migrationsFolder });
  } finally {
    await handle.pool
      .query('select pg_advisory_unlock($1)', [MIGRATION_LOCK])
      .catch(() => undefined);
    await handle.close();
  }
}
