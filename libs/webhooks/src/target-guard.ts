import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import { addressRange } from './address-range.js';
import { WebhookError } from './errors.js';

/** Where webhooks may be sent; passed in by the caller, never read from the environment. */
export interface TargetPolicy {
  /** `host` or `host:port` (as in URL.host, e.g. '127.0.0.1:9999') that may be reached over plain http. */
  allowHttpHosts: readonly string[];
  /** Host names or literal addresses that may resolve to private, loopback or link-local addresses. */
  allowPrivateHosts: readonly string[];
  /** Resolves a host name to every address it has; defaults to the system resolver (all addresses). */
  resolve?: (host: string) => Promise<string[]>;
}

/** A URL that passed the guard, with the addresses it was checked against (connect only to these). */
export interface CheckedTarget {
  url: URL;
  addresses: string[];
}

export async function resolveAllAddresses(host: string): Promise<string[]> {
  const entries = await lookup(host, { all: true, verbatim: true });
  return entries.map((entry) => entry.address);
}

/**
 * Resolves when a webhook may be POSTed to `rawUrl` under `policy`, throws WebhookError with the reason
 * otherwise. Call it at delivery time, not only when a subscription is saved: DNS answers change.
 */
export async function checkTargetUrl(rawUrl: string, policy: TargetPolicy): Promise<CheckedTarget> {
  const url = parseUrl(rawUrl);
  checkScheme(url, policy);
  if (url.username !== '' || url.password !== '') {
    throw new WebhookError('CREDENTIALS_IN_URL', `webhook URL must not carry credentials: ${redacted(url)}`);
  }
  const host = bareHostname(url);
  const addresses = isIP(host) !== 0 ? [host] : await resolveHost(host, policy);
  if (!includesHost(policy.allowPrivateHosts, host)) {
    for (const address of addresses) {
      const range = addressRange(address);
      if (range !== 'unicast') {
        throw new WebhookError(
          'PRIVATE_ADDRESS',
          `webhook host ${host} resolves to ${address} (${range ?? 'not an IP address'}), ` +
            'which is not a public address; add the host to allowPrivateHosts to allow it',
        );
      }
    }
  }
  return { url, addresses };
}

function parseUrl(rawUrl: string): URL {
  try {
    return new URL(rawUrl);
  } catch (cause) {
    throw new WebhookError('INVALID_URL', 'webhook URL is not a valid absolute URL', { cause });
  }
}

function checkScheme(url: URL, policy: TargetPolicy): void {
  if (url.protocol === 'https:') return;
  if (url.protocol === 'http:') {
    if (includesHost(policy.allowHttpHosts, url.host) || includesHost(policy.allowHttpHosts, url.hostname)) {
      return;
    }
    throw new WebhookError(
      'INSECURE_SCHEME',
      `webhook URL must use https; plain http to ${url.host} is not in allowHttpHosts`,
    );
  }
  throw new WebhookError('INSECURE_SCHEME', `webhook URL must use https, not ${url.protocol}`);
}

async function resolveHost(host: string, policy: TargetPolicy): Promise<string[]> {
  const resolve = policy.resolve ?? resolveAllAddresses;
  let addresses: string[];
  try {
    addresses = await resolve(host);
  } catch (cause) {
    throw new WebhookError('UNRESOLVABLE_HOST', `webhook host ${host} could not be resolved`, { cause });
  }
  if (addresses.length === 0) {
    throw new WebhookError('UNRESOLVABLE_HOST', `webhook host ${host} resolved to no address`);
  }
  return addresses;
}

/** URL.hostname keeps the brackets of an IPv6 literal; addresses are compared without them. */
function bareHostname(url: URL): string {
  return url.hostname.startsWith('[') ? url.hostname.slice(1, -1) : url.hostname;
}

function includesHost(list: readonly string[], host: string): boolean {
  const wanted = host.toLowerCase();
  return list.some((entry) => {
    const normalised = entry.toLowerCase();
    return normalised === wanted || normalised === `[${wanted}]`;
  });
}

function redacted(url: URL): string {
  const copy = new URL(url);
  copy.username = '';
  copy.password = '';
  return copy.href;
}
