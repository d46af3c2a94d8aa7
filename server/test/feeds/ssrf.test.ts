import type { LookupAddress } from 'node:dns';
import { describe, expect, it } from 'vitest';
import { checkUrl, guardedLookup, nonPublicRange, refusal, type Resolve } from '../../src/feeds/ssrf.js';

describe('nonPublicRange', () => {
  it.each([
    ['127.0.0.1', 'a loopback address'],
    ['127.255.0.9', 'a loopback address'],
    ['::1', 'a loopback address'],
    ['10.0.0.3', 'a private address'],
    ['172.16.4.4', 'a private address'],
    ['192.168.0.1', 'a private address'],
    ['fd00::5', 'a private address'],
    ['169.254.169.254', 'a link-local address'],
    ['fe80::1', 'a link-local address'],
    ['0.0.0.0', 'an unspecified address'],
    ['::', 'an unspecified address'],
    ['100.64.1.1', 'a carrier-grade NAT address'],
    ['224.0.0.251', 'a multicast address'],
    ['ff02::1', 'a multicast address'],
    ['255.255.255.255', 'a broadcast address'],
    ['240.0.0.1', 'a reserved address'],
    ['192.0.2.10', 'a reserved address'],
    ['2001:db8::1', 'a reserved address'],
    ['::ffff:10.0.0.3', 'a private address'],
    ['::ffff:169.254.169.254', 'a link-local address'],
    ['64:ff9b::a00:3', 'a reserved address'],
    ['::7f00:1', 'an IPv4-compatible address'],
    ['::a00:3', 'an IPv4-compatible address'],
  ])('refuses %s as %s', (address, description) => {
    expect(nonPublicRange(address)).toBe(description);
  });

  it.each(['93.184.215.14', '8.8.8.8', '2606:4700::6810:84e5', '::ffff:8.8.8.8'])(
    'allows public %s',
    (address) => {
      expect(nonPublicRange(address)).toBeUndefined();
    },
  );
});

describe('refusal', () => {
  it('names the host and the address, and respects the switches', () => {
    expect(refusal('feed.example', '10.0.0.3', { allowPrivateNetworks: false })).toBe(
      'Refused: feed.example resolves to a private address (10.0.0.3)',
    );
    expect(refusal('10.0.0.3', '10.0.0.3', { allowPrivateNetworks: false })).toBe(
      'Refused: 10.0.0.3 is a private address',
    );
    expect(refusal('feed.example', '10.0.0.3', { allowPrivateNetworks: true })).toBeUndefined();
    const exempt = { allowPrivateNetworks: false, allowAddresses: ['10.0.0.0/24', 'fd00::/8'] };
    expect(refusal('intranet.example', '10.0.0.3', exempt)).toBeUndefined();
    expect(refusal('intranet.example', '::ffff:10.0.0.3', exempt)).toBeUndefined();
    expect(refusal('intranet.example', 'fd00::3', exempt)).toBeUndefined();
    expect(refusal('intranet.example', '10.0.1.3', exempt)).toMatch(/private address/);
    const malformed = { allowPrivateNetworks: false, allowAddresses: ['10.0.0.0/99', 'intranet'] };
    expect(refusal('intranet.example', '10.0.0.3', malformed)).toMatch(/private address/);
  });
});

describe('checkUrl', () => {
  const strict = { allowPrivateNetworks: false };
  it('refuses other schemes and private literals, and leaves names to the connect-time lookup', () => {
    expect(checkUrl(new URL('javascript:alert(1)'), strict)).toMatch(/only http and https/);
    expect(checkUrl(new URL('http://[::ffff:a9fe:a9fe]/'), strict)).toBe(
      'Refused: ::ffff:a9fe:a9fe is a link-local address',
    );
    expect(checkUrl(new URL('http://0x7f.1/'), strict)).toBe('Refused: 127.0.0.1 is a loopback address');
    expect(checkUrl(new URL('http://localhost/'), strict)).toBeUndefined();
    expect(checkUrl(new URL('https://8.8.8.8/'), strict)).toBeUndefined();
  });
});

describe('guardedLookup', () => {
  const resolve: Resolve = async (hostname) =>
    (
      ({
        'public.example': [{ address: '93.184.215.14', family: 4 }],
        'dual.example': [
          { address: '2606:4700::6810:84e5', family: 6 },
          { address: '93.184.215.14', family: 4 },
        ],
        'mixed.example': [
          { address: '93.184.215.14', family: 4 },
          { address: '192.168.1.1', family: 4 },
        ],
      }) as Record<string, LookupAddress[]>
    )[hostname] ?? [];

  function lookup(hostname: string, options: { all?: boolean; family?: number }) {
    return new Promise<{ error: NodeJS.ErrnoException | null; address: unknown; family?: number }>((done) => {
      guardedLookup({ allowPrivateNetworks: false }, resolve)(hostname, options, (error, address, family) =>
        done({ error, address, family }),
      );
    });
  }

  it('answers in both of the shapes net.connect asks for', async () => {
    expect(await lookup('public.example', {})).toEqual({ error: null, address: '93.184.215.14', family: 4 });
    expect(await lookup('dual.example', { all: true })).toMatchObject({
      error: null,
      address: expect.any(Array),
    });
    expect(await lookup('dual.example', { family: 4 })).toMatchObject({
      address: '93.184.215.14',
      family: 4,
    });
  });

  it('refuses the host if any address is private, and reports names that do not resolve', async () => {
    const mixed = await lookup('mixed.example', { all: true });
    expect(mixed.error?.message).toBe('Refused: mixed.example resolves to a private address (192.168.1.1)');
    expect((await lookup('gone.example', {})).error?.code).toBe('ENOTFOUND');
  });
});
