import { z } from 'zod';
import { calendarDate, foldDateInputs } from '../../platform/date-input.js';
import { optionalText, requiredText, versionField } from '../../platform/form-fields.js';
import { vocabulary } from '../../platform/vocabulary.js';

export const MILESTONE_STATUSES = vocabulary({
  planned: 'Planned',
  in_progress: 'In progress',
  done: 'Done',
});

/** Methodologies partnerships commonly choose, offered as a hint, not a list to pick from. */
export const COMMON_METHODOLOGIES = [
  'systems review',
  'appreciative inquiry',
  'practitioner learning event',
  'Significant Incident Learning Process (SILP)',
];

export const decisionForm = z.object({
  decidedOn: calendarDate('The date of the decision', { required: true }),
  methodology: requiredText('Enter the methodology', 'The methodology', 200),
  reviewers: requiredText('Enter who will lead the review', 'The reviewers', 500),
  termsOfReference: requiredText('Enter the terms of reference', 'The terms of reference', 20000),
  version: versionField,
});
export type DecisionInput = z.infer<typeof decisionForm>;

export const milestoneForm = z.object({
  title: requiredText('Enter the milestone', 'The milestone', 200),
  dueOn: calendarDate('The date of the milestone', { required: true }),
  status: z.enum(MILESTONE_STATUSES.values, { error: 'Select the status of the milestone' }),
  version: versionField,
});
export type MilestoneInput = z.infer<typeof milestoneForm>;

export const draftRequestForm = z.object({
  requestedOn: calendarDate('The date of the request', { required: true }),
  request: requiredText('Enter the request as it was put in writing', 'The request', 10000),
});
export type DraftRequestInput = z.infer<typeof draftRequestForm>;

export const delayForm = z.object({
  reason: requiredText('Enter the reason for the delay', 'The reason', 2000),
  revisedOn: calendarDate('The revised date', { required: true }),
});
export type DelayInput = z.infer<typeof delayForm>;

export const finalReportForm = z.object({
  finalReportSentOn: calendarDate('The date the final report was sent', { required: true }),
  version: versionField,
});
export type FinalReportInput = z.infer<typeof finalReportForm>;

const HTTPS_MESSAGE =
  'Enter the link as a web address starting with https://, like https://www.northshire.gov.uk/lcspr';

/** A public web address: the published report must be reachable over https. */
const httpsLink = z
  .string()
  .trim()
  .max(2000, 'The link must be 2000 characters or fewer')
  .optional()
  .transform((value) => value || null)
  .refine((value) => value === null || isHttpsLink(value), HTTPS_MESSAGE);

function isHttpsLink(value: string) {
  if (!URL.canParse(value)) return false;
  const { protocol, hostname } = new URL(value);
  return protocol === 'https:' && hostname.includes('.');
}

const filled = (value: unknown) =>
  typeof value === 'string' ? value.trim() !== '' : Boolean(value);

/**
 * Either the publication (its date and link) or the reason the review is not published,
 * never both; every problem shows at once, so the checks run whatever else is wrong.
 */
export const publicationForm = z
  .object({
    publishedOn: calendarDate('The publication date'),
    publicationUrl: httpsLink,
    notPublishedReason: optionalText('The reason', 4000),
    shortNoticeReason: optionalText('The reason', 4000),
    version: versionField,
  })
  .refine(
    (sent) =>
      !(filled(sent.publishedOn) || filled(sent.publicationUrl)) ||
      !filled(sent.notPublishedReason),
    {
      path: ['notPublishedReason'],
      message:
        'Enter either the publication date and link, or the reason the review is not published, not both',
      when: () => true,
    },
  )
  .refine(
    (sent) =>
      filled(sent.publishedOn) || filled(sent.publicationUrl) || filled(sent.notPublishedReason),
    {
      path: ['publishedOn'],
      message:
        'Enter the date the review was published and its link, or the reason it is not published',
      when: () => true,
    },
  )
  .refine((sent) => !filled(sent.publicationUrl) || filled(sent.publishedOn), {
    path: ['publishedOn'],
    message: 'Enter the date the review was published',
    when: () => true,
  })
  .refine((sent) => !filled(sent.publishedOn) || filled(sent.publicationUrl), {
    path: ['publicationUrl'],
    message: 'Enter the link to the published report',
    when: () => true,
  });
export type PublicationInput = z.infer<typeof publicationForm>;

export const DECISION_DATES = ['decidedOn'];
export const MILESTONE_DATES = ['dueOn'];
export const DRAFT_REQUEST_DATES = ['requestedOn'];
export const DELAY_DATES = ['revisedOn'];
export const FINAL_REPORT_DATES = ['finalReportSentOn'];
export const PUBLICATION_DATES = ['publishedOn'];

export const foldDates = (body: unknown, names: readonly string[]) =>
  foldDateInputs(body as Record<string, unknown>, names);
