export * from './platform.js';
export * from './files.js';
export * from './governance.js';
