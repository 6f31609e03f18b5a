import type { TenantContext } from '../../db/client.js';
import type { Services } from '../../composition.js';
import { SOURCE_KINDS } from './action-sources.js';
import { ACTION_STATUSES } from './action-status.js';

type Choice = { value: string; text: string; selected?: boolean };

const withSelected = (choices: Choice[], selected: unknown) =>
  choices.map((choice) => ({ ...choice, selected: choice.value === selected }));

/** Open people to own an action, named with their agency so namesakes can be told apart. */
export async function ownerChoices(services: Services, context: TenantContext, selected: unknown) {
  const people = await services.governance.people.all(context);
  return withSelected(
    [{ value: '', text: 'Select a person' }].concat(
      people.map((row) => ({
        value: row.person.id,
        text: `${row.person.fullName} (${row.agencyName})`,
      })),
    ),
    selected,
  );
}

export const statusChoices = (selected: unknown, anyText?: string) =>
  withSelected(
    (anyText ? [{ value: '', text: anyText }] : []).concat(
      ACTION_STATUSES.values.map((value) => ({ value, text: ACTION_STATUSES.names[value] })),
    ),
    selected ?? '',
  );

/** The kinds of source, for the new-action form or (with `anyText`) the log's filter. */
export const sourceChoices = (selected: unknown, anyText: string) =>
  withSelected(
    [{ value: '', text: anyText }].concat(
      SOURCE_KINDS.values.map((value) => ({ value, text: SOURCE_KINDS.names[value] })),
    ),
    selected ?? '',
  );

/** The action log's filter choices: bodies and agencies, closed ones included. */
export async function filterChoices(
  services: Services,
  context: TenantContext,
  filter: { body?: string; agency?: string; status?: string; source?: string },
) {
  const { bodies, agencies } = services.governance;
  const options = { activeOnly: false };
  const any = (text: string) => [{ value: '', text }];
  return {
    bodyChoices: withSelected(
      any('Any body').concat(
        (await bodies.all(context, options)).map((row) => ({ value: row.id, text: row.name })),
      ),
      filter.body ?? '',
    ),
    agencyChoices: withSelected(
      any('Any agency').concat(
        (await agencies.all(context, options)).map((row) => ({ value: row.id, text: row.name })),
      ),
      filter.agency ?? '',
    ),
    statusChoices: statusChoices(filter.status, 'Any status'),
    sourceChoices: sourceChoices(filter.source, 'Any source'),
  };
}
