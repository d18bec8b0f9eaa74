import ipaddr from 'ipaddr.js';

/**
 * The ipaddr.js range of an address, with IPv4-mapped IPv6 (::ffff:10.0.0.1) judged as the IPv4 address
 * it carries; null when the text is not an IP address.
 */
export function addressRange(address: string): string | null {
  if (!ipaddr.isValid(address)) return null;
  return ipaddr.process(address).range();
}

/**
 * Whether a webhook may be sent to this address: only ordinary public unicast. Everything else — loopback,
 * private, link-local (cloud metadata at 169.254.169.254), unique-local, carrier-grade NAT, unspecified,
 * multicast, broadcast, reserved, and the IPv6 tunnelling ranges that can smuggle an IPv4 address — is refused.
 */
export function isPublicAddress(address: string): boolean {
  return addressRange(address) === 'unicast';
}
