import type { Database } from '../../db/client.js';
import type { AuditService } from '../../platform/audit/audit.service.js';
import type { Clock } from '../../platform/clock.js';
import type { MailService } from '../../platform/mail/mail.service.js';
import type { AccountService } from '../account/account.service.js';
import type { CalendarService } from '../calendar/calendar.service.js';
import type { GovernanceService } from '../governance/governance.service.js';

/** What every part of the meetings module is built from. */
export interface MeetingsDependencies {
  db: Database;
  audit: AuditService;
  clock: Clock;
  mail: MailService;
  accounts: AccountService;
  governance: GovernanceService;
  calendar: CalendarService;
  publicUrl: string;
}

export const MEETINGS_PAGE_SIZE = 25;
