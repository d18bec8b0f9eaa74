import { DatabaseError } from '@spineqc/database';
import { ApiError } from '../errors/api-error.js';

/** Runs a repository call, turning its refusals into the API's 404 and 400; anything else stays an internal error. */
export async function answered<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof DatabaseError) {
      if (error.code === 'EXAM_NOT_FOUND') throw new ApiError('NOT_FOUND', error.message);
      if (error.code === 'BAD_QUERY' || error.code === 'BAD_CURSOR') {
        throw new ApiError('BAD_REQUEST', error.message);
      }
    }
    throw error;
  }
}
