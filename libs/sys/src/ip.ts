// Text forms of addresses as Go's net package prints them (Talos's API carried those strings):
// dotted IPv4, RFC 5952 IPv6 (longest run of zero groups compressed, lower case), and MAC
// addresses as colon-separated lower-case hex.

export const AF_UNSPEC = 0;
export const AF_INET = 2;
export const AF_INET6 = 10;

export function formatIPv4(b: Buffer): string {
  return `${b[0]}.${b[1]}.${b[2]}.${b[3]}`;
}

export function formatIPv6(b: Buffer): string {
  const groups: number[] = [];
  for (let i = 0; i < 16; i += 2) groups.push(b.readUInt16BE(i));
  // IPv4-mapped addresses print as dotted IPv4, as Go does.
  if (groups.slice(0, 5).every((g) => g === 0) && groups[5] === 0xffff) return formatIPv4(b.subarray(12, 16));
  let bestStart = -1;
  let bestLen = 0;
  for (let i = 0; i < 8;) {
    if (groups[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && groups[j] === 0) j++;
    if (j - i > bestLen) {
      bestStart = i;
      bestLen = j - i;
    }
    i = j;
  }
  const hex = (gs: number[]): string => gs.map((g) => g.toString(16)).join(':');
  if (bestLen < 2) return hex(groups);
  return `${hex(groups.slice(0, bestStart))}::${hex(groups.slice(bestStart + bestLen))}`;
}

/** An address of either family from its raw bytes (4 or 16). */
export function formatIP(b: Buffer): string {
  if (b.length === 4) return formatIPv4(b);
  if (b.length === 16) return formatIPv6(b);
  throw new Error(`invalid IP address length ${b.length}`);
}

/** Lower-case colon-separated hex; an empty or all-zero address prints as '' (as Go's net does). */
export function formatMAC(b: Buffer | undefined): string {
  if (!b || b.every((x) => x === 0)) return '';
  return [...b].map((x) => x.toString(16).padStart(2, '0')).join(':');
}

/** `addr/len`, or the family's unspecified address when `addr` is missing. */
export function formatCIDR(family: number, addr: string | undefined, prefixLen: number): string {
  const ip = addr ?? (family === AF_INET6 ? '::' : '0.0.0.0');
  return `${ip}/${prefixLen}`;
}
