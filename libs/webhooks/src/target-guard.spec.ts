import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isPublicAddress } from './address-range.js';
import { checkTargetUrl, resolveAllAddresses, type TargetPolicy } from './target-guard.js';

const strict: TargetPolicy = { allowHttpHosts: [], allowPrivateHosts: [] };
const resolvingTo =
  (table: Record<string, string[]>) =>
  async (host: string): Promise<string[]> => {
    const addresses = table[host];
    if (!addresses) throw new Error(`ENOTFOUND ${host}`);
    return addresses;
  };

async function refusal(
  url: string,
  policy: TargetPolicy = strict,
): Promise<{ code: string; message: string }> {
  return checkTargetUrl(url, policy).then(
    () => {
      throw new Error(`${url} was accepted`);
    },
    (error: { code: string; message: string }) => error,
  );
}

describe('checkTargetUrl', () => {
  it('refuses plain http unless the host is allowlisted for it', async () => {
    const error = await refusal('http://example.com/hook', {
      ...strict,
      resolve: resolvingTo({ 'example.com': ['93.184.216.34'] }),
    });
    expect(error.code).toBe('INSECURE_SCHEME');
    expect(error.message).toContain('https');
    expect((await refusal('ftp://example.com/hook')).code).toBe('INSECURE_SCHEME');
  });

  it('refuses credentials in the URL without repeating them in the message', async () => {
    const error = await refusal('https://user:pw@host.example/hook', {
      ...strict,
      resolve: resolvingTo({ 'host.example': ['93.184.216.34'] }),
    });
    expect(error.code).toBe('CREDENTIALS_IN_URL');
    expect(error.message).not.toContain('pw');
  });

  it('refuses loopback, private, link-local and IPv4-mapped private literals', async () => {
    for (const url of [
      'https://127.0.0.1/hook',
      'https://10.1.2.3/hook',
      'https://[::1]/hook',
      'https://169.254.169.254/latest/meta-data',
      'https://[::ffff:10.0.0.1]/hook',
      'https://[fd00::1]/hook',
      'https://100.64.0.1/hook',
      'https://0.0.0.0/hook',
      'https://0x7f000001/hook',
    ]) {
      const error = await refusal(url);
      expect(error.code, url).toBe('PRIVATE_ADDRESS');
    }
  });

  it('refuses a host when any address it resolves to is private', async () => {
    const resolve = resolvingTo({
      'internal.example': ['10.0.0.7'],
      'mixed.example': ['93.184.216.34', '192.168.1.1'],
    });
    const internal = await refusal('https://internal.example/hook', { ...strict, resolve });
    expect(internal.code).toBe('PRIVATE_ADDRESS');
    expect(internal.message).toContain('10.0.0.7');
    expect((await refusal('https://mixed.example/hook', { ...strict, resolve })).code).toBe(
      'PRIVATE_ADDRESS',
    );
  });

  it('refuses a host that does not resolve, and an unparsable URL', async () => {
    const resolve = resolvingTo({ 'empty.example': [] });
    expect((await refusal('https://nowhere.example/', { ...strict, resolve })).code).toBe(
      'UNRESOLVABLE_HOST',
    );
    expect((await refusal('https://empty.example/', { ...strict, resolve })).code).toBe('UNRESOLVABLE_HOST');
    expect((await refusal('not a url')).code).toBe('INVALID_URL');
  });

  it('uses the system resolver by default (localhost is loopback, so refused)', async () => {
    expect(await resolveAllAddresses('localhost')).not.toHaveLength(0);
    expect((await refusal('https://localhost/hook')).code).toBe('PRIVATE_ADDRESS');
  });

  it('accepts a public https target and reports the addresses it checked', async () => {
    const literal = await checkTargetUrl('https://93.184.216.34/hook', strict);
    expect(literal.addresses).toEqual(['93.184.216.34']);
    const named = await checkTargetUrl('https://hooks.example/in', {
      ...strict,
      resolve: resolvingTo({ 'hooks.example': ['93.184.216.34', '2606:2800:220:1:248:1893:25c8:1946'] }),
    });
    expect(named.url.href).toBe('https://hooks.example/in');
    expect(named.addresses).toHaveLength(2);
  });

  it('accepts allowlisted plain-http and private hosts', async () => {
    const local: TargetPolicy = { allowHttpHosts: ['127.0.0.1:9999'], allowPrivateHosts: ['127.0.0.1'] };
    await expect(checkTargetUrl('http://127.0.0.1:9999/hook', local)).resolves.toBeDefined();
    // The http allowance is for that host:port only.
    expect((await refusal('http://127.0.0.1:9998/hook', local)).code).toBe('INSECURE_SCHEME');

    const lan: TargetPolicy = {
      allowHttpHosts: [],
      allowPrivateHosts: ['Receiver.LAN', '[::1]'],
      resolve: resolvingTo({ 'receiver.lan': ['10.0.0.5'] }),
    };
    await expect(checkTargetUrl('https://receiver.lan/hook', lan)).resolves.toBeDefined();
    await expect(checkTargetUrl('https://[::1]:8443/hook', lan)).resolves.toBeDefined();
  });
});

describe('isPublicAddress', () => {
  const octet = fc.integer({ min: 0, max: 255 });

  it('refuses every address in the private and loopback IPv4 blocks, and their IPv4-mapped forms', () => {
    const privateV4 = fc.oneof(
      fc.tuple(octet, octet, octet).map(([b, c, d]) => `10.${b}.${c}.${d}`),
      fc.tuple(fc.integer({ min: 16, max: 31 }), octet, octet).map(([b, c, d]) => `172.${b}.${c}.${d}`),
      fc.tuple(octet, octet).map(([c, d]) => `192.168.${c}.${d}`),
      fc.tuple(octet, octet, octet).map(([b, c, d]) => `127.${b}.${c}.${d}`),
      fc.tuple(octet, octet).map(([c, d]) => `169.254.${c}.${d}`),
    );
    fc.assert(
      fc.property(privateV4, (address) => {
        expect(isPublicAddress(address)).toBe(false);
        expect(isPublicAddress(`::ffff:${address}`)).toBe(false);
      }),
    );
  });

  it('judges an IPv4-mapped address exactly as the IPv4 address it carries', () => {
    fc.assert(
      fc.property(fc.tuple(octet, octet, octet, octet), (octets) => {
        const address = octets.join('.');
        expect(isPublicAddress(`::ffff:${address}`)).toBe(isPublicAddress(address));
      }),
    );
  });

  it('refuses text that is not an address', () => {
    expect(isPublicAddress('example.com')).toBe(false);
    expect(isPublicAddress('')).toBe(false);
  });
});
