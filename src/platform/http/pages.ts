import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { errorSummary, type FieldErrors } from '../forms.js';
import { navigationFor, type NavigationArea } from './navigation.js';

const FLASH_COOKIE = 'masa_flash';

export interface PageData {
  pageTitle: string;
  errors?: FieldErrors;
  [key: string]: unknown;
}

declare module 'fastify' {
  interface FastifyReply {
    page(template: string, data: PageData): FastifyReply;
    flash(message: string): FastifyReply;
  }
}

/** Every page gets the layout's context: who is signed in, navigation, nonce, CSRF token, flash. */
export function registerPages(
  app: FastifyInstance,
  secureCookies: boolean,
  areas: readonly NavigationArea[],
) {
  app.decorateReply('page', function page(this: FastifyReply, template: string, data: PageData) {
    const request: FastifyRequest = this.request;
    const flashCookie = request.cookies[FLASH_COOKIE];
    const flash = flashCookie ? request.unsignCookie(flashCookie) : null;
    if (flashCookie) this.clearCookie(FLASH_COOKIE, { path: '/' });
    return this.view(template, {
      ...data,
      principal: request.principal,
      navigation: navigationFor(areas, request.principal, request.url.split('?')[0] ?? '/'),
      cspNonce: this.cspNonce?.script,
      csrfToken: this.generateCsrf(),
      errorList: errorSummary(data.errors),
      flash: flash?.valid ? flash.value : null,
    });
  });

  app.decorateReply('flash', function flash(this: FastifyReply, message: string) {
    return this.setCookie(FLASH_COOKIE, message, {
      path: '/',
      httpOnly: true,
      sameSite: 'lax',
      secure: secureCookies,
      signed: true,
    });
  });
}
