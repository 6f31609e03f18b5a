import type { Timescales } from '../calendar/timescales.js';
import type { CaseFacts, CaseKind, RapidReviewOutcome } from './case-progress.js';
import type { CaseRow } from './cases.repository.js';

export interface CaseFactsRow {
  case: CaseRow;
  rapidReview: {
    caseId: string | null;
    outcome: string | null;
    sentToPanelOn: string | null;
    panelResponseOn: string | null;
  } | null;
  practiceReview: {
    targetOn: string | null;
    finalReportSentOn: string | null;
    publishedOn: string | null;
    notPublishedReason: string | null;
  } | null;
  revisedOn: string | null;
}

export function timescalesOf(row: CaseRow): Timescales {
  return {
    notificationWorkingDays: row.notificationWorkingDays,
    rapidReviewWorkingDays: row.rapidReviewWorkingDays,
    panelResponseWorkingDays: row.panelResponseWorkingDays,
    practiceReviewMonths: row.practiceReviewMonths,
    finalReportWorkingDays: row.finalReportWorkingDays,
  };
}

/** A left join gives an object of nulls when nothing joined: treat that as absent. */
export function toCaseFacts(row: CaseFactsRow): CaseFacts {
  const rapid = row.rapidReview;
  const practice = row.practiceReview;
  return {
    kind: row.case.kind as CaseKind,
    awareOn: row.case.awareOn,
    panelNotifiedOn: row.case.panelNotifiedOn,
    ofstedNotifiedOn: row.case.ofstedNotifiedOn,
    partnersNotifiedOn: row.case.partnersNotifiedOn,
    closed: row.case.closedAt !== null,
    timescales: timescalesOf(row.case),
    rapidReview: rapid
      ? {
          outcome: rapid.outcome as RapidReviewOutcome | null,
          sentToPanelOn: rapid.sentToPanelOn,
          panelResponseOn: rapid.panelResponseOn,
        }
      : null,
    practiceReview: practice?.targetOn
      ? {
          targetOn: practice.targetOn,
          revisedOn: row.revisedOn,
          finalReportSentOn: practice.finalReportSentOn,
          publishedOn: practice.publishedOn,
          notPublishedReason: practice.notPublishedReason,
        }
      : null,
  };
}
