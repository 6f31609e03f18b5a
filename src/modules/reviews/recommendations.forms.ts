import { z } from 'zod';
import { requiredText, versionField } from '../../platform/form-fields.js';

/** Ticked checkboxes as a list of ids: none, one (a string) or several (an array). */
export const ticked = (message: string) =>
  z
    .union([z.string(), z.array(z.string())])
    .optional()
    .transform((value) => (value === undefined ? [] : [value].flat().filter(Boolean)))
    .pipe(z.array(z.uuid(message)));

export const recommendationForm = z.object({
  text: requiredText('Enter the recommendation', 'The recommendation', 4000),
  agencyIds: ticked('Select agencies from the list').refine((ids) => ids.length > 0, {
    message: 'Select the agencies the recommendation applies to',
  }),
  version: versionField,
});
export type RecommendationInput = z.infer<typeof recommendationForm>;

export const NAMES_A_CHILD = {
  recommendation:
    "Remove the child's name: recommendations go into the learning briefing, which is shared widely",
  action: "Remove the child's name: everyone in the partnership can read the action log",
  learningPoint:
    "Remove the child's name: learning points go into the learning briefing, which is shared widely",
} as const;
