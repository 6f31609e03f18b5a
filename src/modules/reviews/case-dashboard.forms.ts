import { z } from 'zod';
import { vocabulary } from '../../platform/vocabulary.js';
import { STAGE_NAMES, type Stage } from './case-progress.js';

/** Which cases a list shows: open ones unless closed ones are asked for. */
export const CASE_SHOWING = vocabulary({
  open: 'Open cases',
  closed: 'Closed cases',
  all: 'Open and closed cases',
});

/** The stages a case can be in while it is open: "closed" is chosen with CASE_SHOWING. */
export const OPEN_STAGES = (Object.keys(STAGE_NAMES) as Stage[]).filter(
  (stage) => stage !== 'closed',
) as [Stage, ...Stage[]];

export const SEARCH_MOST_CHARACTERS = 200;

/** The case list's filters; a value that cannot be read is ignored rather than refused. */
export const caseListFilter = z.object({
  q: z.string().trim().max(SEARCH_MOST_CHARACTERS).optional().catch(undefined),
  stage: z.enum(OPEN_STAGES).optional().catch(undefined),
  show: z.enum(CASE_SHOWING.values).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(100000).optional().catch(undefined),
});

export type CaseListFilter = z.infer<typeof caseListFilter>;
