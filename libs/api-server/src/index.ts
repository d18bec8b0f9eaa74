export { startApi, type RunningApi } from './create-api-app.js';
export { ApiModule, type ApiDependencies } from './api.module.js';
export type { HealthProbe } from './health/health.controller.js';
export { hashPatientId } from './ingest/patient-hash.js';
export { ApiError, type ApiErrorCode } from './errors/api-error.js';
export { provisionAccount, provisionToken, type NewAccount } from './auth/provisioning.js';
