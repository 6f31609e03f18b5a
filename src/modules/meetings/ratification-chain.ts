import { ukDate } from '../../platform/dates.js';
import type { RatificationOutcome } from './meetings.vocabulary.js';

/** One outcome a ratifying body recorded at one of its meetings. */
export interface RatificationHearing {
  outcome: RatificationOutcome;
  /** When the meeting that heard it started. */
  on: Date;
  /** Why it was not ratified or was deferred; empty when none was given. */
  note: string;
}

/** One level of a ratification chain: the body asked to ratify, and what it has said so far. */
export interface RatificationStage {
  bodyName: string;
  /** Oldest first: deferrals, then at most one ratified or not ratified. */
  hearings: RatificationHearing[];
}

function stageInWords(stage: RatificationStage) {
  const last = stage.hearings.at(-1);
  if (!last) return `Awaiting ratification by ${stage.bodyName}`;
  const when = `${stage.bodyName} on ${ukDate(last.on)}`;
  if (last.outcome === 'ratified') return `Ratified by ${when}`;
  if (last.outcome === 'deferred') return `Deferred by ${when}`;
  return last.note ? `Not ratified by ${when}: ${last.note}` : `Not ratified by ${when}`;
}

const lowerFirst = (text: string) => text.charAt(0).toLowerCase() + text.slice(1);

/**
 * Where a decision stands in its chain, in words: "Ratified by Chairs Consultation Forum on
 * 3 February 2027 — awaiting ratification by Safeguarding Partnership". Null when the
 * decision needs no ratification.
 */
export function ratificationInWords(stages: RatificationStage[]): string | null {
  if (stages.length === 0) return null;
  return stages
    .map((stage, index) => (index === 0 ? stageInWords(stage) : lowerFirst(stageInWords(stage))))
    .join(' — ');
}
