import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Services } from '../../composition.js';
import type { TenantContext } from '../../db/client.js';
import { dateInputValues } from '../../platform/date-input.js';
import { parseForm, type FieldErrors } from '../../platform/forms.js';
import { notFound } from '../../platform/http/not-found.js';
import { withRecordId } from '../../platform/http/params.js';
import { tenantContext } from '../../platform/http/tenant-context.js';
import { bodyForm, parseBodyForm, quorumRuleForm } from './governance.forms.js';
import { governancePolicies } from './governance.policy.js';
import {
  BODY_TYPES,
  CADENCES,
  MEMBERSHIP_STATUSES,
  choiceItems,
  selectItems,
} from './governance.vocabulary.js';
import { plural } from './agencies.service.js';
import { registerRecordPages } from './record-pages.js';

type Found = NonNullable<Awaited<ReturnType<Services['governance']['bodies']['find']>>>;
type Body = Record<string, unknown>;

const DATE_FIELDS = [
  'chairAppointedOn',
  'chairReviewDueOn',
  'viceChairAppointedOn',
  'viceChairReviewDueOn',
  'termsOfReferenceReviewDueOn',
] as const;

export function bodyRoutes(app: FastifyInstance, services: Services) {
  const { bodies, people, today } = services.governance;

  const formOptions = async (context: TenantContext, values: Body) => {
    const everyone = (await people.all(context)).map((row) => ({
      id: row.person.id,
      text: `${row.person.fullName}, ${row.agencyName}`,
    }));
    const openBodies = (await bodies.all(context)).map((row) => ({ id: row.id, text: row.name }));
    return {
      typeItems: choiceItems(BODY_TYPES, values.bodyType),
      cadenceItems: choiceItems(CADENCES, values.cadence),
      reportsToItems: selectItems(openBodies, values.reportsToId, 'Reports to no other body'),
      chairItems: selectItems(everyone, values.chairPersonId, 'No chair recorded'),
      viceChairItems: selectItems(everyone, values.viceChairPersonId, 'No vice-chair recorded'),
      officerItems: selectItems(
        everyone,
        values.businessOfficerPersonId,
        'No business officer recorded',
      ),
    };
  };

  registerRecordPages<ReturnType<typeof bodyForm.parse>, Found>(app, {
    path: '/bodies',
    noun: 'body',
    plural: 'bodies',
    views: {
      list: 'governance/views/bodies.njk',
      show: 'governance/views/body.njk',
      form: 'governance/views/body-form.njk',
    },
    parse: (body) => parseForm(bodyForm, parseBodyForm(body)),
    list: bodies.list,
    find: (context, id) => bodies.find(context, id, { pastMemberships: false }),
    create: bodies.create,
    update: bodies.update,
    closeBlockers: bodies.closeBlockers,
    close: bodies.close,
    closingEffects: async (context, id) => {
      const found = await bodies.find(context, id);
      const today = services.governance.today();
      const continuing =
        found?.memberships.filter(
          (row) => row.membership.endsOn === null || row.membership.endsOn > today,
        ).length ?? 0;
      return continuing > 0 ? [`end its ${plural(continuing, 'membership')} today`] : [];
    },
    formOptions,
    listData: async (context) => ({
      typeItems: choiceItems(BODY_TYPES),
      typeNames: BODY_TYPES.names,
      cadenceNames: CADENCES.names,
      bodyNames: Object.fromEntries(
        (await bodies.all(context, { activeOnly: false })).map((row) => [row.id, row.name]),
      ),
      today: today(),
    }),
    showData: async () => ({
      typeNames: BODY_TYPES.names,
      cadenceNames: CADENCES.names,
      statusNames: MEMBERSHIP_STATUSES.names,
      today: today(),
    }),
    valuesOf: ({ body }) => ({
      name: body.name,
      bodyType: body.bodyType,
      reportsToId: body.reportsToId ?? '',
      purpose: body.purpose,
      cadence: body.cadence,
      cadenceNote: body.cadenceNote ?? '',
      chairPersonId: body.chairPersonId ?? '',
      viceChairPersonId: body.viceChairPersonId ?? '',
      businessOfficerPersonId: body.businessOfficerPersonId ?? '',
      ...Object.assign({}, ...DATE_FIELDS.map((field) => dateInputValues(field, body[field]))),
      version: String(body.version),
    }),
    nameOf: ({ body }) => body.name,
    versionOf: ({ body }) => body.version,
    isClosed: ({ body }) => body.closedAt !== null,
  });

  quorumRuleRoutes(app, services);
}

/** The quorum rule of a body: its own form, since meetings are judged by it. */
function quorumRuleRoutes(app: FastifyInstance, services: Services) {
  const { bodies, agencies } = services.governance;
  const manage = { config: { policy: governancePolicies.manage } };
  type WithId = { Params: { id: string } };

  const render = async (
    request: FastifyRequest<WithId>,
    reply: FastifyReply,
    found: Found,
    values: Body,
    errors?: FieldErrors,
  ) => {
    const context = tenantContext(request);
    const chosen = new Set([values.requiredAgencyIds ?? []].flat());
    return reply.page('governance/views/quorum-rule.njk', {
      pageTitle: `Quorum rule for ${found.body.name}`,
      back: `/bodies/${found.body.id}`,
      found,
      values,
      errors,
      agencyItems: (await agencies.all(context)).map((agency) => ({
        value: agency.id,
        text: agency.name,
        checked: chosen.has(agency.id),
        hint: agency.isSafeguardingPartner ? { text: 'Statutory safeguarding partner' } : undefined,
      })),
    });
  };

  const load = (request: FastifyRequest<WithId>) =>
    withRecordId(request.params.id, (id) => bodies.find(tenantContext(request), id));

  app.get<WithId>(
    '/bodies/:id/past-members',
    { config: { policy: governancePolicies.read } },
    async (request, reply) => {
      const found = await withRecordId(request.params.id, (id) =>
        bodies.pastMembers(tenantContext(request), id),
      );
      if (!found) return notFound(reply);
      return reply.page('governance/views/past-members.njk', {
        pageTitle: `Past members of ${found.body.name}`,
        found,
        statusNames: MEMBERSHIP_STATUSES.names,
      });
    },
  );

  app.get<WithId>('/bodies/:id/quorum', manage, async (request, reply) => {
    const found = await load(request);
    if (!found || found.body.closedAt) return notFound(reply);
    return render(request, reply, found, {
      quorumUsesPartners: found.body.quorumUsesPartners ? 'yes' : 'no',
      requiredAgencyIds: found.body.quorumUsesPartners
        ? []
        : found.quorumRule.requiredAgencies.map((agency) => agency.id),
      minimumHeadCount: found.body.quorumMinimumHeadCount ?? '',
      version: String(found.body.version),
    });
  });

  app.post<WithId & { Body: Body }>('/bodies/:id/quorum', manage, async (request, reply) => {
    const found = await load(request);
    if (!found || found.body.closedAt) return notFound(reply);
    const form = parseForm(quorumRuleForm, request.body);
    const result = form.ok
      ? await bodies.updateQuorumRule(tenantContext(request), found.body.id, form.value)
      : form;
    if (!result.ok) {
      const current = 'form' in result.errors ? String(found.body.version) : request.body.version;
      return render(
        request,
        reply.code(400),
        found,
        { ...request.body, version: current },
        result.errors,
      );
    }
    return reply.flash('Quorum rule updated').redirect(`/bodies/${found.body.id}#quorum`, 303);
  });
}
