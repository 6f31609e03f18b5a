import type { Database } from '../../db/client.js';
import type { AuditService } from '../../platform/audit/audit.service.js';
import type { Clock } from '../../platform/clock.js';
import type { MailService } from '../../platform/mail/mail.service.js';
import type { CalendarService } from '../calendar/calendar.service.js';
import type { GovernanceService } from '../governance/governance.service.js';
import type { MeetingsService } from '../meetings/meetings.service.js';

/** What every part of the action log is built from. */
export interface ActionsDependencies {
  db: Database;
  audit: AuditService;
  clock: Clock;
  mail: MailService;
  governance: GovernanceService;
  calendar: CalendarService;
  meetings: MeetingsService;
  publicUrl: string;
}

export const ACTIONS_PAGE_SIZE = 25;
