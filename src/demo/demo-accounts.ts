import type { Role } from '../platform/policy.js';
import type { PersonKey } from './demo-people.js';

export interface DemoAccount {
  /** The registry person the account belongs to: its email and name come from them. */
  person: PersonKey;
  roles: Role[];
}

/** The demo's sign-in accounts; the first is the administrator whose password is printed. */
export const DEMO_ACCOUNTS: DemoAccount[] = [
  { person: 'businessManager', roles: ['administrator'] },
  { person: 'businessOfficer', roles: ['business_officer'] },
  { person: 'scrutineer', roles: ['independent_scrutineer'] },
  { person: 'policeLead', roles: ['member'] },
];
