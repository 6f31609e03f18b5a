/**
 * MASA as `npm start` runs it, plus the benchmark's three baselines; bench/run.ts starts this
 * in a process of its own (production settings from the environment it passes).
 */
import { runMasa } from '../src/start.js';
import { baselineRoutes } from './baselines.js';

runMasa({ extraRoutes: baselineRoutes });
