import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Services } from '../../composition.js';
import { parseForm, type FieldErrors } from '../../platform/forms.js';
import { notFound } from '../../platform/http/not-found.js';
import { withRecordId } from '../../platform/http/params.js';
import { tenantContext } from '../../platform/http/tenant-context.js';
import { setSessionCookie, type SessionCookieSettings } from '../../platform/http/session-hook.js';
import { ROLE_NAMES, ROLES } from '../../platform/policy.js';
import {
  acceptExistingAccountForm,
  acceptNewAccountForm,
  inviteForm,
} from './invitations.forms.js';
import { invitationPolicies } from './invitations.policy.js';

type Body = Record<string, string | undefined>;
type TokenParams = { Params: { token: string } };

const STATE_NAMES = {
  pending: 'Waiting',
  accepted: 'Accepted',
  revoked: 'Withdrawn',
  expired: 'Expired',
} as const;
const STATE_TAGS = {
  pending: 'govuk-tag--blue',
  accepted: 'govuk-tag--green',
  revoked: 'govuk-tag--grey',
  expired: 'govuk-tag--yellow',
} as const;

const UNUSABLE = {
  unknown: 'This invitation link is not valid',
  expired: 'This invitation has expired',
  accepted: 'This invitation has already been used',
  revoked: 'This invitation has been withdrawn',
} as const;

const roleItems = (selected?: string) =>
  ROLES.map((role) => ({ value: role, text: ROLE_NAMES[role], checked: role === selected }));

export function invitationRoutes(
  app: FastifyInstance,
  services: Services,
  cookies: SessionCookieSettings,
) {
  const { invitations, sessions } = services;
  const manage = { config: { policy: invitationPolicies.manage } };
  const accept = { config: { policy: invitationPolicies.accept } };

  app.get('/admin/invitations', manage, async (request, reply) => {
    const rows = await invitations.list(tenantContext(request));
    return reply.page('invitations/views/list.njk', {
      pageTitle: 'Invitations',
      invitations: rows.map((row) => ({
        ...row,
        roleName: ROLE_NAMES[row.role as keyof typeof ROLE_NAMES],
        stateName: STATE_NAMES[row.state],
        stateTag: STATE_TAGS[row.state],
      })),
    });
  });

  const renderInviteForm = async (
    request: FastifyRequest,
    reply: FastifyReply,
    values: Body,
    errors?: FieldErrors,
  ) => {
    const people = await services.governance.people.linkable(tenantContext(request));
    return reply.page('invitations/views/new.njk', {
      pageTitle: 'Invite someone',
      values,
      errors,
      roleItems: roleItems(values.role),
      personItems: [
        { value: '', text: 'None' },
        ...people.map((row) => ({
          value: row.person.id,
          text: `${row.person.fullName}, ${row.agencyName} (${row.person.email})`,
          selected: row.person.id === values.personId,
        })),
      ],
    });
  };

  app.get('/admin/invitations/new', manage, (request, reply) =>
    renderInviteForm(request, reply, {}),
  );

  app.post<{ Body: Body }>('/admin/invitations', manage, async (request, reply) => {
    const form = parseForm(inviteForm, request.body);
    if (!form.ok) return renderInviteForm(request, reply.code(400), request.body, form.errors);
    const sent = await invitations.tryInvite(
      tenantContext(request),
      form.value,
      request.principal!.partnershipName ?? 'your partnership',
    );
    if (!sent.ok) return renderInviteForm(request, reply.code(400), request.body, sent.errors);
    return reply
      .flash(`Invitation sent to ${form.value.email}`)
      .redirect('/admin/invitations', 303);
  });

  app.get<{ Params: { id: string } }>(
    '/admin/invitations/:id/withdraw',
    manage,
    async (request, reply) => {
      const found = await withRecordId(request.params.id, (id) =>
        invitations.find(tenantContext(request), id),
      );
      if (!found || found.state !== 'pending') return notFound(reply);
      return reply.page('invitations/views/withdraw.njk', {
        pageTitle: 'Withdraw invitation',
        invitation: found,
      });
    },
  );

  app.post<{ Params: { id: string } }>(
    '/admin/invitations/:id/withdraw',
    manage,
    async (request, reply) => {
      const result = await withRecordId(request.params.id, (id) =>
        invitations.revoke(tenantContext(request), id),
      );
      if (!result?.ok) return notFound(reply);
      return reply.flash('Invitation withdrawn').redirect('/admin/invitations', 303);
    },
  );

  const renderAcceptance = async (
    reply: FastifyReply,
    token: string,
    values: Body = {},
    errors?: FieldErrors,
  ) => {
    const found = await invitations.lookup(token);
    if (found.state !== 'pending') {
      return reply.code(410).page('error.njk', {
        pageTitle: UNUSABLE[found.state],
        paragraphs: ['Ask your partnership administrator to send you a new invitation.'],
      });
    }
    return reply.page('invitations/views/accept.njk', {
      pageTitle: 'Accept your invitation',
      invitation: found.invitation,
      roleName: ROLE_NAMES[found.invitation.role as keyof typeof ROLE_NAMES],
      accountExists: found.accountExists,
      token,
      values,
      errors,
    });
  };

  app.get<TokenParams>('/invitations/:token', accept, (request, reply) =>
    renderAcceptance(reply, request.params.token),
  );

  app.post<TokenParams & { Body: Body }>('/invitations/:token', accept, async (request, reply) => {
    const { token } = request.params;
    const found = await invitations.lookup(token);
    if (found.state !== 'pending') return renderAcceptance(reply, token);
    const form = parseForm(
      found.accountExists ? acceptExistingAccountForm : acceptNewAccountForm,
      request.body,
    );
    const result = form.ok ? await invitations.accept(token, form.value, request.id) : form;
    if (!result.ok) {
      if (result.errors.invitation) return renderAcceptance(reply, token);
      return renderAcceptance(
        reply.code(400),
        token,
        { displayName: request.body.displayName },
        result.errors,
      );
    }
    if (request.sessionToken) await sessions.destroy(request.sessionToken);
    setSessionCookie(
      reply,
      await sessions.create(result.value.userId, result.value.partnershipId),
      cookies,
    );
    return reply
      .flash('Welcome to MASA')
      .redirect(result.value.mfaEnabled ? '/sign-in/code' : '/', 303);
  });
}
