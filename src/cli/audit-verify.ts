import { loadConfig } from '../config.js';
import { connect } from '../db/client.js';
import { openDatabase } from '../db/runtime.js';
import { verifyAuditChains } from '../platform/audit/audit.service.js';

/**
 * `npm run audit:verify`: recomputes every partnership's hash chain and reports the first
 * broken link. Exit code 0 when intact, 1 when broken, 2 when it could not check.
 */
async function main() {
  const config = loadConfig();
  const database = await openDatabase(config, { adoptRunningServer: false });
  const owner = connect(database.ownerUrl, 1);
  try {
    const { checked, broken } = await verifyAuditChains(owner.db);
    if (!broken) {
      console.log(`Audit trail intact: ${checked} events checked.`);
      return 0;
    }
    console.log(
      `Audit trail BROKEN at event ${broken.seq} of partnership ${broken.partnershipId}: ${broken.reason}. ${checked} events checked.`,
    );
    return 1;
  } finally {
    await owner.close();
    await database.stop();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(
      'Could not verify the audit trail:',
      error instanceof Error ? error.message : error,
    );
    process.exit(2);
  },
);
