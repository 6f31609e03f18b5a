import { sql } from 'drizzle-orm';
import { inTenant, type Executor, type TenantContext } from '../../db/client.js';
import { safeFileName } from '../../platform/files/documents.js';
import type { Upload } from '../../platform/http/uploads.js';
import { violatesUnique } from '../../platform/records.js';
import { readCsvUpload } from './membership-import.file.js';
import { importLookups, insertMemberships, insertPeople } from './membership-import.repository.js';
import { checkImportRows, type ImportPlan, type RowProblem } from './membership-import.rows.js';
import { readImportTable } from './membership-import.table.js';
import { registryTools, type RegistryDependencies } from './registry-context.js';

export type ImportOutcome =
  | { ok: true; people: number; memberships: number }
  | { ok: false; fileProblem: string }
  | { ok: false; rowProblems: RowProblem[] };

const RACED =
  'Someone added one of these people to the register while the file was being imported, so nothing was imported: import the file again';

export function buildMembershipImportService(dependencies: RegistryDependencies) {
  const { db } = dependencies;
  const tools = registryTools(dependencies);

  /** Writes the checked plan: new people, then memberships, each with its audit event. */
  async function write(tx: Executor, context: TenantContext, plan: ImportPlan, fileName: string) {
    const { partnershipId } = context;
    const people = await insertPeople(
      tx,
      plan.newPeople.map(({ key: _key, ...values }) => ({ ...values, partnershipId })),
    );
    const personIds = new Map(plan.knownPeople);
    for (const row of people) personIds.set(row.email.toLowerCase(), row.id);
    for (const { key, ...values } of plan.newPeople)
      await tools.changed(tx, context, 'person.created', 'person', personIds.get(key)!, {
        after: { ...values, importedFrom: fileName },
      });
    const seats = plan.memberships.map(({ rowNumber: _row, personKey, ...values }) => ({
      ...values,
      personId: personIds.get(personKey)!,
      partnershipId,
    }));
    const inserted = await insertMemberships(tx, seats);
    const membershipIds = new Map(inserted.map((row) => [`${row.personId} ${row.bodyId}`, row.id]));
    for (const { partnershipId: _p, ...values } of seats)
      await tools.changed(
        tx,
        context,
        'membership.created',
        'membership',
        membershipIds.get(`${values.personId} ${values.bodyId}`)!,
        { after: { ...values, importedFrom: fileName } },
      );
    await dependencies.audit.record(tx, context, {
      action: 'membership.imported',
      entityType: 'membership_import',
      after: { fileName, people: people.length, memberships: seats.length },
    });
    return { ok: true as const, people: people.length, memberships: seats.length };
  }

  /**
   * Checks the whole file against the register, then imports all of it or none of it, in
   * one transaction; imports in one partnership take turns so their checks stay true.
   */
  async function importCsv(context: TenantContext, upload: Upload | null): Promise<ImportOutcome> {
    const file = readCsvUpload(upload);
    if (!file.ok) return { ok: false, fileProblem: file.message };
    const table = readImportTable(file.text);
    if (!table.ok) return { ok: false, fileProblem: table.message };
    const emails = [...new Set(table.rows.map((row) => row.cells.email.toLowerCase()))];
    try {
      return await inTenant(db, context, async (tx): Promise<ImportOutcome> => {
        await tx.execute(
          sql`select pg_advisory_xact_lock(hashtextextended(${`membership-import:${context.partnershipId}`}, 0))`,
        );
        const checked = checkImportRows(table.rows, await importLookups(tx, emails));
        if (!checked.ok) return { ok: false, rowProblems: checked.problems };
        return write(tx, context, checked.plan, safeFileName(upload!.fileName));
      });
    } catch (error) {
      if (violatesUnique(error, 'person_email_key')) return { ok: false, fileProblem: RACED };
      throw error;
    }
  }

  return { importCsv };
}

export type MembershipImportService = ReturnType<typeof buildMembershipImportService>;
