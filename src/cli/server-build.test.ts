import { spawn } from 'node:child_process';
import { once } from 'node:events';
import fs from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { TEST_ENCRYPTION_KEYS } from '../testing/app.js';
import { clockEnvironment } from '../testing/clock-environment.js';
import { createTestDatabase } from '../testing/database.js';
import { freePort } from '../testing/free-port.js';
import { buildServer, SERVER_NODE_FLAGS } from './server-build.js';

const database = await createTestDatabase();

const packageJson = JSON.parse(
  await fs.readFile(path.join(process.cwd(), 'package.json'), 'utf8'),
) as { scripts: Record<string, string> };

/** The compiled file npm start runs: it must start on its own, without the TypeScript loader. */
describe('the production build', () => {
  it('compiles the server into one file that starts with plain Node and stops on SIGTERM', async () => {
    const outfile = path.join(process.cwd(), 'dist', 'test', `server-${process.pid}.js`);
    await buildServer(path.join(process.cwd(), 'src', 'server.ts'), outfile);
    const port = await freePort();
    const server = spawn(process.execPath, [...SERVER_NODE_FLAGS, outfile], {
      env: {
        ...clockEnvironment(),
        PATH: process.env.PATH,
        NODE_ENV: 'production',
        HOST: '127.0.0.1',
        PORT: String(port),
        DATABASE_URL: database.appUrl,
        MIGRATION_DATABASE_URL: database.ownerUrl,
        SESSION_SECRET: 'a production build test secret, long enough',
        MASA_ENCRYPTION_KEYS: TEST_ENCRYPTION_KEYS.map(
          ({ id, key }) => `${id}:${key.toString('base64')}`,
        ).join(','),
        LOG_LEVEL: 'warn',
      },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let errors = '';
    server.stderr.on('data', (chunk) => (errors += chunk));
    const exited = once(server, 'exit');
    try {
      let health: Response | null = null;
      for (let tries = 0; tries < 150 && server.exitCode === null && !health; tries += 1) {
        health = await fetch(`http://127.0.0.1:${port}/health`).catch(() => null);
        if (!health) await new Promise((resolve) => setTimeout(resolve, 100));
      }
      expect(errors).toBe('');
      expect(await health?.json()).toEqual({ status: 'ok', database: 'up' });
      const signIn = await fetch(`http://127.0.0.1:${port}/sign-in`);
      expect(signIn.status).toBe(200);
      expect(await signIn.text()).toContain('Sign in to MASA');
    } finally {
      server.kill('SIGTERM');
      const [code] = await exited;
      await fs.rm(path.dirname(outfile), { recursive: true, force: true });
      expect(code).toBe(0);
    }
  }, 30_000);

  it('is started by npm start with the flags the benchmark starts it with', () => {
    expect(packageJson.scripts.start).toBe(
      `exec node ${SERVER_NODE_FLAGS.join(' ')} dist/server.js`,
    );
  });
});
