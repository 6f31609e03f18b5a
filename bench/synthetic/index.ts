/**
 * Synthetic partnerships for the benchmark, loaded straight into PostgreSQL with COPY.
 *
 * The same seed and as-of date give the same rows, ids included (sealed children differ
 * byte for byte, since sealing draws a fresh nonce, but open to the same details). Each
 * batch of partnerships is planned in memory, then its tables are streamed on one
 * connection while its audit trail streams on a second, through the chaining trigger, so
 * the chains verify as the app's own do. The audit trail and the other tables commit
 * together or not at all.
 */
import { hash, type Algorithm } from '@node-rs/argon2';
import pg from 'pg';
import type { FieldCipher } from '../../src/platform/sealing/field-cipher.js';
import { copyRows } from './copy.js';
import { planPartnership, slugOf, type Showcase } from './partnership.js';
import type { PartnershipPlan } from './plan.js';
import { Random } from './random.js';
import { shapeNamed, shapeProblem, type PartnershipShape } from './shapes.js';
import { AUDIT_TABLE, ratificationLinks, TABLES, type RowContext, type Table } from './tables.js';
import { dayOf } from './timeline.js';

export { SHAPES, shapeNamed, type PartnershipShape } from './shapes.js';
export type { Showcase } from './partnership.js';

export interface SyntheticLoadOptions {
  /** The owner (superuser) on the bench database: it sees and writes every partnership. */
  ownerUrl: string;
  /** A shape, or its name: 'large', 'demo-sized' or 'tiny'. */
  shape: PartnershipShape | string;
  count: number;
  seed: number;
  /** 'YYYY-MM-DD', the data's "today": every date is counted from it. */
  asOf: string;
  /** Seals children's details and returned documents, as the reviews module does. */
  cipher: FieldCipher;
  onProgress?: (line: string) => void;
}

export interface LoadReport {
  seconds: number;
  rows: Record<string, number>;
  partnerships: { id: string; slug: string }[];
  /** Records of the first partnership that the bench's pages show. */
  showcase: Showcase;
}

const MOST_PARTNERSHIPS = 10_000;
/** Roughly how many planned records a batch may hold before it is loaded. */
const BATCH_RECORDS = 400_000;

function optionsProblem(options: SyntheticLoadOptions): string | null {
  if (typeof options.ownerUrl !== 'string' || !/^postgres(ql)?:\/\//.test(options.ownerUrl))
    return 'ownerUrl must be a postgres:// connection string';
  if (!Number.isInteger(options.count) || options.count < 1 || options.count > MOST_PARTNERSHIPS)
    return `count must be a whole number from 1 to ${MOST_PARTNERSHIPS}; it is ${String(options.count)}`;
  if (!Number.isSafeInteger(options.seed) || options.seed < 0)
    return `seed must be a whole number of at least 0; it is ${String(options.seed)}`;
  if (typeof options.asOf !== 'string' || dayOf(options.asOf) === null)
    return `asOf must be a date as YYYY-MM-DD; it is ${String(options.asOf)}`;
  if (typeof options.cipher?.seal !== 'function') return 'cipher must be a field cipher';
  return null;
}

/** A batch of partnerships planned and loaded together: one COPY per table per batch. */
function batchSize(shape: PartnershipShape) {
  const records =
    shape.actions +
    shape.actionUpdates +
    shape.auditEvents +
    shape.memberships +
    shape.meetings * 40;
  return Math.max(1, Math.floor(BATCH_RECORDS / Math.max(1, records)));
}

/** One argon2id hash for every synthetic account: of a password drawn from the seed. */
function accountsPasswordHash(seed: number) {
  const random = Random.of(seed, 'accounts-password');
  const password = random.uuid() + random.uuid();
  // Argon2id, as src/platform/auth/passwords.ts hashes (its const enum cannot be imported).
  return hash(password, { algorithm: 2 as Algorithm, salt: random.bytes(16) });
}

const seconds = (since: number) => (performance.now() - since) / 1000;
const figures = (value: number) => value.toLocaleString('en-GB');

class Loader {
  readonly rows: Record<string, number> = {};
  readonly partnerships: { id: string; slug: string }[] = [];
  showcase: Showcase | null = null;

  constructor(
    private readonly options: SyntheticLoadOptions,
    private readonly shape: PartnershipShape,
    private readonly context: RowContext,
  ) {}

  private say(line: string) {
    this.options.onProgress?.(line);
  }

  private count(table: string, rows: number) {
    this.rows[table] = (this.rows[table] ?? 0) + rows;
  }

  async load() {
    const { count } = this.options;
    const size = batchSize(this.shape);
    for (let first = 0; first < count; first += size)
      await this.loadBatch(first, Math.min(count, first + size));
  }

  private planBatch(first: number, end: number) {
    const started = performance.now();
    const plans: PartnershipPlan[] = [];
    for (let index = first; index < end; index += 1) {
      const planned = planPartnership(this.shape, this.options.seed, this.options.asOf, index);
      plans.push(planned.plan);
      this.showcase ??= planned.showcase;
    }
    const heap = Math.round(process.memoryUsage().heapUsed / 1024 / 1024);
    this.say(
      `planned ${plans.length} ${this.shape.name} partnership${plans.length === 1 ? '' : 's'} in ${seconds(started).toFixed(1)} s (heap ${heap} MB)`,
    );
    return plans;
  }

  private async loadBatch(first: number, end: number) {
    const plans = this.planBatch(first, end);
    const main = new pg.Client({ connectionString: this.options.ownerUrl });
    const audit = new pg.Client({ connectionString: this.options.ownerUrl });
    await main.connect();
    await audit.connect();
    const ids = plans.map((plan) => plan.id);
    try {
      await this.insertPartnerships(main, plans);
      try {
        await main.query('begin');
        await audit.query('begin');
        await Promise.all([this.copyTables(main, plans), this.copyAuditTrail(audit, plans)]);
        await main.query('commit');
        await audit.query('commit');
      } catch (error) {
        await main.query('rollback').catch(() => undefined);
        await audit.query('rollback').catch(() => undefined);
        await main.query('delete from partnership where id = any($1::uuid[])', [ids]);
        throw error;
      }
    } finally {
      await main.end();
      await audit.end();
    }
    for (const plan of plans) this.partnerships.push({ id: plan.id, slug: plan.slug });
  }

  private async insertPartnerships(client: pg.Client, plans: PartnershipPlan[]) {
    await client.query(
      `insert into partnership (id, name, slug, created_at)
       select * from unnest($1::uuid[], $2::text[], $3::text[], $4::timestamptz[])`,
      [
        plans.map((plan) => plan.id),
        plans.map((plan) => plan.name),
        plans.map((plan) => plan.slug),
        plans.map((plan) => new Date(plan.createdMs).toISOString()),
      ],
    );
    this.count('partnership', plans.length);
  }

  private async copyTable(client: pg.Client, table: Table, plans: PartnershipPlan[]) {
    const started = performance.now();
    const context = this.context;
    const rows = await copyRows(client, table.name, table.columns, {
      *[Symbol.iterator]() {
        for (const plan of plans) yield* table.rows(plan, context);
      },
    }).catch((error: unknown) => {
      // PostgreSQL's message names the column or constraint; the table is said here.
      throw new Error(`Loading ${table.name} failed: ${(error as Error).message}`, {
        cause: error,
      });
    });
    this.count(table.name, rows);
    this.say(`${table.name}: ${figures(rows)} rows in ${seconds(started).toFixed(1)} s`);
  }

  private async copyTables(client: pg.Client, plans: PartnershipPlan[]) {
    for (const table of TABLES) {
      await this.copyTable(client, table, plans);
      if (table.name === 'decision') await this.linkRatifications(client, plans);
    }
  }

  /** Ratification items point at the decision they ratify, loaded after them. */
  private async linkRatifications(client: pg.Client, plans: PartnershipPlan[]) {
    const links = plans.flatMap((plan) => [...ratificationLinks(plan)]);
    if (links.length === 0) return;
    await client.query(
      `update agenda_item a set ratifies_decision_id = link.decision
       from unnest($1::uuid[], $2::uuid[]) as link(item, decision) where a.id = link.item`,
      [links.map(([item]) => item), links.map(([, decision]) => decision)],
    );
  }

  private async copyAuditTrail(client: pg.Client, plans: PartnershipPlan[]) {
    // The chaining trigger looks up each partnership's last hash. Its cached generic plan
    // walks the primary key backwards: quick while a partnership's own events are the
    // newest, but for its first event (no last hash) it reads every other partnership's.
    // Planned row by row the lookup takes the (partnership_id, seq) index, at about 25 µs
    // a row: worth it when a batch holds many partnerships, not for one large one.
    if (plans.length > 1) await client.query('set plan_cache_mode = force_custom_plan');
    await this.copyTable(client, AUDIT_TABLE, plans);
  }
}

/** Loads `count` partnerships of a shape; gives back what was loaded and how long it took. */
export async function loadSyntheticPartnerships(
  options: SyntheticLoadOptions,
): Promise<LoadReport> {
  const problem = optionsProblem(options);
  if (problem) throw new Error(`Cannot load synthetic partnerships: ${problem}`);
  const shape = typeof options.shape === 'string' ? shapeNamed(options.shape) : options.shape;
  const shapeIssue = shapeProblem(shape);
  if (shapeIssue) throw new Error(`Cannot load synthetic partnerships: ${shapeIssue}`);
  const started = performance.now();
  await refuseLoaded(options, shape);
  const context: RowContext = {
    seed: options.seed,
    cipher: options.cipher,
    passwordHash: await accountsPasswordHash(options.seed),
  };
  const loader = new Loader(options, shape, context);
  await loader.load();
  const analysed = performance.now();
  await analyse(options.ownerUrl);
  options.onProgress?.(`vacuum and analyze: ${seconds(analysed).toFixed(1)} s`);
  const total = seconds(started);
  const rows = Object.values(loader.rows).reduce((sum, value) => sum + value, 0);
  options.onProgress?.(
    `${options.count} ${shape.name} partnership${options.count === 1 ? '' : 's'}: ${figures(rows)} rows in ${total.toFixed(1)} s`,
  );
  return {
    seconds: total,
    rows: loader.rows,
    partnerships: loader.partnerships,
    showcase: loader.showcase!,
  };
}

/** The same partnerships twice would clash on their slugs half-way: refused before writing. */
async function refuseLoaded(options: SyntheticLoadOptions, shape: PartnershipShape) {
  const slugs = Array.from({ length: options.count }, (_, index) =>
    slugOf(shape, options.seed, index),
  );
  const client = new pg.Client({ connectionString: options.ownerUrl });
  await client.connect();
  try {
    const found = await client.query<{ slug: string }>(
      'select slug from partnership where slug = any($1::text[]) order by slug limit 3',
      [slugs],
    );
    if (found.rows.length > 0)
      throw new Error(
        `Cannot load synthetic partnerships: ${found.rows.map((row) => row.slug).join(', ')} already loaded (same shape and seed)`,
      );
  } finally {
    await client.end();
  }
}

/**
 * Fresh statistics, so the first queries after the load are planned on the real sizes, and a
 * vacuum, as a database with years of history has had: until a table's visibility map is
 * set, PostgreSQL cannot answer a count from an index alone and reads the whole table.
 */
async function analyse(ownerUrl: string) {
  const client = new pg.Client({ connectionString: ownerUrl });
  await client.connect();
  try {
    const names = ['partnership', ...TABLES.map((table) => table.name), AUDIT_TABLE.name];
    await client.query(`vacuum (analyze) ${names.join(', ')}`);
  } finally {
    await client.end();
  }
}
