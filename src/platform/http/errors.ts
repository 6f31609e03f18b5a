import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { isDatabaseUnavailable } from '../../db/connection-errors.js';

interface ErrorPage {
  status: number;
  title: string;
  paragraphs: string[];
}

/** PostgreSQL is down, restarting or unreachable: nothing was written, and trying later works. */
const DATABASE_UNAVAILABLE: ErrorPage = {
  status: 503,
  title: 'MASA cannot reach its database just now',
  paragraphs: [
    'Nothing was changed. Try again in a minute.',
    'If it keeps happening, tell your partnership administrator and give them the reference below.',
  ],
};

function describe(error: FastifyError): ErrorPage {
  const code = error.code ?? '';
  if (code.startsWith('FST_CSRF')) {
    return {
      status: 403,
      title: 'Your form could not be sent',
      paragraphs: [
        'The page had expired or the form did not come from MASA. Nothing was changed.',
        'Go back, reload the page and try again.',
      ],
    };
  }
  if (code === 'FST_ERR_CTP_BODY_TOO_LARGE' || error.statusCode === 413) {
    return {
      status: 413,
      title: 'What you sent is too large',
      paragraphs: ['Nothing was changed. Send less, or a smaller file.'],
    };
  }
  if (code === 'MASA_CONTROL_CHARACTER') {
    return {
      status: 400,
      title: 'What you sent contains a character MASA cannot store',
      paragraphs: [
        'One of your answers holds a control character (such as NUL) that cannot be typed or stored. Nothing was changed.',
        'Go back, type the answer again and send it.',
      ],
    };
  }
  if (error.statusCode === 415) {
    return {
      status: 415,
      title: 'The form was sent in a way MASA cannot read',
      paragraphs: ['Nothing was changed. Go back and try again.'],
    };
  }
  if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
    return {
      status: 400,
      title: 'MASA could not understand the request',
      paragraphs: ['The request was malformed. Nothing was changed. Go back and try again.'],
    };
  }
  if (isDatabaseUnavailable(error)) return DATABASE_UNAVAILABLE;
  return {
    status: 500,
    title: 'Sorry, there is a problem with MASA',
    paragraphs: [
      'Nothing you sent has been lost from the page you came from. Try again later.',
      'If it keeps happening, tell your partnership administrator and give them the reference below.',
    ],
  };
}

/** A database that is restarting is usually back within seconds (decision 0018). */
const RETRY_AFTER_SECONDS = '10';

function answer(request: FastifyRequest, reply: FastifyReply, page: ErrorPage) {
  reply.code(page.status);
  if (page.status === 503) reply.header('retry-after', RETRY_AFTER_SECONDS);
  if (request.url.startsWith('/api/') || request.url === '/health') {
    return reply.send({ error: page.title, requestId: request.id });
  }
  return reply.page('error.njk', {
    pageTitle: page.title,
    paragraphs: page.paragraphs,
    requestId: request.id,
  });
}

export function registerErrorPages(app: FastifyInstance) {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const page = describe(error);
    if (page.status >= 500) request.log.error({ err: error }, 'request failed');
    else request.log.info({ code: error.code, status: page.status }, 'request refused');
    return answer(request, reply, page);
  });

  app.setNotFoundHandler((request, reply) =>
    answer(request, reply, {
      status: 404,
      title: 'Page not found',
      paragraphs: [
        'If you typed the web address, check it is correct.',
        'If you pasted the web address, check you copied the entire address.',
      ],
    }),
  );
}
