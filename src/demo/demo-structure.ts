/**
 * The demo partnership's structure as data, drawn from the source arrangements document
 * (sections 2, 7, 11, 14, 15, 20 and 21) with fictional people and places. The data lives
 * in one file per kind of record; src/demo/demo-registry.ts loads it.
 */
export { DEMO_ACCOUNTS, type DemoAccount } from './demo-accounts.js';
export { DEMO_AGENCIES, type AgencyKey } from './demo-agencies.js';
export { DEMO_BODIES, type BodyKey, type DemoBody, type DemoChair } from './demo-bodies.js';
export { DEMO_DEPUTIES, DEMO_MEMBERSHIPS, type DemoSeat } from './demo-memberships.js';
export { DEMO_PEOPLE, type DemoPerson, type PersonKey } from './demo-people.js';
