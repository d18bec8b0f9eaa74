// Signing in and out, and who is signed in. The session itself is an HttpOnly cookie the API sets.
import type { ChangePasswordRequest, SessionJson } from '@spineqc/contracts';
import { getJson, postJson, sendNoContent } from '@/lib/api-client';

export const getSession = (init?: RequestInit) => getJson<SessionJson>('/api/auth/me', undefined, init);

export const signIn = (username: string, password: string) =>
  postJson<SessionJson>('/api/auth/login', { username, password });

/** A room tablet signs in with its pairing token; the answer names its station. */
export const pairTablet = (deviceToken: string) => postJson<SessionJson>('/api/auth/login', { deviceToken });

export const signOut = () => sendNoContent('POST', '/api/auth/logout');

export const changePassword = (body: ChangePasswordRequest) =>
  sendNoContent('POST', '/api/auth/password', body);
