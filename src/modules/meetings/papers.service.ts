import { inTenant, type TenantContext } from '../../db/client.js';
import { findStoredFile, storeDocument } from '../../platform/files/stored-files.js';
import { failure, success, type Outcome } from '../../platform/forms.js';
import type { PaperInput } from './agenda.forms.js';
import { agendaClosedReason, meetingItem } from './agenda-items.service.js';
import type { MeetingsDependencies } from './meeting-context.js';
import { viewerStanding, type MeetingViewer } from './meeting-membership.js';
import { findMeeting, type MeetingRow } from './meetings.repository.js';
import { findPaper, insertPaper, papersOfMeeting, withdrawPaper } from './papers.repository.js';

/** A paper as the viewer may see it: `open` when they may download it. */
export interface PaperView {
  id: string;
  title: string;
  restricted: boolean;
  fileName: string;
  byteSize: number;
  open: boolean;
}

/** Papers for agenda items; restricted ones only for the body's members and the business unit. */
export function buildPapersService({ db, audit, clock, governance }: MeetingsDependencies) {
  /** Whether the viewer may see the meeting's restricted papers. */
  async function seesRestricted(
    context: TenantContext,
    viewer: MeetingViewer,
    meeting: Pick<MeetingRow, 'bodyId' | 'startsAt'>,
  ) {
    if (viewer.runsMeetings) return true;
    return (await viewerStanding(governance, context, viewer, meeting)).member;
  }

  /** The meeting's papers by agenda item, each saying whether the viewer may open it. */
  async function ofMeeting(context: TenantContext, viewer: MeetingViewer, meeting: MeetingRow) {
    const rows = await inTenant(db, context, (tx) => papersOfMeeting(tx, meeting.id));
    const restrictedVisible = await seesRestricted(context, viewer, meeting);
    const byItem: Record<string, PaperView[]> = {};
    for (const { paper, fileName, byteSize } of rows) {
      const open = !paper.restricted || restrictedVisible;
      // A closed paper is named as restricted only: even its title can say too much.
      (byItem[paper.agendaItemId] ??= []).push(
        open
          ? {
              id: paper.id,
              title: paper.title,
              restricted: paper.restricted,
              fileName,
              byteSize,
              open,
            }
          : { id: paper.id, title: '', restricted: true, fileName: '', byteSize: 0, open },
      );
    }
    return { byItem, restrictedVisible };
  }

  function add(
    context: TenantContext,
    meetingId: string,
    itemId: string,
    input: PaperInput,
  ): Promise<Outcome<{ id: string }>> {
    return inTenant(db, context, async (tx) => {
      const found = await meetingItem(tx, meetingId, itemId);
      if (!found) return failure({ item: 'not found' });
      const refused = found.item.withdrawnAt
        ? 'This item was withdrawn, so it cannot have papers'
        : agendaClosedReason(found.meeting);
      if (refused) return failure({ refused });
      const fileId = await storeDocument(tx, context, input.document);
      const row = await insertPaper(tx, {
        partnershipId: context.partnershipId,
        agendaItemId: itemId,
        fileId,
        title: input.title,
        restricted: input.restricted,
      });
      await audit.record(tx, context, {
        action: 'paper.added',
        entityType: 'paper',
        entityId: row.id,
        after: {
          meetingId,
          agendaItemId: itemId,
          title: input.title,
          restricted: input.restricted,
          fileName: input.document.fileName,
          byteSize: input.document.byteSize,
          sha256: input.document.sha256,
        },
      });
      return success({ id: row.id });
    });
  }

  /** A paper still offered on the meeting, or null. */
  const find = (context: TenantContext, meetingId: string, paperId: string) =>
    inTenant(db, context, async (tx) => {
      const found = await findPaper(tx, paperId);
      if (!found || found.meetingId !== meetingId || found.paper.withdrawnAt) return null;
      return found.paper;
    });

  /** The paper's document, only for a viewer who may see it: others learn nothing of it. */
  async function download(
    context: TenantContext,
    viewer: MeetingViewer,
    meetingId: string,
    paperId: string,
  ) {
    const found = await find(context, meetingId, paperId);
    if (!found) return null;
    if (found.restricted) {
      const meeting = await inTenant(db, context, (tx) => findMeeting(tx, meetingId));
      if (!meeting || !(await seesRestricted(context, viewer, meeting))) return null;
    }
    return inTenant(db, context, (tx) => findStoredFile(tx, found.fileId));
  }

  /** Withdraws a paper: no longer listed or downloadable; the file and its record stay. */
  function withdraw(context: TenantContext, meetingId: string, paperId: string) {
    return inTenant(db, context, async (tx) => {
      const found = await findPaper(tx, paperId);
      if (!found || found.meetingId !== meetingId) return false;
      const withdrawnAt = clock.now();
      const after = await withdrawPaper(tx, paperId, withdrawnAt);
      if (!after) return false;
      await audit.record(tx, context, {
        action: 'paper.withdrawn',
        entityType: 'paper',
        entityId: paperId,
        before: { withdrawnAt: null },
        after: { withdrawnAt, title: after.title },
      });
      return true;
    });
  }

  return { seesRestricted, ofMeeting, add, find, download, withdraw };
}

export type PapersService = ReturnType<typeof buildPapersService>;
