import type { Database } from '../../db/client.js';
import type { AuditService } from '../../platform/audit/audit.service.js';
import type { FieldCipher } from '../../platform/sealing/field-cipher.js';
import type { Clock } from '../../platform/clock.js';
import type { MailService } from '../../platform/mail/mail.service.js';
import type { AccountService } from '../account/account.service.js';
import type { ActionsService } from '../actions/actions.service.js';
import type { MeetingsService } from '../meetings/meetings.service.js';
import type { CalendarService } from '../calendar/calendar.service.js';
import type { GovernanceService } from '../governance/governance.service.js';
import { buildCaseDashboardService } from './case-dashboard.service.js';
import { buildCaseTeamService } from './case-team.service.js';
import { buildCasesService } from './cases.service.js';
import { buildLearningService } from './learning.service.js';
import { buildRecommendationsService } from './recommendations.service.js';
import { buildPracticeReviewsService } from './practice-reviews.service.js';
import { buildRapidReviewsService } from './rapid-reviews.service.js';

export interface ReviewsDependencies {
  db: Database;
  audit: AuditService;
  calendar: CalendarService;
  governance: GovernanceService;
  accounts: AccountService;
  meetings: MeetingsService;
  actions: ActionsService;
  clock: Clock;
  mail: MailService;
  cipher: FieldCipher;
  publicUrl: string;
}

/** Serious incidents, rapid reviews, practice reviews and their learning. */
export function buildReviewsService(dependencies: ReviewsDependencies) {
  return {
    cases: buildCasesService(dependencies),
    team: buildCaseTeamService(dependencies),
    recommendations: buildRecommendationsService(dependencies),
    learning: buildLearningService(dependencies),
    practiceReviews: buildPracticeReviewsService(dependencies),
    dashboard: buildCaseDashboardService(dependencies),
    rapidReviews: buildRapidReviewsService(dependencies),
  };
}

export type ReviewsService = ReturnType<typeof buildReviewsService>;
