import type {
  ExamDetail,
  ExamPage,
  ExamSummary,
  Jsonified,
  StatsGroupBy,
  StatsResponse,
} from '@spineqc/contracts';
import { isSignInPage, loginHref } from '@/lib/auth/next-path';

export type ExamSummaryDto = Jsonified<ExamSummary>;
export type ExamDetailDto = Jsonified<ExamDetail>;
export type ExamPageDto = Jsonified<ExamPage>;

/** The API's error body, as its one exception filter writes it. */
export class ApiRequestError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

type Query = Record<string, string | number | boolean | null | undefined>;

/** `/api/...?a=1` with empty values left out, so callers can pass optional filters as they are. */
export function apiPath(path: string, query: Query = {}): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const search = params.toString();
  return search ? `${path}?${search}` : path;
}

/** The API's `{ error: { code, message } }` from a failed response (JSON or not) as an ApiRequestError. */
export async function readApiError(response: Response): Promise<ApiRequestError> {
  let code = 'HTTP_' + response.status;
  let message = response.statusText || `request failed (${response.status})`;
  try {
    const body = (await response.json()) as { error?: { code?: string; message?: string }; message?: string };
    code = body.error?.code ?? code;
    message = body.error?.message ?? body.message ?? message;
  } catch {
    // not JSON: keep the status line
  }
  return new ApiRequestError(response.status, code, message);
}

let leaving = false;

/**
 * The session is over (or never was): go to the sign-in page, which comes back here afterwards. Not from the sign-in
 * pages themselves, where a 401 is the answer to show; and only once, however many requests fail together.
 */
export function sendToSignIn(): void {
  if (typeof window === 'undefined' || leaving) return;
  const { pathname, search } = window.location;
  if (isSignInPage(pathname)) return;
  leaving = true;
  window.location.assign(loginHref(pathname + search));
}

/** fetch() for the API: a 401 sends the browser to /login (the response is still returned to the caller). */
export async function apiFetch(path: string, init?: RequestInit): Promise<Response> {
  const response = await fetch(path, init);
  if (response.status === 401) sendToSignIn();
  return response;
}

async function parse<T>(response: Response): Promise<T> {
  if (response.ok) return (await response.json()) as T;
  throw await readApiError(response);
}

export async function getJson<T>(path: string, query?: Query, init?: RequestInit): Promise<T> {
  return parse<T>(await apiFetch(apiPath(path, query), { cache: 'no-store', ...init }));
}

const jsonInit = (method: string, body: unknown): RequestInit =>
  body === undefined
    ? { method }
    : { method, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) };

export async function postJson<T>(path: string, body: unknown): Promise<T> {
  return parse<T>(await apiFetch(path, jsonInit('POST', body)));
}

export async function patchJson<T>(path: string, body: unknown): Promise<T> {
  return parse<T>(await apiFetch(path, jsonInit('PATCH', body)));
}

export async function deleteJson<T>(path: string): Promise<T> {
  return parse<T>(await apiFetch(path, jsonInit('DELETE', undefined)));
}

/** A request whose answer has no body (204): resolves when it succeeded, throws the API's error otherwise. */
export async function sendNoContent(method: 'POST' | 'DELETE', path: string, body?: unknown): Promise<void> {
  const response = await apiFetch(path, jsonInit(method, body));
  if (!response.ok) throw await readApiError(response);
}

export interface ExamListFilter {
  station?: string;
  technologist?: string;
  view?: string;
  qualified?: boolean;
  criterion?: string;
  status?: 'received' | 'judged' | 'failed';
  from?: string;
  to?: string;
  limit?: number;
  cursor?: string;
}

export const listExams = (filter: ExamListFilter = {}, init?: RequestInit) =>
  getJson<ExamPageDto>('/api/exams', { ...filter }, init);

export const getExam = (id: string, init?: RequestInit) =>
  getJson<ExamDetailDto>(`/api/exams/${encodeURIComponent(id)}`, undefined, init);

export interface StatsFilter {
  period?: 'day' | 'week';
  groupBy?: StatsGroupBy;
  station?: string;
  technologist?: string;
  view?: string;
  from?: string;
  to?: string;
}

export const getStats = (filter: StatsFilter = {}, init?: RequestInit) =>
  getJson<Jsonified<StatsResponse>>('/api/stats', { ...filter }, init);

export const examImageUrl = (id: string) => `/api/exams/${encodeURIComponent(id)}/image`;
export const examOverlayUrl = (id: string) => `/api/exams/${encodeURIComponent(id)}/overlay`;
