/** Actions as the API shows them; their shapes are in actions.schemas.ts. */
import type { ActionsService } from '../actions/actions.service.js';

type Listed = Awaited<ReturnType<ActionsService['list']>>['rows'][number];
type Found = NonNullable<Awaited<ReturnType<ActionsService['find']>>>;

const iso = (time: Date | null) => (time ? time.toISOString() : null);

export const actionJson = (row: Listed | Found) => ({
  id: row.action.id,
  title: row.action.title,
  source: {
    type: row.action.sourceType,
    kind: row.action.sourceKind,
    reference: row.action.sourceReference,
    itemTitle: row.itemTitle,
    meetingId: row.meetingId,
    meetingStartsAt: iso(row.meetingStartsAt),
    body: row.bodyId ? { id: row.bodyId, name: row.bodyName ?? '' } : null,
    reviewReference: row.reviewReference,
    recommendationNumber: row.recommendationNumber,
  },
  owner: { id: row.action.ownerPersonId, name: row.ownerName },
  agency: { id: row.agencyId, name: row.agencyName },
  dueOn: row.action.dueOn,
  status: row.action.status,
  overdue: row.overdue,
  closingEvidence: row.action.closingEvidence,
  cancelReason: row.action.cancelReason,
  version: row.action.version,
  lastUpdateAt: iso(row.lastUpdateAt),
});

export const actionDetailJson = (found: Found) => ({
  ...actionJson(found),
  updates: found.updates.map(({ update, writerName }) => ({
    id: update.id,
    note: update.note,
    statusBefore: update.statusBefore,
    statusAfter: update.statusAfter,
    writtenBy: writerName,
    writtenAt: update.createdAt.toISOString(),
  })),
});
