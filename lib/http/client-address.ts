import 'server-only';
import { BlockList, isIP } from 'node:net';

// The client's address, for per-address limits (account creation, sign-in, check-in, claim
// codes, reports). Headers a client can write are believed only as far as TRUSTED_PROXIES says:
//
// - unset or empty: no proxy in front; the socket address is the client, X-Forwarded-For ignored;
// - a number N: N proxies in front, each appending the address it saw to X-Forwarded-For; the
//   client is the N-th address from the right of X-Forwarded-For + socket address
//   ("1": the last X-Forwarded-For entry, the one the proxy appended);
// - a comma list of addresses or CIDR ranges ("10.0.0.0/8, 192.0.2.7"): reading from the
//   right, the first address that is not one of those proxies is the client.
//
// The socket address reaches route handlers in the PEER_HEADER, which server.mjs (npm start)
// always overwrites; next's own X-Forwarded-For keeps a client-sent value, so it is not used
// for the socket address.
export const PEER_HEADER = 'x-comptoir-peer';

type Trust = { kind: 'none' } | { kind: 'count'; count: number } | { kind: 'list'; list: BlockList };

export function parseTrustedProxies(setting: string | undefined): Trust {
  const value = setting?.trim();
  if (!value) return { kind: 'none' };
  if (/^\d+$/.test(value)) return { kind: 'count', count: Number(value) };
  const list = new BlockList();
  for (const item of value.split(',').map((s) => s.trim()).filter(Boolean)) {
    const [address = '', prefix] = item.split('/');
    const type = isIP(address) === 6 ? 'ipv6' : isIP(address) === 4 ? 'ipv4' : null;
    if (!type) throw new Error(`TRUSTED_PROXIES: "${item}" is not an address or a CIDR range`);
    if (prefix === undefined) list.addAddress(address, type);
    else list.addSubnet(address, Number(prefix), type);
  }
  return { kind: 'list', list };
}

// "::ffff:192.0.2.1" → "192.0.2.1"; "[2001:db8::1]:443" or "192.0.2.1:443" → without the port.
export function normaliseAddress(raw: string): string {
  let value = raw.trim();
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(value);
  if (bracketed) value = bracketed[1]!;
  else if (/^\d{1,3}(\.\d{1,3}){3}:\d+$/.test(value)) value = value.replace(/:\d+$/, '');
  if (/^::ffff:\d{1,3}(\.\d{1,3}){3}$/i.test(value)) value = value.slice(7);
  return value.toLowerCase().slice(0, 64);
}

function isTrusted(list: BlockList, address: string): boolean {
  const type = isIP(address);
  return type !== 0 && list.check(address, type === 6 ? 'ipv6' : 'ipv4');
}

let cachedSetting: string | undefined;
let cachedTrust: Trust | undefined;

function currentTrust(): Trust {
  const setting = process.env.TRUSTED_PROXIES;
  if (!cachedTrust || setting !== cachedSetting) {
    cachedTrust = parseTrustedProxies(setting);
    cachedSetting = setting;
  }
  return cachedTrust;
}

// The one function that says who is calling. 'unknown' when the server gave no socket address
// (e.g. `next dev`): every such request then shares one counter.
export function clientAddress(headers: Headers, trust: Trust = currentTrust()): string {
  const peer = normaliseAddress(headers.get(PEER_HEADER) ?? '') || 'unknown';
  if (trust.kind === 'none') return peer;
  const forwarded = (headers.get('x-forwarded-for') ?? '')
    .split(',')
    .map(normaliseAddress)
    .filter(Boolean);
  const chain = [...forwarded, peer];
  if (trust.kind === 'count') return chain[Math.max(0, chain.length - 1 - trust.count)]!;
  for (let i = chain.length - 1; i >= 0; i--) {
    if (!isTrusted(trust.list, chain[i]!)) return chain[i]!;
  }
  return chain[0]!;
}
