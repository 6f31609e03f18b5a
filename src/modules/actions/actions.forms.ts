import { z } from 'zod';
import { calendarDate, foldDateInputs } from '../../platform/date-input.js';
import {
  optionalText,
  requiredId,
  requiredText,
  versionField,
} from '../../platform/form-fields.js';
import { SOURCE_KINDS, SOURCE_REFERENCE_MAX } from './action-sources.js';
import { ACTION_STATUSES } from './action-status.js';

const ownerField = requiredId('Select who owns the action');
const dueField = calendarDate('Due date', { required: true });

/** A new action arising from a meeting item. */
export const actionForm = z.object({
  title: requiredText('Enter what the action is', 'The action', 500),
  ownerPersonId: ownerField,
  dueOn: dueField,
});

export type ActionInput = z.infer<typeof actionForm>;

/**
 * An action added to the log directly, with its source given in words: an audit, a plan, an
 * escalation, or a meeting or review held outside MASA (those in MASA add theirs on the
 * agenda item or the recommendation, which links them).
 */
export const sourcedActionForm = actionForm.extend({
  sourceKind: z.enum(SOURCE_KINDS.values, { error: 'Select where the action came from' }),
  sourceReference: requiredText(
    'Enter the source, for example "Section 11 audit 2026"',
    'The source',
    SOURCE_REFERENCE_MAX,
  ),
});

export type SourcedActionInput = z.infer<typeof sourcedActionForm>;

const filled = (value: unknown) => typeof value === 'string' && value.trim() !== '';

/**
 * A dated update: what was done and the status now. Closing needs the evidence and
 * cancelling the reason; these are checked even when another field is wrong, so every
 * problem shows at once.
 */
export const actionUpdateForm = z
  .object({
    note: requiredText('Enter the update', 'The update', 4000),
    status: z.enum(ACTION_STATUSES.values, { error: 'Select the status of the action' }),
    closingEvidence: optionalText('The evidence', 4000),
    cancelReason: optionalText('The reason', 4000),
    version: versionField,
  })
  .refine((update) => update.status !== 'closed' || filled(update.closingEvidence), {
    path: ['closingEvidence'],
    message: 'Enter the evidence that the action is complete',
    when: () => true,
  })
  .refine((update) => update.status !== 'cancelled' || filled(update.cancelReason), {
    path: ['cancelReason'],
    message: 'Enter the reason the action is cancelled',
    when: () => true,
  });

export type ActionUpdateInput = z.infer<typeof actionUpdateForm>;

/** A new owner or due date, with the reason, which is kept as an update. */
export const actionChangeForm = z.object({
  ownerPersonId: ownerField,
  dueOn: dueField,
  reason: requiredText('Enter the reason for the change', 'The reason', 2000),
  version: versionField,
});

export type ActionChangeInput = z.infer<typeof actionChangeForm>;

export const parseDueDate = (body: unknown) =>
  foldDateInputs(body as Record<string, unknown>, ['dueOn']);

/** The action log's filters; a value that cannot be read is ignored rather than refused. */
export const actionFilter = z.object({
  body: z.uuid().optional().catch(undefined),
  agency: z.uuid().optional().catch(undefined),
  owner: z.uuid().optional().catch(undefined),
  /** Part of the owner's name: a partnership has thousands of people, too many to list. */
  ownerName: z
    .string()
    .trim()
    .max(100)
    .transform((text) => text || undefined)
    .optional()
    .catch(undefined),
  status: z.enum(ACTION_STATUSES.values).optional().catch(undefined),
  source: z.enum(SOURCE_KINDS.values).optional().catch(undefined),
  overdue: z.literal('yes').optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(100000).optional().catch(undefined),
});

export type ActionFilter = z.infer<typeof actionFilter>;
