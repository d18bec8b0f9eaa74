import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, Inject } from '@nestjs/common';
import type { Response } from 'express';
import { LOGGER, type Logger } from '@spineqc/logging';
import { isApiError } from './api-error.js';
import { HTTP_STATUS } from './http-status.js';

/** Maps every error to `{ error: { code, message } }` with its status; unknown errors are logged, not leaked. */
@Catch()
export class HttpExceptionFilter implements ExceptionFilter {
  constructor(@Inject(LOGGER) private readonly logger: Logger) {}

  catch(error: unknown, host: ArgumentsHost) {
    const response = host.switchToHttp().getResponse<Response>();
    if (isApiError(error)) {
      response.status(HTTP_STATUS[error.code]).json({ error: { code: error.code, message: error.message } });
      return;
    }
    if (error instanceof HttpException) {
      const status = error.getStatus();
      const code = status === 413 ? 'TOO_LARGE' : status === 404 ? 'NOT_FOUND' : `HTTP_${status}`;
      response.status(status).json({ error: { code, message: messageOf(error) } });
      return;
    }
    const e = error as { type?: string; status?: number; message?: string };
    if (e?.type === 'entity.too.large') {
      response
        .status(413)
        .json({ error: { code: 'TOO_LARGE', message: 'request body over the size limit' } });
      return;
    }
    this.logger.error('unhandled request error', { error: String(e?.message ?? error) });
    response.status(500).json({ error: { code: 'INTERNAL', message: 'internal error' } });
  }
}

function messageOf(error: HttpException): string {
  const body = error.getResponse();
  if (typeof body === 'string') return body;
  const message = (body as { message?: unknown }).message;
  return Array.isArray(message) ? message.join('; ') : String(message ?? error.message);
}
