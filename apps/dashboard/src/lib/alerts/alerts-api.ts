import { getJson } from '@/lib/api-client';
import type { AlertsQuery } from './query';
import type { AlertDto, AlertPageDto } from './types';

export const listAlerts = (query: AlertsQuery, init?: RequestInit) =>
  getJson<AlertPageDto>('/api/alerts', { ...query }, init);

export const getAlert = (id: string, init?: RequestInit) =>
  getJson<AlertDto>(`/api/alerts/${encodeURIComponent(id)}`, undefined, init);
