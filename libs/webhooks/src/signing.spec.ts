import { Webhook, WebhookVerificationError } from 'standardwebhooks';
import { describe, expect, it } from 'vitest';
import { WebhookError } from './errors.js';
import { generateWebhookSecret, signWebhook } from './signing.js';

describe('generateWebhookSecret', () => {
  it('is whsec_ followed by base64 of 32 random bytes, different every time', () => {
    const secret = generateWebhookSecret();
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]+=*$/);
    expect(Buffer.from(secret.slice('whsec_'.length), 'base64')).toHaveLength(32);
    expect(generateWebhookSecret()).not.toBe(secret);
  });
});

describe('signWebhook', () => {
  const secret = generateWebhookSecret();
  const body = JSON.stringify({
    type: 'alert.raised',
    timestamp: '2025-01-01T00:00:00.000Z',
    data: { n: 1 },
  });

  it('produces the three Standard Webhooks headers that the library verifies', () => {
    const timestamp = new Date();
    const headers = signWebhook({ id: 'msg_1', timestamp, body, secret });
    expect(headers['webhook-id']).toBe('msg_1');
    expect(headers['webhook-timestamp']).toBe(String(Math.floor(timestamp.getTime() / 1000)));
    expect(headers['webhook-signature']).toMatch(/^v1,[A-Za-z0-9+/]+=*$/);
    expect(new Webhook(secret).verify(body, { ...headers })).toEqual(JSON.parse(body));
  });

  it('fails verification for a tampered body, another id or another secret', () => {
    const headers = signWebhook({ id: 'msg_1', timestamp: new Date(), body, secret });
    const verifier = new Webhook(secret);
    expect(() => verifier.verify(body.replace('"n":1', '"n":2'), { ...headers })).toThrow(
      WebhookVerificationError,
    );
    expect(() => verifier.verify(body, { ...headers, 'webhook-id': 'msg_2' })).toThrow(
      WebhookVerificationError,
    );
    expect(() => new Webhook(generateWebhookSecret()).verify(body, { ...headers })).toThrow(
      WebhookVerificationError,
    );
  });

  it('refuses a secret that is not whsec_ + base64, an empty id and an invalid date', () => {
    const sign = (overrides: Partial<Parameters<typeof signWebhook>[0]>) => () =>
      signWebhook({ id: 'msg_1', timestamp: new Date(), body, secret, ...overrides });
    expect(sign({ secret: 'not-a-secret' })).toThrow(expect.objectContaining({ code: 'INVALID_SECRET' }));
    expect(sign({ secret: 'whsec_' })).toThrow(expect.objectContaining({ code: 'INVALID_SECRET' }));
    expect(sign({ secret: 'whsec_@@@@' })).toThrow(WebhookError);
    expect(sign({ id: '' })).toThrow(expect.objectContaining({ code: 'INVALID_MESSAGE' }));
    expect(sign({ timestamp: new Date(Number.NaN) })).toThrow(
      expect.objectContaining({ code: 'INVALID_MESSAGE' }),
    );
  });
});
