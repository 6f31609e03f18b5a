export * from './platform.js';
export * from './files.js';
export * from './governance.js';
export * from './meetings.js';
export * from './actions.js';
export * from './reviews.js';
export * from './api.js';
