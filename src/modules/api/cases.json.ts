/** Case reviews as the API shows them; their shapes are in cases.schemas.ts. */
import type { CaseDashboardService } from '../reviews/case-dashboard.service.js';
import {
  deadlineMet,
  type Deadline,
  type nextDeadline,
  type Stage,
} from '../reviews/case-progress.js';
import type { CasesService } from '../reviews/cases.service.js';

type Listed = Awaited<ReturnType<CaseDashboardService['list']>>['rows'][number];
type Next = ReturnType<typeof nextDeadline>;

/** A case opened by its team, with its clocks worked out for today. */
export interface CaseRecord {
  opened: NonNullable<Awaited<ReturnType<CasesService['open']>>>;
  stage: Stage;
  deadlines: Deadline[];
  next: Next;
}

const nextJson = (next: Next) =>
  next && {
    key: next.key,
    name: next.name,
    dueOn: next.dueOn,
    workingDaysLeft: next.workingDaysLeft,
    urgency: next.urgency,
  };

export const caseJson = (row: Pick<Listed, 'id' | 'reference' | 'kind' | 'stage' | 'next'>) => ({
  id: row.id,
  reference: row.reference,
  kind: row.kind,
  stage: row.stage,
  nextDeadline: nextJson(row.next),
});

export function caseDetailJson({ opened, stage, deadlines, next }: CaseRecord) {
  const found = opened.reviewCase;
  return {
    ...caseJson({ ...found, stage, next }),
    awareOn: found.awareOn,
    criteria: found.criteria,
    panelNotifiedOn: found.panelNotifiedOn,
    ofstedNotifiedOn: found.ofstedNotifiedOn,
    partnersNotifiedOn: found.partnersNotifiedOn,
    closedAt: found.closedAt ? found.closedAt.toISOString() : null,
    deadlines: deadlines.map((deadline) => ({
      key: deadline.key,
      name: deadline.name,
      dueOn: deadline.dueOn,
      metOn: deadline.metOn,
      met: deadlineMet(deadline),
      statutory: deadline.statutory,
      basis: deadline.basis,
    })),
    children: opened.children.map((child) => ({
      position: child.position,
      name: child.name,
      dateOfBirth: child.dateOfBirth,
      nhsNumber: child.nhsNumber,
      address: child.address,
    })),
    agencies: opened.agencies,
    team: opened.team.map((member) => ({ userId: member.userId, name: member.displayName })),
  };
}
