import type { Config } from './config.js';
import type { Database } from './db/client.js';
import { buildAccountService } from './modules/account/account.service.js';
import { buildActionsService } from './modules/actions/actions.service.js';
import { buildAdministrationService } from './modules/administration/administration.service.js';
import { buildApiTokensService } from './modules/api/api-tokens.service.js';
import { buildIdempotencyService } from './modules/api/idempotency.service.js';
import { buildArrangementsService } from './modules/arrangements/arrangements.service.js';
import { buildCalendarService } from './modules/calendar/calendar.service.js';
import { buildGovernanceService } from './modules/governance/governance.service.js';
import { buildInvitationsService } from './modules/invitations/invitations.service.js';
import { buildMeetingsService } from './modules/meetings/meetings.service.js';
import { buildReviewsService } from './modules/reviews/reviews.service.js';
import { buildPartnershipsService } from './modules/partnerships/partnerships.service.js';
import { buildAuditService } from './platform/audit/audit.service.js';
import { buildSessionStore } from './platform/auth/sessions.js';
import { buildThrottle } from './platform/auth/throttle.js';
import type { Clock } from './platform/clock.js';
import { buildMailService, type MailNudge } from './platform/mail/mail.service.js';
import { buildFieldCipher, type EncryptionKey } from './platform/sealing/field-cipher.js';

export interface CompositionInput {
  db: Database;
  config: Pick<Config, 'sessionIdleMs' | 'sessionAbsoluteMs' | 'publicUrl' | 'port' | 'smtpUrl'> & {
    sessionSecret: string;
    encryptionKeys: EncryptionKey[];
  };
  clock: Clock;
  nudgeMail?: MailNudge;
}

/** Builds repositories and services once, in dependency order. */
export function buildServices({ db, config, clock, nudgeMail }: CompositionInput) {
  const audit = buildAuditService(db);
  const sessions = buildSessionStore(
    db,
    {
      secret: config.sessionSecret,
      idleMs: config.sessionIdleMs,
      absoluteMs: config.sessionAbsoluteMs,
    },
    clock,
  );
  const throttle = buildThrottle(db, clock);
  const fieldCipher = buildFieldCipher(config.encryptionKeys);
  const mail = buildMailService(db, nudgeMail);
  const partnerships = buildPartnershipsService(db, audit);
  const accounts = buildAccountService({
    db,
    audit,
    sessions,
    throttle,
    clock,
    serviceName: 'MASA',
    cipher: fieldCipher,
  });
  const publicUrl = config.publicUrl ?? `http://localhost:${config.port}`;
  const governance = buildGovernanceService({ db, audit, clock, accounts });
  const people = governance.people;
  const invitations = buildInvitationsService({
    db,
    audit,
    mail,
    accounts,
    people,
    clock,
    publicUrl,
  });
  const administration = buildAdministrationService({ db, audit, accounts, people });
  const calendar = buildCalendarService({ db, audit, clock });
  const meetings = buildMeetingsService({
    db,
    audit,
    clock,
    mail,
    accounts,
    governance,
    calendar,
    publicUrl,
  });
  const actions = buildActionsService({
    db,
    audit,
    clock,
    mail,
    governance,
    calendar,
    meetings,
    publicUrl,
  });
  const mailDelivery = { configured: Boolean(config.smtpUrl) };
  return {
    audit,
    sessions,
    throttle,
    mail,
    mailDelivery,
    partnerships,
    accounts,
    invitations,
    administration,
    governance,
    calendar,
    meetings,
    actions,
    arrangements: buildArrangementsService({
      db,
      audit,
      mail,
      clock,
      accounts,
      governance,
      publicUrl,
    }),
    reviews: buildReviewsService({
      db,
      audit,
      clock,
      mail,
      calendar,
      governance,
      accounts,
      meetings,
      actions,
      cipher: fieldCipher,
      publicUrl,
    }),
    apiTokens: buildApiTokensService({ db, audit, accounts, clock }),
    idempotency: buildIdempotencyService({ db, clock }),
  };
}

export type Services = ReturnType<typeof buildServices>;
