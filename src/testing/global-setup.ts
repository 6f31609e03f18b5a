import type { TestProject } from 'vitest/node';
import { startTestCluster } from './test-cluster.js';

export default async function setup(project: TestProject) {
  const cluster = await startTestCluster();
  project.provide('ownerUrl', cluster.ownerUrl);
  project.provide('appUrl', cluster.appUrl);
  return () => cluster.stop();
}

declare module 'vitest' {
  export interface ProvidedContext {
    ownerUrl: string;
    appUrl: string;
  }
}
