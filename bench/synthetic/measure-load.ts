/**
 * How long the synthetic partnerships take to load, on a throwaway embedded PostgreSQL:
 * `npx tsx bench/synthetic/measure-load.ts [--shape large] [--count 1] [--seed 1] [--many]`.
 * With --many, 200 demo-sized partnerships follow, as in `npm run bench`. Prints each
 * table's time, the total, the audit chains' check and this process's peak RSS.
 */
import { parseArgs } from 'node:util';
import pg from 'pg';
import { verifyAuditChains } from '../../src/platform/audit/audit.service.js';
import { connect } from '../../src/db/client.js';
import { buildFieldCipher } from '../../src/platform/sealing/field-cipher.js';
import { TEST_ENCRYPTION_KEYS } from '../../src/testing/app.js';
import {
  startTestCluster,
  TEMPLATE_DATABASE,
  withDatabase,
} from '../../src/testing/test-cluster.js';
import { loadSyntheticPartnerships, SHAPES } from './index.js';

const MANY = 200;
const { values } = parseArgs({
  options: {
    shape: { type: 'string', default: 'large' },
    count: { type: 'string', default: '1' },
    seed: { type: 'string', default: '1' },
    many: { type: 'boolean', default: false },
  },
});

let peakRss = 0;
const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage.rss())), 100);
const asOf = new Date().toISOString().slice(0, 10);
const cipher = buildFieldCipher(TEST_ENCRYPTION_KEYS);
const seed = Number(values.seed);

console.log('Starting a throwaway embedded PostgreSQL…');
const cluster = await startTestCluster();
try {
  const maintenance = new pg.Client({
    connectionString: withDatabase(cluster.ownerUrl, 'postgres'),
  });
  await maintenance.connect();
  await maintenance.query(`create database synthetic template ${TEMPLATE_DATABASE}`);
  await maintenance.end();
  const ownerUrl = withDatabase(cluster.ownerUrl, 'synthetic');
  const say = (line: string) => console.log(`  ${line}`);
  const loads = [{ shape: values.shape, count: Number(values.count), seed }];
  if (values.many) loads.push({ shape: SHAPES.demoSized.name, count: MANY, seed: seed + 1 });
  for (const load of loads) {
    console.log(`Loading ${load.count} ${load.shape} (seed ${load.seed}, as of ${asOf})…`);
    const report = await loadSyntheticPartnerships({
      ownerUrl,
      ...load,
      asOf,
      cipher,
      onProgress: say,
    });
    console.log(`Loaded in ${report.seconds.toFixed(1)} s.`);
  }
  const owner = connect(ownerUrl, 1);
  const checked = performance.now();
  const chains = await verifyAuditChains(owner.db);
  await owner.close();
  console.log(
    `Audit chains: ${chains.broken ? `BROKEN at ${chains.broken.seq}` : 'intact'}, ${chains.checked.toLocaleString('en-GB')} events checked in ${((performance.now() - checked) / 1000).toFixed(1)} s.`,
  );
  console.log(`Peak RSS of this process: ${Math.round(peakRss / 1024 / 1024)} MB.`);
} finally {
  clearInterval(sampler);
  await cluster.stop();
}
