import pg from 'pg';

function escapeLiteral(value: string) {
  return `'${value.replaceAll("'", "''")}'`;
}

/**
 * For the embedded cluster: makes the `masa` database and the application's login role.
 * The role is neither superuser nor BYPASSRLS, so row-level security binds it.
 */
export async function ensureDatabaseAndAppRole(
  ownerUrl: string,
  appRole: string,
  appPassword: string,
) {
  const adminUrl = new URL(ownerUrl);
  const databaseName = adminUrl.pathname.slice(1);
  adminUrl.pathname = '/postgres';
  const client = new pg.Client({ connectionString: adminUrl.toString() });
  // A dropped connection fails the query in progress; unheard, its 'error' event would be fatal.
  client.on('error', () => undefined);
  await client.connect();
  try {
    const exists = await client.query('select 1 from pg_database where datname = $1', [
      databaseName,
    ]);
    if (exists.rowCount === 0) await client.query(`create database "${databaseName}"`);
    const role = await client.query('select 1 from pg_roles where rolname = $1', [appRole]);
    const verb = role.rowCount === 0 ? 'create' : 'alter';
    await client.query(
      `${verb} role ${appRole} login nosuperuser nobypassrls password ${escapeLiteral(appPassword)}`,
    );
  } finally {
    await client.end();
  }
}
