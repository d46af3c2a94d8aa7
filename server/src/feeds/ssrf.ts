import { lookup as dnsLookup } from 'node:dns/promises';
import type { LookupAddress } from 'node:dns';
import type { LookupFunction } from 'node:net';
import ipaddr from 'ipaddr.js';

/**
 * Which addresses a feed fetch may connect to. Feed URLs come from configuration and from
 * redirects chosen by remote servers, so without this a feed could make the server read its own
 * admin ports or the cloud metadata service.
 */
export interface AddressPolicy {
  allowPrivateNetworks: boolean;
  /** CIDR ranges let through even when private networks are refused, such as one known intranet host. */
  allowAddresses?: readonly string[];
}

/** Turns a host name into addresses; injectable so tests and custom resolvers need no real DNS. */
export type Resolve = (hostname: string) => Promise<LookupAddress[]>;

export const systemResolve: Resolve = (hostname) => dnsLookup(hostname, { all: true, verbatim: true });

/** Thrown from the connect-time lookup; the message is meant for the operator. */
export class RefusedAddressError extends Error {
  readonly code = 'DAYLINE_REFUSED_ADDRESS';
  constructor(message: string) {
    super(message);
    this.name = 'RefusedAddressError';
  }
}

const rangeDescriptions: Record<string, string> = {
  loopback: 'a loopback address',
  private: 'a private address',
  uniqueLocal: 'a private address',
  linkLocal: 'a link-local address',
  unspecified: 'an unspecified address',
  carrierGradeNat: 'a carrier-grade NAT address',
  multicast: 'a multicast address',
  broadcast: 'a broadcast address',
};

const ipv4Compatible = ipaddr.parseCIDR('::/96');

/** Describes why an address is not public unicast ("a private address"), or undefined if it is. */
export function nonPublicRange(address: string): string | undefined {
  if (!ipaddr.isValid(address)) return 'an invalid address';
  // process() unwraps IPv4-mapped IPv6 (::ffff:10.0.0.1), which would otherwise pass as IPv6 unicast.
  const parsed = ipaddr.process(address);
  const range = parsed.range();
  // ::/96 is the deprecated IPv4-compatible range (RFC 4291): ::7f00:1, written [::127.0.0.1], means
  // 127.0.0.1 to some stacks, yet ipaddr.js calls it unicast. Nothing public lives there.
  if (range === 'unicast' && parsed.kind() === 'ipv6' && parsed.match(ipv4Compatible))
    return 'an IPv4-compatible address';
  if (range === 'unicast') return undefined;
  return rangeDescriptions[range] ?? 'a reserved address';
}

function isExempt(address: string, policy: AddressPolicy): boolean {
  if (!policy.allowAddresses?.length || !ipaddr.isValid(address)) return false;
  const parsed = ipaddr.process(address);
  return policy.allowAddresses.some((cidr) => {
    // A malformed entry exempts nothing: failing closed beats failing open.
    if (!ipaddr.isValidCIDR(cidr)) return false;
    const [network, bits] = ipaddr.parseCIDR(cidr);
    const candidate =
      network.kind() === 'ipv6' && parsed.kind() === 'ipv4'
        ? (parsed as ipaddr.IPv4).toIPv4MappedAddress()
        : parsed;
    return candidate.kind() === network.kind() && candidate.match(network, bits);
  });
}

/** The operator-facing reason a resolved address is refused for `host`, or undefined when allowed. */
export function refusal(host: string, address: string, policy: AddressPolicy): string | undefined {
  if (policy.allowPrivateNetworks) return undefined;
  const range = nonPublicRange(address);
  if (!range || isExempt(address, policy)) return undefined;
  return host === address
    ? `Refused: ${address} is ${range}`
    : `Refused: ${host} resolves to ${range} (${address})`;
}

/**
 * Checks what can be checked from the URL alone: the scheme, and hosts written as IP literals
 * (the connect-time lookup never sees those, because nothing is resolved).
 */
export function checkUrl(url: URL, policy: AddressPolicy): string | undefined {
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    return `Refused: only http and https feed URLs are fetched, not ${url.protocol.replace(/:$/, '')}`;
  }
  const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
  if (ipaddr.isValid(host)) return refusal(host, host, policy);
  return undefined;
}

/**
 * A `lookup` for net/tls connect options that refuses non-public addresses. Checking inside the
 * connect itself means the address checked is the address used: a DNS answer that changes between
 * a separate check and the connection (rebinding) cannot slip through.
 */
export function guardedLookup(policy: AddressPolicy, resolve: Resolve = systemResolve): LookupFunction {
  return (hostname, options, callback) => {
    resolve(hostname).then(
      (found) => {
        const wanted = options.family === 4 || options.family === 6 ? options.family : undefined;
        const addresses = wanted ? found.filter((a) => a.family === wanted) : found;
        const first = addresses[0];
        if (!first) {
          const error = Object.assign(new Error(`No address found for ${hostname}`), { code: 'ENOTFOUND' });
          callback(error, '', 0);
          return;
        }
        // Any one refused address refuses the host: the connection might pick any of them.
        for (const { address } of addresses) {
          const reason = refusal(hostname, address, policy);
          if (reason) {
            callback(new RefusedAddressError(reason), '', 0);
            return;
          }
        }
        if (options.all) callback(null, addresses);
        else callback(null, first.address, first.family);
      },
      (error: NodeJS.ErrnoException) => callback(error, '', 0),
    );
  };
}
