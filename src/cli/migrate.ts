import { loadConfig } from '../config.js';
import { openDatabase } from '../db/runtime.js';

/** `npm run migrate`: applies pending migrations (openDatabase migrates), then exits. */
const config = loadConfig();
const database = await openDatabase(config, { adoptRunningServer: false });
await database.stop();
console.log('Migrations are up to date.');
