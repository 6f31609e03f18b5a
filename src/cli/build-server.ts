import path from 'node:path';
import { buildServer } from './server-build.js';

/** `npm run build:server` (before `npm start`): src/server.ts into dist/server.js. */
const root = process.cwd();
const outfile = path.join(root, 'dist', 'server.js');
await buildServer(path.join(root, 'src', 'server.ts'), outfile);
console.log(`Built ${path.relative(root, outfile)}`);
