import { build } from 'esbuild';

/**
 * Compiles a server entry point and the code it imports into one JavaScript file, which
 * production then runs with plain Node. Loading TypeScript through a compiler at run time
 * (tsx) cost the server about 85 MB of its memory. Dependencies stay in node_modules. The
 * source map is written but not loaded by default (it costs another 40 MB): the compiled file
 * is readable as it is, and `NODE_OPTIONS=--enable-source-maps` points stack traces at the
 * TypeScript when that is wanted.
 */
export async function buildServer(entry: string, outfile: string) {
  await build({
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    sourcemap: true,
    logLevel: 'warning',
  });
}
