import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.js';

const secret = 'a'.repeat(40);
const key = `k1:${Buffer.alloc(32, 7).toString('base64')}`;

describe('configuration', () => {
  it('defaults to the embedded database and the demo partnership in development', () => {
    const config = loadConfig({});
    expect(config.databaseUrl).toBeUndefined();
    expect(config.loadDemo).toBe(true);
    expect(config.port).toBe(3000);
    expect(config.host).toBe('127.0.0.1');
    expect(config.sessionIdleMs).toBe(30 * 60_000);
  });

  it('refuses to start production without DATABASE_URL, SESSION_SECRET or an encryption key', () => {
    expect(() => loadConfig({ NODE_ENV: 'production', SESSION_SECRET: secret })).toThrow(
      /DATABASE_URL/,
    );
    expect(() => loadConfig({ NODE_ENV: 'production', DATABASE_URL: 'postgres://x/y' })).toThrow(
      /SESSION_SECRET/,
    );
    expect(() =>
      loadConfig({
        NODE_ENV: 'production',
        DATABASE_URL: 'postgres://x/y',
        SESSION_SECRET: secret,
      }),
    ).toThrow(/MASA_ENCRYPTION_KEYS/);
    const config = loadConfig({
      NODE_ENV: 'production',
      DATABASE_URL: 'postgres://x/y',
      SESSION_SECRET: secret,
      MASA_ENCRYPTION_KEYS: key,
    });
    expect(config.production).toBe(true);
    expect(config.loadDemo).toBe(false);
    expect(config.host).toBe('0.0.0.0');
    expect(config.migrationDatabaseUrl).toBe('postgres://x/y');
  });

  it('names each bad value', () => {
    expect(() =>
      loadConfig({ PORT: 'eighty', SESSION_SECRET: 'short', NODE_ENV: 'staging' }),
    ).toThrow(ConfigError);
    try {
      loadConfig({ PORT: 'eighty', SESSION_SECRET: 'short' });
    } catch (error) {
      expect(String(error)).toMatch(/PORT/);
      expect(String(error)).toMatch(/SESSION_SECRET must be at least 32 characters/);
    }
  });

  it('refuses an encryption key that is not 32 bytes, or a malformed key id', () => {
    expect(() =>
      loadConfig({ MASA_ENCRYPTION_KEYS: `k1:${Buffer.alloc(16).toString('base64')}` }),
    ).toThrow(/key "k1" must be 32 bytes/);
    expect(() =>
      loadConfig({ MASA_ENCRYPTION_KEYS: `bad id:${Buffer.alloc(32).toString('base64')}` }),
    ).toThrow(/key id "bad id"/);
    expect(() => loadConfig({ MASA_ENCRYPTION_KEYS: `${key},${key}` })).toThrow(/twice/);
    expect(
      loadConfig({ MASA_ENCRYPTION_KEYS: key }).encryptionKeys?.map((each) => each.id),
    ).toEqual(['k1']);
  });
});
