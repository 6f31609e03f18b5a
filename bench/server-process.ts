/**
 * MASA in a process of its own, in production mode, for the benchmark: compiled as `npm start`
 * compiles it and run with plain Node, so its memory is the server's alone (read from /proc,
 * Linux), and its CPU profile can be taken on request.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildServer, SERVER_NODE_FLAGS } from '../src/cli/server-build.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const RSS_SAMPLE_MS = 100;
const KB = 1024;

export interface ServerSettings {
  port: number;
  databaseUrl: string;
  migrationDatabaseUrl: string;
  encryptionKeys: string;
  sessionSecret: string;
  /** Folder for a V8 CPU profile of the whole run, when one is wanted. */
  profileDir?: string;
}

/** Resident and peak resident memory of a process, in bytes, from /proc/<pid>/status. */
export async function processMemory(pid: number) {
  const status = await fs.readFile(`/proc/${pid}/status`, 'utf8').catch(() => '');
  const field = (name: string) => {
    const match = new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(status);
    return match ? Number(match[1]) * KB : 0;
  };
  return { rss: field('VmRSS'), peakRss: field('VmHWM') };
}

export class ServerProcess {
  private windowPeak = 0;
  private timer: NodeJS.Timeout | null = null;
  private exited: Promise<void>;

  private constructor(
    readonly origin: string,
    private readonly child: ChildProcess,
  ) {
    this.exited = new Promise((resolve) => child.once('exit', () => resolve()));
  }

  static async start(settings: ServerSettings): Promise<ServerProcess> {
    // Inside the checkout, beside npm start's dist/server.js, so its imports find node_modules.
    const script = path.join(here, '..', 'dist', 'bench', 'masa-server.js');
    await buildServer(path.join(here, 'masa-server.ts'), script);
    const child = spawn(
      process.execPath,
      [
        ...SERVER_NODE_FLAGS,
        ...(settings.profileDir ? ['--cpu-prof', `--cpu-prof-dir=${settings.profileDir}`] : []),
        script,
      ],
      {
        env: {
          ...process.env,
          NODE_ENV: 'production',
          HOST: '127.0.0.1',
          PORT: String(settings.port),
          DATABASE_URL: settings.databaseUrl,
          MIGRATION_DATABASE_URL: settings.migrationDatabaseUrl,
          MASA_ENCRYPTION_KEYS: settings.encryptionKeys,
          SESSION_SECRET: settings.sessionSecret,
          LOG_LEVEL: 'warn',
          MASA_DEMO: 'false',
        },
        stdio: ['ignore', 'ignore', 'inherit'],
      },
    );
    const server = new ServerProcess(`http://127.0.0.1:${settings.port}`, child);
    await server.waitUntilHealthy();
    server.timer = setInterval(() => void server.sample(), RSS_SAMPLE_MS);
    return server;
  }

  get pid() {
    return this.child.pid!;
  }

  private async waitUntilHealthy() {
    const giveUpAt = Date.now() + 120_000;
    while (Date.now() < giveUpAt) {
      if (this.child.exitCode !== null)
        throw new Error(`MASA stopped before it answered /health (exit ${this.child.exitCode})`);
      const healthy = await fetch(`${this.origin}/health`).then(
        (response) => response.ok,
        () => false,
      );
      if (healthy) return;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error('MASA did not answer /health within 120 s');
  }

  async sample() {
    const { rss } = await processMemory(this.pid);
    this.windowPeak = Math.max(this.windowPeak, rss);
    return rss;
  }

  startWindow() {
    this.windowPeak = 0;
  }

  async endWindow() {
    await this.sample();
    return this.windowPeak;
  }

  /** The highest resident memory the server reached so far (the kernel's high-water mark). */
  async peakRss() {
    return (await processMemory(this.pid)).peakRss;
  }

  /** SIGTERM, as a deployment stops it, so it finishes its requests and writes its profile. */
  async stop() {
    if (this.timer) clearInterval(this.timer);
    if (this.child.exitCode !== null) return;
    this.child.kill('SIGTERM');
    const killed = setTimeout(() => this.child.kill('SIGKILL'), 30_000);
    await this.exited;
    clearTimeout(killed);
  }
}
