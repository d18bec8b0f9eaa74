import { fileURLToPath } from 'node:url';

/** The repository root (this file is apps/cli/dist/model/repo-paths.js once built). */
export const REPO_ROOT = fileURLToPath(new URL('../../../../', import.meta.url));
