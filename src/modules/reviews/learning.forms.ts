import { z } from 'zod';
import { calendarDate, foldDateInputs } from '../../platform/date-input.js';
import { optionalId, requiredText, versionField } from '../../platform/form-fields.js';

export const learningPointForm = z.object({
  text: requiredText('Enter the learning point', 'The learning point', 4000),
  version: versionField,
});
export type LearningPointInput = z.infer<typeof learningPointForm>;

/** Shared with one body or one agency: each recipient is its own record. */
export const disseminationForm = z
  .object({
    bodyId: optionalId('Select a body from the list'),
    agencyId: optionalId('Select an agency from the list'),
    disseminatedOn: calendarDate('The date the learning was shared', { required: true }),
  })
  .refine((input) => input.bodyId !== null || input.agencyId !== null, {
    path: ['bodyId'],
    message: 'Select the body or the agency the learning was shared with',
    when: () => true,
  })
  .refine((input) => input.bodyId === null || input.agencyId === null, {
    path: ['bodyId'],
    message: 'Select a body or an agency, not both: record each one separately',
    when: () => true,
  });
export type DisseminationInput = z.infer<typeof disseminationForm>;

export const parseDisseminationForm = (body: unknown) =>
  foldDateInputs(body as Record<string, unknown>, ['disseminatedOn']);
