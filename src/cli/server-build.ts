import { build } from 'esbuild';

/**
 * Node's flags for the compiled server: package.json's start script passes them, and the
 * benchmark starts its server with them. Left to itself, V8 lets a heap that may grow to
 * gigabytes reach four times what survived its last full collection; under 50 concurrent
 * requests that took the server from 160 MB to 450–500 MB. Twice (V8's own ceiling for
 * small heaps) kept it under 280 MB at no measurable cost in CPU (decision 0017).
 */
export const SERVER_NODE_FLAGS = ['--heap-growing-percent=100'];

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
