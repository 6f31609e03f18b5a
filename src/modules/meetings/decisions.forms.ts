import { z } from 'zod';
import { optionalText, requiredText, tick } from '../../platform/form-fields.js';
import { vocabulary } from '../../platform/vocabulary.js';
import { RATIFICATION_OUTCOMES } from './meetings.vocabulary.js';

export const DECISION_KINDS = vocabulary({
  decision: 'Decision',
  recommendation: 'Recommendation',
});

/** A decision or recommendation made on an agenda item. */
export const decisionForm = z.object({
  text: requiredText('Enter what was decided', 'The decision', 5000),
  kind: z.enum(DECISION_KINDS.values, {
    error: 'Select whether it is a decision or a recommendation',
  }),
  needsRatification: tick,
});

export type DecisionInput = z.infer<typeof decisionForm>;

/** What a ratifying body said about a decision put to it. */
export const ratificationForm = z.object({
  outcome: z.enum(RATIFICATION_OUTCOMES.values, {
    error: 'Select whether the decision was ratified, not ratified or deferred',
  }),
  note: optionalText('The note', 2000),
  needsFurtherRatification: tick,
});

export type RatificationInput = z.infer<typeof ratificationForm>;
