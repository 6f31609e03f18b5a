import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Services } from '../../composition.js';
import { parseForm, type FieldErrors } from '../../platform/forms.js';
import {
  clearSessionCookie,
  setSessionCookie,
  type SessionCookieSettings,
} from '../../platform/http/session-hook.js';
import { tenantContext } from '../../platform/http/tenant-context.js';
import { mfaRequired, ROLE_NAMES, type Principal } from '../../platform/policy.js';
import {
  changePasswordForm,
  codeForm,
  signInForm,
  switchPartnershipForm,
} from './account.forms.js';
import { accountPolicies } from './account.policy.js';

type Body = Record<string, string | undefined>;

// Browsers drop tabs and newlines and read "\" as "/", so "/\t/evil" would leave the site.
const isUnsafeInPath = (character: string) =>
  character < ' ' || character === '\u007f' || character === '\\';

/** Only a path on this site, so a crafted link cannot send someone elsewhere after sign-in. */
export function safeReturnTo(value: unknown): string {
  const here = 'http://masa.invalid';
  if (typeof value !== 'string' || !value.startsWith('/') || [...value].some(isUnsafeInPath))
    return '/';
  const url = new URL(value, here);
  return url.origin === here ? `${url.pathname}${url.search}` : '/';
}

const me = (request: FastifyRequest) => request.principal as Principal;

export function accountRoutes(
  app: FastifyInstance,
  services: Services,
  cookies: SessionCookieSettings,
) {
  const { accounts, sessions } = services;

  const renderSignIn = (reply: FastifyReply, values: Body, errors?: Record<string, string>) =>
    reply.page('account/views/sign-in.njk', {
      pageTitle: 'Sign in',
      values,
      errors,
      returnTo: safeReturnTo(values.returnTo),
    });

  app.get<{ Querystring: Body }>(
    '/sign-in',
    { config: { policy: accountPolicies.signIn } },
    (request, reply) => {
      if (request.principal) return reply.redirect('/', 303);
      return renderSignIn(reply, { returnTo: request.query.returnTo });
    },
  );

  app.post<{ Body: Body }>(
    '/sign-in',
    { config: { policy: accountPolicies.signIn } },
    async (request, reply) => {
      const form = parseForm(signInForm, request.body);
      if (!form.ok) return renderSignIn(reply.code(400), request.body, form.errors);
      const result = await accounts.signIn(
        form.value.email,
        form.value.password,
        request.ip,
        request.id,
      );
      if (result.outcome === 'throttled') {
        return renderSignIn(reply.code(429), request.body, {
          email: 'Too many attempts to sign in. Wait 15 minutes, then try again',
        });
      }
      if (result.outcome === 'refused') {
        return renderSignIn(reply.code(400), request.body, {
          email: 'Enter a correct email address and password',
        });
      }
      if (request.sessionToken) await sessions.destroy(request.sessionToken);
      setSessionCookie(reply, result.token, cookies);
      return reply.redirect(
        result.needsCode ? '/sign-in/code' : safeReturnTo(request.body.returnTo),
        303,
      );
    },
  );

  app.get('/sign-in/code', { config: { policy: accountPolicies.enterCode } }, (request, reply) => {
    if (!me(request).mfaEnabled || me(request).mfaPassed) return reply.redirect('/', 303);
    return reply.page('account/views/code.njk', { pageTitle: 'Enter your security code' });
  });

  app.post<{ Body: Body }>(
    '/sign-in/code',
    { config: { policy: accountPolicies.enterCode } },
    async (request, reply) => {
      const form = parseForm(codeForm, request.body);
      const result = form.ok
        ? await accounts.verifySecondFactor(
            me(request),
            request.sessionToken!,
            form.value.code,
            request.id,
          )
        : form;
      if (!result.ok)
        return reply.code(400).page('account/views/code.njk', {
          pageTitle: 'Enter your security code',
          errors: result.errors,
        });
      return reply.redirect('/', 303);
    },
  );

  app.post('/sign-out', { config: { policy: accountPolicies.signOut } }, async (request, reply) => {
    await sessions.destroy(request.sessionToken!);
    clearSessionCookie(reply);
    request.principal = null;
    return reply.flash('You have signed out').redirect('/sign-in', 303);
  });

  const renderAccount = async (
    request: FastifyRequest,
    reply: FastifyReply,
    errors?: FieldErrors,
  ) => {
    const principal = me(request);
    const { partnerships } = principal;
    return reply.page('account/views/account.njk', {
      pageTitle: 'Your account',
      errors,
      roleNames: principal.roles.map((role) => ROLE_NAMES[role]),
      codesLeft: principal.mfaEnabled ? await accounts.recoveryCodesLeft(principal) : 0,
      apiTokens: await services.apiTokens.list(tenantContext(request)),
      partnerships,
      partnershipItems: partnerships.map((p) => ({
        value: p.id,
        text: p.name,
        checked: p.id === principal.partnershipId,
      })),
    });
  };

  app.get('/account', { config: { policy: accountPolicies.ownAccount } }, (request, reply) =>
    renderAccount(request, reply),
  );

  app.post<{ Body: Body }>(
    '/account/partnership',
    { config: { policy: accountPolicies.ownAccount } },
    async (request, reply) => {
      const form = parseForm(switchPartnershipForm, request.body);
      const result = form.ok
        ? await accounts.switchPartnership(
            me(request),
            request.sessionToken!,
            form.value.partnershipId,
          )
        : form;
      if (!result.ok) return renderAccount(request, reply.code(400), result.errors);
      return reply.flash('You switched partnership').redirect('/', 303);
    },
  );

  const renderPasswordForm = (reply: FastifyReply, errors?: Record<string, string>) =>
    reply.page('account/views/change-password.njk', { pageTitle: 'Change your password', errors });

  app.get(
    '/account/password',
    { config: { policy: accountPolicies.ownAccount } },
    (_request, reply) => renderPasswordForm(reply),
  );

  app.post<{ Body: Body }>(
    '/account/password',
    { config: { policy: accountPolicies.ownAccount } },
    async (request, reply) => {
      const form = parseForm(changePasswordForm, request.body);
      const result = form.ok
        ? await accounts.changePassword(me(request), request.sessionToken!, form.value, request.id)
        : form;
      if (!result.ok) return renderPasswordForm(reply.code(400), result.errors);
      return reply
        .flash('Your password has been changed. You have been signed out everywhere else')
        .redirect('/account', 303);
    },
  );

  const renderEnrolment = async (
    request: FastifyRequest,
    reply: FastifyReply,
    errors?: Record<string, string>,
  ) => {
    const principal = me(request);
    const enrolment = await accounts.beginEnrolment(principal);
    if (!enrolment) return reply.redirect('/account/mfa', 303);
    return reply.page('account/views/mfa-enrol.njk', {
      pageTitle: 'Set up two-step sign-in',
      errors,
      required: mfaRequired(principal),
      ...enrolment,
    });
  };

  app.get(
    '/account/mfa',
    { config: { policy: accountPolicies.enrolment } },
    async (request, reply) => {
      const principal = me(request);
      if (!principal.mfaEnabled) return renderEnrolment(request, reply);
      return reply.page('account/views/mfa-status.njk', {
        pageTitle: 'Two-step sign-in',
        codesLeft: await accounts.recoveryCodesLeft(principal),
      });
    },
  );

  app.post<{ Body: Body }>(
    '/account/mfa',
    { config: { policy: accountPolicies.enrolment } },
    async (request, reply) => {
      const form = parseForm(codeForm, request.body);
      const result = form.ok
        ? await accounts.completeEnrolment(
            me(request),
            request.sessionToken!,
            form.value.code,
            request.id,
          )
        : form;
      if (!result.ok) return renderEnrolment(request, reply.code(400), result.errors);
      return reply.page('account/views/recovery-codes.njk', {
        pageTitle: 'Two-step sign-in is on',
        codes: result.value,
        enrolled: true,
        continueTo: '/',
      });
    },
  );

  app.get(
    '/account/mfa/recovery-codes',
    { config: { policy: accountPolicies.ownAccount } },
    (request, reply) => {
      if (!me(request).mfaEnabled) return reply.redirect('/account/mfa', 303);
      return reply.page('account/views/recovery-codes-confirm.njk', {
        pageTitle: 'Are you sure you want new recovery codes?',
      });
    },
  );

  app.post(
    '/account/mfa/recovery-codes',
    { config: { policy: accountPolicies.ownAccount } },
    async (request, reply) => {
      if (!me(request).mfaEnabled) return reply.redirect('/account/mfa', 303);
      const codes = await accounts.regenerateRecoveryCodes(me(request), request.id);
      return reply.page('account/views/recovery-codes.njk', {
        pageTitle: 'Your new recovery codes',
        codes,
        enrolled: false,
        continueTo: '/account',
      });
    },
  );
}
