import { existsSync } from 'node:fs';
import path from 'node:path';
import os from 'node:os';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../config.js';
import { createTestDatabase } from '../testing/database.js';
import { openDatabase, UnsafeDatabaseRoleError } from './runtime.js';

const database = await createTestDatabase();
const dataDir = path.join(os.tmpdir(), `masa-never-created-${process.pid}`);

describe('with DATABASE_URL', () => {
  it('uses that server, migrates it, and starts no embedded one', async () => {
    const config = loadConfig({
      DATABASE_URL: database.appUrl,
      MIGRATION_DATABASE_URL: database.ownerUrl,
      MASA_DATA_DIR: dataDir,
    });
    const runtime = await openDatabase(config);
    try {
      expect(runtime.embedded).toBe(false);
      const { rows } = await runtime.app.pool.query('select current_user');
      expect(rows[0].current_user).toBe('masa_app');
      expect(existsSync(dataDir)).toBe(false);
    } finally {
      await runtime.stop();
    }
  });

  it('refuses a connection as a superuser, which row-level security cannot bind', async () => {
    const config = loadConfig({ DATABASE_URL: database.ownerUrl, MASA_DATA_DIR: dataDir });
    await expect(openDatabase(config)).rejects.toThrow(UnsafeDatabaseRoleError);
  });
});
