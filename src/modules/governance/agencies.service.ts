import { inTenant, type TenantContext } from '../../db/client.js';
import { failure, success, type Outcome } from '../../platform/forms.js';
import { violatesUnique } from '../../platform/records.js';
import {
  agencyActiveLinks,
  allAgencies,
  findAgency,
  insertAgency,
  listAgencies,
  updateAgency,
} from './agencies.repository.js';
import type { AgencyInput, ListFilter } from './governance.forms.js';
import { withState } from './membership-dates.js';
import { membershipsForAgency } from './memberships.repository.js';
import { peopleOfAgency } from './people.repository.js';
import { PAGE_SIZE, paging, registryTools, type RegistryDependencies } from './registry-context.js';

const DUPLICATE_NAME = { name: 'An agency with this name already exists' };

export function buildAgenciesService(dependencies: RegistryDependencies) {
  const { db } = dependencies;
  const tools = registryTools(dependencies);

  async function list(context: TenantContext, filter: ListFilter) {
    const { offset, current } = paging(filter.page);
    const result = await inTenant(db, context, (tx) => listAgencies(tx, filter, PAGE_SIZE, offset));
    return { ...result, page: current, pages: paging(current, result.total).pages! };
  }

  const all = (context: TenantContext, options = { activeOnly: true }) =>
    inTenant(db, context, (tx) => allAgencies(tx, options));

  async function find(context: TenantContext, id: string) {
    return inTenant(db, context, async (tx) => {
      const agency = await findAgency(tx, id);
      if (!agency) return null;
      return {
        agency,
        people: await peopleOfAgency(tx, id),
        memberships: withState(await membershipsForAgency(tx, id), tools.today()),
        history: await tools.history(tx, 'agency', id),
      };
    });
  }

  async function create(
    context: TenantContext,
    input: AgencyInput,
  ): Promise<Outcome<{ id: string }>> {
    try {
      return await inTenant(db, context, async (tx) => {
        const { version: _ignored, ...values } = input;
        const row = await insertAgency(tx, { ...values, partnershipId: context.partnershipId });
        await tools.changed(tx, context, 'agency.created', 'agency', row.id, { after: values });
        return success({ id: row.id });
      });
    } catch (error) {
      if (violatesUnique(error, 'agency_name_key')) return failure(DUPLICATE_NAME);
      throw error;
    }
  }

  async function update(
    context: TenantContext,
    id: string,
    input: AgencyInput,
  ): Promise<Outcome<true>> {
    try {
      return await inTenant(db, context, async (tx) => {
        const before = await findAgency(tx, id);
        if (!before) return failure({ agency: 'not found' });
        const { version, ...values } = input;
        const after = await updateAgency(tx, id, version, values);
        if (!after) return failure({ form: await tools.stale(tx, 'agency', id, 'agency') });
        await tools.changed(tx, context, 'agency.changed', 'agency', id, {
          before: pick(before, values),
          after: values,
        });
        return success(true);
      });
    } catch (error) {
      if (violatesUnique(error, 'agency_name_key')) return failure(DUPLICATE_NAME);
      throw error;
    }
  }

  /** Why an agency cannot close yet, in words that say what to do first; empty when it can. */
  async function closeBlockers(context: TenantContext, id: string) {
    return inTenant(db, context, async (tx) => {
      const links = await agencyActiveLinks(tx, id, tools.today());
      const blockers: string[] = [];
      if (links.memberships > 0)
        blockers.push(
          `${plural(links.memberships, 'membership')} still ${links.memberships === 1 ? 'represents' : 'represent'} this agency: end ${links.memberships === 1 ? 'it' : 'them'} on the bodies' pages first.`,
        );
      if (links.people > 0)
        blockers.push(
          `${plural(links.people, 'person')} at this agency ${links.people === 1 ? 'is' : 'are'} still active: close ${links.people === 1 ? 'them' : 'each of them'}, or move them to another agency, first.`,
        );
      return blockers;
    });
  }

  async function close(context: TenantContext, id: string): Promise<Outcome<true>> {
    const blockers = await closeBlockers(context, id);
    if (blockers.length > 0) return failure({ agency: blockers.join(' ') });
    return inTenant(db, context, async (tx) => {
      const before = await findAgency(tx, id);
      if (!before || before.closedAt) return failure({ agency: 'This agency is already closed' });
      await updateAgency(tx, id, undefined, { closedAt: tools.now() });
      await tools.changed(tx, context, 'agency.closed', 'agency', id, {
        before: { closedAt: null },
        after: { closedAt: tools.today() },
      });
      return success(true);
    });
  }

  return { list, all, find, create, update, closeBlockers, close };
}

export function plural(count: number, noun: string) {
  const nouns: Record<string, string> = { person: 'people', body: 'bodies' };
  return `${count} ${count === 1 ? noun : (nouns[noun] ?? `${noun}s`)}`;
}

/** The fields of `row` that a change touched, for the audit trail's "before". */
export function pick<T extends object>(row: T, changed: object) {
  return Object.fromEntries(
    Object.keys(changed).map((key) => [key, (row as Record<string, unknown>)[key]]),
  );
}

export type AgenciesService = ReturnType<typeof buildAgenciesService>;
