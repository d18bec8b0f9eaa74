import { DatabaseError } from '@spineqc/database';
import { WebhookError } from '@spineqc/webhooks';
import { ApiError } from './api-error.js';

/**
 * Runs a repository (or webhook-policy) call, turning its refusals into the API's 404, 400 and 409; anything else
 * stays an internal error.
 */
export async function answered<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof DatabaseError) {
      if (['EXAM_NOT_FOUND', 'SUBSCRIPTION_NOT_FOUND', 'DELIVERY_NOT_FOUND'].includes(error.code)) {
        throw new ApiError('NOT_FOUND', error.message);
      }
      if (['USERNAME_TAKEN', 'LAST_ADMIN'].includes(error.code))
        throw new ApiError('CONFLICT', error.message);
      if (error.code === 'NOT_FOUND') throw new ApiError('NOT_FOUND', error.message);
      if (error.code === 'DELIVERY_PENDING') throw new ApiError('CONFLICT', error.message);
      if (error.code === 'BAD_QUERY' || error.code === 'BAD_CURSOR') {
        throw new ApiError('BAD_REQUEST', error.message);
      }
    }
    // A target URL the policy refuses (not https, private address, credentials…): the reason goes back as is.
    if (error instanceof WebhookError) throw new ApiError('BAD_REQUEST', error.message);
    throw error;
  }
}
