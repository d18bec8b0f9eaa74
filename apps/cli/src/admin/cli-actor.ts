import { userInfo, hostname } from 'node:os';

/** Who the audit log names for a change made with `spineqc admin`: the operating-system user on this host. */
export function cliActor(): string {
  let user = 'unknown';
  try {
    user = userInfo().username;
  } catch {
    // No passwd entry (some containers): the host still says where it came from.
  }
  return `cli ${user}@${hostname()}`;
}
