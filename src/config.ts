import path from 'node:path';
import { z } from 'zod';
import { parseEncryptionKeys, type EncryptionKey } from './platform/sealing/field-cipher.js';

const booleanFlag = z
  .enum(['true', 'false', '1', '0'])
  .transform((value) => value === 'true' || value === '1');

const environmentSchema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().optional(),
  PUBLIC_URL: z.url().optional(),
  DATABASE_URL: z.string().optional(),
  MIGRATION_DATABASE_URL: z.string().optional(),
  MASA_DATA_DIR: z.string().default('data'),
  EMBEDDED_PG_PORT: z.coerce.number().int().min(1024).max(65535).default(54329),
  SESSION_SECRET: z.string().min(32, 'SESSION_SECRET must be at least 32 characters').optional(),
  SESSION_IDLE_MINUTES: z.coerce.number().int().positive().default(30),
  SESSION_ABSOLUTE_HOURS: z.coerce.number().int().positive().default(12),
  MASA_ENCRYPTION_KEYS: z.string().optional(),
  SMTP_URL: z.string().optional(),
  MAIL_FROM: z.string().default('MASA <no-reply@masa.invalid>'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  BODY_LIMIT_BYTES: z.coerce.number().int().positive().default(1_048_576),
  TRUST_PROXY: booleanFlag.default(false),
  MASA_DEMO: booleanFlag.optional(),
});

export type Environment = z.infer<typeof environmentSchema>;

export interface Config {
  production: boolean;
  environment: Environment['NODE_ENV'];
  port: number;
  host: string;
  publicUrl: string | undefined;
  databaseUrl: string | undefined;
  migrationDatabaseUrl: string | undefined;
  dataDir: string;
  embeddedPort: number;
  sessionSecret: string | undefined;
  sessionIdleMs: number;
  sessionAbsoluteMs: number;
  /** Seal child-identifying fields; the first seals new values. */
  encryptionKeys: EncryptionKey[] | undefined;
  smtpUrl: string | undefined;
  mailFrom: string;
  logLevel: Environment['LOG_LEVEL'];
  bodyLimit: number;
  trustProxy: boolean;
  loadDemo: boolean;
}

export class ConfigError extends Error {}

/** Reads and validates the environment once at boot; production refuses unsafe defaults. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = environmentSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map(
      (issue) => `${issue.path.join('.')}: ${issue.message}`,
    );
    throw new ConfigError(`Invalid configuration:\n  ${problems.join('\n  ')}`);
  }
  const e = parsed.data;
  const production = e.NODE_ENV === 'production';
  if (production && !e.DATABASE_URL) {
    throw new ConfigError('Invalid configuration: production needs DATABASE_URL');
  }
  if (production && !e.SESSION_SECRET) {
    throw new ConfigError('Invalid configuration: production needs SESSION_SECRET');
  }
  if (production && !e.MASA_ENCRYPTION_KEYS) {
    throw new ConfigError(
      'Invalid configuration: production needs MASA_ENCRYPTION_KEYS (id:base64 32-byte key)',
    );
  }
  return {
    production,
    environment: e.NODE_ENV,
    port: e.PORT,
    host: e.HOST ?? (production ? '0.0.0.0' : '127.0.0.1'),
    publicUrl: e.PUBLIC_URL,
    databaseUrl: e.DATABASE_URL,
    migrationDatabaseUrl: e.MIGRATION_DATABASE_URL ?? e.DATABASE_URL,
    dataDir: path.resolve(e.MASA_DATA_DIR),
    embeddedPort: e.EMBEDDED_PG_PORT,
    sessionSecret: e.SESSION_SECRET,
    sessionIdleMs: e.SESSION_IDLE_MINUTES * 60_000,
    sessionAbsoluteMs: e.SESSION_ABSOLUTE_HOURS * 3_600_000,
    encryptionKeys: encryptionKeysOf(e.MASA_ENCRYPTION_KEYS),
    smtpUrl: e.SMTP_URL,
    mailFrom: e.MAIL_FROM,
    logLevel: e.LOG_LEVEL,
    bodyLimit: e.BODY_LIMIT_BYTES,
    trustProxy: e.TRUST_PROXY,
    loadDemo: e.MASA_DEMO ?? !e.DATABASE_URL,
  };
}

function encryptionKeysOf(text: string | undefined) {
  if (text === undefined) return undefined;
  try {
    return parseEncryptionKeys(text);
  } catch (error) {
    throw new ConfigError(`Invalid configuration: ${(error as Error).message}`);
  }
}
