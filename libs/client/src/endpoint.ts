// Endpoints as users write them ("10.5.0.2", "node1:50000", "[fd00::1]", "fd00::1") turned into
// gRPC targets, with apid's port when none is given.
import { APID_PORT } from '@talos/constants';

export interface Endpoint {
  /** Host as written, without brackets (an IP or a DNS name). */
  host: string;
  port: number;
  /** `host:port` (IPv6 in brackets), the form used for gRPC targets and messages. */
  address: string;
}

export function parseEndpoint(value: string, defaultPort: number = APID_PORT): Endpoint {
  let text = value.trim();
  // Accept URLs too (https://host:port), since endpoints are often pasted from them.
  const scheme = /^[a-z][a-z0-9+.-]*:\/\//i.exec(text);
  if (scheme) text = text.slice(scheme[0].length).replace(/\/.*$/, '');
  if (!text) throw new Error(`invalid endpoint "${value}"`);

  let host = text;
  let port = defaultPort;
  const bracketed = /^\[([^\]]+)\](?::(\d+))?$/.exec(text);
  if (bracketed) {
    host = bracketed[1] as string;
    if (bracketed[2]) port = Number(bracketed[2]);
  } else if ((text.match(/:/g) ?? []).length === 1) {
    const [h, p] = text.split(':') as [string, string];
    if (!/^\d+$/.test(p)) throw new Error(`invalid endpoint "${value}": bad port "${p}"`);
    host = h;
    port = Number(p);
  }
  if (!host || port <= 0 || port > 65535) throw new Error(`invalid endpoint "${value}"`);
  const address = host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`;
  return { host, port, address };
}
