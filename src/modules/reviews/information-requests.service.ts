import { inTenant, type Executor, type TenantContext } from '../../db/client.js';
import { ukDate } from '../../platform/dates.js';
import { findStoredFile, storeDocument } from '../../platform/files/stored-files.js';
import { failure, success, type FieldErrors, type Outcome } from '../../platform/forms.js';
import type { DownloadableDocument } from '../../platform/http/downloads.js';
import { staleEditMessage } from '../../platform/records.js';
import type { IsoDate } from '../../platform/working-days.js';
import {
  DEFAULT_REQUEST_WORKING_DAYS,
  askedForText,
  type RequestInput,
  type ReturnInput,
} from './information-requests.forms.js';
import {
  caseOfTeam,
  findRapidReview,
  findRequest,
  findReturn,
  insertRequest,
  insertReturn,
  markReturned,
  updateRequest,
  type InformationRequestRow,
} from './rapid-reviews.repository.js';
import type { ReviewsDependencies } from './reviews.service.js';

type Dependencies = Pick<
  ReviewsDependencies,
  'db' | 'audit' | 'calendar' | 'governance' | 'cipher'
>;

/** Returned, overdue or still due, as the section's tags say in words. */
export type RequestStatus = 'returned' | 'overdue' | 'due';

export function requestStatus(
  request: Pick<InformationRequestRow, 'dueOn' | 'returnedOn'>,
  today: IsoDate,
): RequestStatus {
  if (request.returnedOn) return 'returned';
  return today > request.dueOn ? 'overdue' : 'due';
}

const day = (date: IsoDate) => ukDate(`${date}T12:00:00Z`);

const EXTENSIONS: Record<string, string> = {
  'application/pdf': 'pdf',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'docx',
  'application/vnd.oasis.opendocument.text': 'odt',
};

const slug = (text: string) =>
  text
    .trim()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-|-$/g, '');

/**
 * "SI-2026-007-chronology-Northshire-Police.pdf": built from the reference, never from the
 * name the file was uploaded with, which may carry a child's name.
 */
export function returnedFileName(
  reference: string,
  kind: string,
  agencyName: string,
  type: string,
) {
  return `${slug(reference)}-${kind}-${slug(agencyName) || 'agency'}.${EXTENSIONS[type] ?? 'bin'}`;
}

/** Sealed bytes are bound to the request they answer: moved to another, they will not open. */
const documentPlace = (requestId: string) => `information_return:${requestId}`;

/**
 * What the rapid review asks each agency for, by when, and the documents they return.
 * Returned chronologies name the child, so their bytes are sealed like a child's details.
 */
export function buildInformationRequests({
  db,
  audit,
  calendar,
  governance,
  cipher,
}: Dependencies) {
  /** The case and its started rapid review, for its team; null otherwise. */
  async function reviewedCase(tx: Executor, context: TenantContext, caseId: string) {
    const found = await caseOfTeam(tx, context, caseId);
    return found && (await findRapidReview(tx, caseId)) ? found : null;
  }

  /** The request form's choices: the agencies, and the due date given when none is typed. */
  async function formChoices(context: TenantContext, caseId: string, currentAgencyId?: string) {
    const found = await inTenant(db, context, (tx) => reviewedCase(tx, context, caseId));
    if (!found) return null;
    const agencies = await governance.agencies.all(context, { activeOnly: false });
    const working = await calendar.workingCalendar(context);
    return {
      reviewCase: { id: found.id, reference: found.reference },
      agencies: agencies
        .filter((each) => !each.closedAt || each.id === currentAgencyId)
        .map((each) => ({ value: each.id, text: each.name })),
      defaultDueOn: working.addWorkingDays(calendar.today(), DEFAULT_REQUEST_WORKING_DAYS),
      defaultWorkingDays: DEFAULT_REQUEST_WORKING_DAYS,
    };
  }

  async function agencyProblem(context: TenantContext, agencyId: string, keep?: string) {
    if (agencyId === keep) return null;
    const known = await governance.agencies.all(context);
    return known.some((each) => each.id === agencyId) ? null : 'Select the agency asked';
  }

  /** The dates' order and that none is after today; the due date defaults to 5 working days on. */
  async function checkDates(context: TenantContext, input: RequestInput) {
    const today = calendar.today();
    const errors: FieldErrors = {};
    const dueOn =
      input.dueOn ??
      (await calendar.workingCalendar(context)).addWorkingDays(
        input.requestedOn,
        DEFAULT_REQUEST_WORKING_DAYS,
      );
    if (input.requestedOn > today)
      errors.requestedOn = 'The date of the request must be today or in the past';
    if (dueOn < input.requestedOn)
      errors.dueOn = `The due date must be on or after the date of the request (${day(input.requestedOn)})`;
    if (input.returnedOn && input.returnedOn < input.requestedOn)
      errors.returnedOn = `The date it was returned must be on or after the date of the request (${day(input.requestedOn)})`;
    else if (input.returnedOn && input.returnedOn > today)
      errors.returnedOn = 'The date it was returned must be today or in the past';
    return { errors, dueOn };
  }

  async function add(
    context: TenantContext,
    caseId: string,
    input: RequestInput,
  ): Promise<Outcome<{ id: string; agencyName: string }> | null> {
    const { errors, dueOn } = await checkDates(context, input);
    const agency = await agencyProblem(context, input.agencyId);
    if (agency) errors.agencyId = agency;
    return inTenant(db, context, async (tx) => {
      const found = await reviewedCase(tx, context, caseId);
      if (!found) return null;
      if (Object.keys(errors).length > 0) return failure(errors);
      const row = await insertRequest(tx, {
        partnershipId: context.partnershipId,
        caseId,
        agencyId: input.agencyId,
        askedFor: askedForText(input),
        requestedOn: input.requestedOn,
        dueOn,
        returnedOn: input.returnedOn,
      });
      // What was asked is not audited: typed words may name the child.
      await audit.record(tx, context, {
        action: 'reviews.information_requested',
        entityType: 'information_request',
        entityId: row.id,
        after: { caseId, agencyId: row.agencyId, requestedOn: row.requestedOn, dueOn: row.dueOn },
      });
      const named = await findRequest(tx, caseId, row.id);
      return success({ id: row.id, agencyName: named!.agencyName });
    });
  }

  /** A request of the case with its agency's name, for its team. */
  const find = (context: TenantContext, caseId: string, requestId: string) =>
    inTenant(db, context, async (tx) => {
      const found = await reviewedCase(tx, context, caseId);
      const request = found && (await findRequest(tx, caseId, requestId));
      return found && request ? { reviewCase: found, ...request } : null;
    });

  async function change(
    context: TenantContext,
    caseId: string,
    requestId: string,
    input: RequestInput,
  ): Promise<Outcome<{ agencyName: string }> | null> {
    const current = await find(context, caseId, requestId);
    if (!current) return null;
    const { errors, dueOn } = await checkDates(context, input);
    const agency = await agencyProblem(context, input.agencyId, current.request.agencyId);
    if (agency) errors.agencyId = agency;
    if (Object.keys(errors).length > 0) return failure(errors);
    return inTenant(db, context, async (tx) => {
      if (!(await reviewedCase(tx, context, caseId))) return null;
      const before = current.request;
      const saved = await updateRequest(tx, requestId, input.version ?? before.version, {
        agencyId: input.agencyId,
        askedFor: askedForText(input),
        requestedOn: input.requestedOn,
        dueOn,
        returnedOn: input.returnedOn,
      });
      if (!saved)
        return failure({
          form: await staleEditMessage(audit, tx, {
            entityType: 'information_request',
            entityId: requestId,
            noun: 'information request',
          }),
        });
      await audit.record(tx, context, {
        action: 'reviews.information_request_changed',
        entityType: 'information_request',
        entityId: requestId,
        before: requestDates(before),
        after: requestDates(saved),
      });
      const named = await findRequest(tx, caseId, requestId);
      return success({ agencyName: named!.agencyName });
    });
  }

  function returnProblems(request: InformationRequestRow, input: ReturnInput): FieldErrors {
    if (request.returnedOn) return {};
    if (!input.returnedOn) return { returnedOn: 'Enter the date it was returned' };
    if (input.returnedOn < request.requestedOn)
      return {
        returnedOn: `The date it was returned must be on or after the date of the request (${day(request.requestedOn)})`,
      };
    if (input.returnedOn > calendar.today())
      return { returnedOn: 'The date it was returned must be today or in the past' };
    return {};
  }

  /** Stores a returned document, sealed, and records the request as returned if it was not. */
  async function addReturn(
    context: TenantContext,
    caseId: string,
    requestId: string,
    input: ReturnInput,
  ): Promise<Outcome<{ agencyName: string }> | null> {
    return inTenant(db, context, async (tx) => {
      const found = await reviewedCase(tx, context, caseId);
      const named = found && (await findRequest(tx, caseId, requestId));
      if (!found || !named) return null;
      const errors = returnProblems(named.request, input);
      if (Object.keys(errors).length > 0) return failure(errors);
      const { document } = input;
      const fileId = await storeDocument(tx, context, {
        ...document,
        fileName: returnedFileName(
          found.reference,
          input.kind,
          named.agencyName,
          document.contentType,
        ),
        content: sealDocument(requestId, document.content),
      });
      const row = await insertReturn(tx, {
        partnershipId: context.partnershipId,
        requestId,
        fileId,
        kind: input.kind,
        uploadedBy: context.userId,
      });
      if (!named.request.returnedOn) await markReturned(tx, requestId, input.returnedOn!);
      await audit.record(tx, context, {
        action: 'reviews.information_returned',
        entityType: 'information_request',
        entityId: requestId,
        after: {
          caseId,
          returnId: row.id,
          kind: input.kind,
          byteSize: document.byteSize,
          sha256: document.sha256,
          returnedOn: named.request.returnedOn ?? input.returnedOn,
        },
      });
      return success({ agencyName: named.agencyName });
    });
  }

  const sealDocument = (requestId: string, content: Buffer) =>
    Buffer.from(cipher.seal(content.toString('base64'), documentPlace(requestId)), 'utf8');

  const openDocument = (requestId: string, content: Buffer) =>
    Buffer.from(cipher.open(content.toString('utf8'), documentPlace(requestId)), 'base64');

  /** A returned document for the case team, its download in the audit trail; null otherwise. */
  async function download(
    context: TenantContext,
    caseId: string,
    returnId: string,
  ): Promise<DownloadableDocument | null> {
    return inTenant(db, context, async (tx) => {
      if (!(await caseOfTeam(tx, context, caseId))) return null;
      const found = await findReturn(tx, caseId, returnId);
      const file = found && (await findStoredFile(tx, found.returned.fileId));
      if (!found || !file) return null;
      await audit.record(tx, context, {
        action: 'reviews.information_return_downloaded',
        // A read, filed with the case's views: a request's history is its changes.
        entityType: 'review_case',
        entityId: caseId,
        after: { requestId: found.request.id, returnId },
      });
      return {
        fileName: file.fileName,
        contentType: file.contentType,
        content: openDocument(found.request.id, file.content),
      };
    });
  }

  return { formChoices, add, find, change, addReturn, download };
}

function requestDates(row: InformationRequestRow) {
  return {
    agencyId: row.agencyId,
    requestedOn: row.requestedOn,
    dueOn: row.dueOn,
    returnedOn: row.returnedOn,
  };
}

export type InformationRequests = ReturnType<typeof buildInformationRequests>;
