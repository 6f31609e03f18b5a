import { z } from 'zod';
import { calendarDate, foldDateInputs } from '../../platform/date-input.js';
import {
  optionalId,
  optionalText,
  requiredId,
  requiredText,
  tick,
  versionField,
} from '../../platform/form-fields.js';
import {
  AGENCY_TYPES,
  BODY_TYPES,
  CADENCES,
  MEMBERSHIP_STATUSES,
} from './governance.vocabulary.js';

export const email = z
  .string({ error: 'Enter a work email address' })
  .trim()
  .min(1, 'Enter a work email address')
  .max(254, 'Email address must be 254 characters or fewer')
  .pipe(z.email('Enter an email address in the correct format, like name@agency.example'));

export const agencyForm = z.object({
  name: requiredText('Enter the name of the agency', 'Name', 200),
  agencyType: z.enum(AGENCY_TYPES.values, { error: 'Select the type of agency' }),
  isSafeguardingPartner: tick,
  isRelevantAgency: tick,
  version: versionField,
});

export const personForm = z.object({
  fullName: requiredText('Enter the full name', 'Full name', 120),
  jobTitle: requiredText('Enter the job title', 'Job title', 200),
  agencyId: requiredId('Select the agency they work for'),
  email,
  phone: optionalText('Phone number', 40).pipe(
    z
      .string()
      .regex(/^[+\d][\d\s()-]{5,}$/, 'Enter a phone number, like 01632 960 001 or +44 808 157 0192')
      .nullable(),
  ),
  userId: optionalId('Select an account from the list'),
  version: versionField,
});

const BODY_DATES = [
  'chairAppointedOn',
  'chairReviewDueOn',
  'viceChairAppointedOn',
  'viceChairReviewDueOn',
  'termsOfReferenceReviewDueOn',
] as const;

export const bodyForm = z
  .object({
    name: requiredText('Enter the name of the body', 'Name', 200),
    bodyType: z.enum(BODY_TYPES.values, { error: 'Select the type of body' }),
    reportsToId: optionalId('Select the body it reports to from the list'),
    purpose: optionalText('Purpose', 4000).transform((value) => value ?? ''),
    cadence: z.enum(CADENCES.values, { error: 'Select how often it meets' }),
    cadenceNote: optionalText('How often it meets', 200),
    chairPersonId: optionalId('Select the chair from the list'),
    chairAppointedOn: calendarDate('Date the chair was appointed'),
    chairReviewDueOn: calendarDate('Date the chair is due for review'),
    viceChairPersonId: optionalId('Select the vice-chair from the list'),
    viceChairAppointedOn: calendarDate('Date the vice-chair was appointed'),
    viceChairReviewDueOn: calendarDate('Date the vice-chair is due for review'),
    businessOfficerPersonId: optionalId('Select the business officer from the list'),
    termsOfReferenceReviewDueOn: calendarDate('Terms of reference review date'),
    version: versionField,
  })
  .superRefine((value, context) => {
    if (value.cadence === 'custom' && !value.cadenceNote)
      context.addIssue({
        code: 'custom',
        path: ['cadenceNote'],
        message: 'Describe how often it meets, like "six weeks before each partnership meeting"',
      });
    if (value.chairPersonId && value.chairPersonId === value.viceChairPersonId)
      context.addIssue({
        code: 'custom',
        path: ['viceChairPersonId'],
        message: 'The vice-chair must be someone other than the chair',
      });
  });

export const parseBodyForm = (body: unknown) =>
  foldDateInputs(body as Record<string, unknown>, BODY_DATES);

export const quorumRuleForm = z.object({
  quorumUsesPartners: z.enum(['yes', 'no'], { error: 'Select which agencies must be present' }),
  requiredAgencyIds: z
    .union([z.string(), z.array(z.string())])
    .optional()
    .transform((value) => (value === undefined ? [] : [value].flat()))
    .pipe(z.array(z.uuid('Select agencies from the list'))),
  minimumHeadCount: z
    .string()
    .trim()
    .optional()
    .transform((value, context) => {
      if (!value) return null;
      const count = Number(value);
      if (!Number.isInteger(count)) {
        context.addIssue({
          code: 'custom',
          message: 'Minimum head count must be a whole number, like 5',
        });
        return z.NEVER;
      }
      if (count < 1 || count > 200) {
        context.addIssue({
          code: 'custom',
          message: 'Minimum head count must be between 1 and 200',
        });
        return z.NEVER;
      }
      return count;
    }),
  version: versionField,
});

const MEMBERSHIP_DATES = ['startsOn', 'endsOn', 'inductionCompletedOn'] as const;

export const membershipForm = z
  .object({
    bodyId: requiredId('Select the body'),
    personId: requiredId('Select the person'),
    status: z.enum(MEMBERSHIP_STATUSES.values, { error: 'Select their membership status' }),
    representsAgencyId: requiredId('Select the agency they represent'),
    decisionMaking: tick,
    startsOn: calendarDate('Start date', { required: true }),
    endsOn: calendarDate('End date'),
    inductionBooklet: tick,
    inductionTemplates: tick,
    inductionStandards: tick,
    inductionReporting: tick,
    inductionCompletedOn: calendarDate('Date induction was completed'),
    version: versionField,
  })
  .superRefine((value, context) => {
    if (value.endsOn && value.endsOn < value.startsOn)
      context.addIssue({
        code: 'custom',
        path: ['endsOn'],
        message: 'End date must be the same as or after the start date',
      });
    if (value.status === 'participant_observer' && value.decisionMaking)
      context.addIssue({
        code: 'custom',
        path: ['decisionMaking'],
        message: 'A participant observer cannot have decision-making rights',
      });
  });

export const parseMembershipForm = (body: unknown) =>
  foldDateInputs(body as Record<string, unknown>, MEMBERSHIP_DATES);

export const deputyForm = z
  .object({
    personId: requiredId('Select the deputy'),
    startsOn: calendarDate('Start of delegation', { required: true }),
    endsOn: calendarDate('End of delegation'),
  })
  .superRefine((value, context) => {
    if (value.endsOn && value.endsOn < value.startsOn)
      context.addIssue({
        code: 'custom',
        path: ['endsOn'],
        message: 'End of delegation must be the same as or after its start',
      });
  });

export const parseDeputyForm = (body: unknown) =>
  foldDateInputs(body as Record<string, unknown>, ['startsOn', 'endsOn']);

export const listFilter = z.object({
  q: z.string().trim().max(200).optional().catch(undefined),
  show: z.enum(['active', 'closed', 'all']).optional().catch(undefined),
  type: z.string().max(40).optional().catch(undefined),
  agency: z.uuid().optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(100000).optional().catch(undefined),
});
export type ListFilter = z.infer<typeof listFilter>;

export type AgencyInput = z.infer<typeof agencyForm>;
export type PersonInput = z.infer<typeof personForm>;
export type BodyInput = z.infer<typeof bodyForm>;
export type QuorumRuleInput = z.infer<typeof quorumRuleForm>;
export type MembershipInput = z.infer<typeof membershipForm>;
export type DeputyInput = z.infer<typeof deputyForm>;
