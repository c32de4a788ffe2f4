// Checks for the string formats the schema uses (addresses, CIDRs, URLs, durations...). Each
// returns the reason a value is refused, or undefined when it is fine.
import { isIP } from 'node:net';

export function ipProblem(text: string): string | undefined {
  return isIP(text) === 0 ? `"${text}" is not a valid IP address` : undefined;
}

export function cidrProblem(text: string): string | undefined {
  const bad = `"${text}" is not a valid CIDR`;
  const slash = text.indexOf('/');
  if (slash < 0) return bad;
  const family = isIP(text.slice(0, slash));
  const prefix = text.slice(slash + 1);
  if (family === 0 || !/^\d{1,3}$/.test(prefix)) return bad;
  return Number(prefix) > (family === 4 ? 32 : 128) ? bad : undefined;
}

export function hostnameProblem(text: string): string | undefined {
  const label = /^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/i;
  if (text.length > 253 || !text.split('.').every((part) => label.test(part)))
    return `"${text}" is not a valid hostname`;
  return undefined;
}

/** An http(s) URL (manifests, registry endpoints, CNI manifests). */
export function urlProblem(
  text: string,
  protocols: readonly string[] = ['http:', 'https:'],
): string | undefined {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return `"${text}" is not a valid URL`;
  }
  if (!protocols.includes(url.protocol) || url.hostname === '')
    return `"${text}" must be a ${protocols.map((p) => p.slice(0, -1)).join(' or ')} URL`;
  return undefined;
}

export function absolutePathProblem(text: string): string | undefined {
  return text.startsWith('/') && !text.includes('\0') ? undefined : `"${text}" must be an absolute path`;
}

/** Go-style durations as Talos writes them: "8760h", "1h30m", "90s". */
export function durationProblem(text: string): string | undefined {
  return /^(\d+(\.\d+)?(h|m|s|ms|us|µs|ns))+$/.test(text) ? undefined : `"${text}" is not a valid duration`;
}

/** A byte size: a plain number of bytes, or with a unit ("10GB", "512 MiB"). */
export function sizeProblem(text: string): string | undefined {
  return /^\d+(\.\d+)?\s*([kKMGTP]i?B|B)?$/.test(text) ? undefined : `"${text}" is not a valid size`;
}

/** A base64 value that must decode to exactly `bytes` bytes (encryption secrets). */
export function base64BytesProblem(text: string, bytes: number): string | undefined {
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(text) || text.length % 4 !== 0) return 'must be base64-encoded';
  const length = Buffer.from(text, 'base64').length;
  return length === bytes ? undefined : `must decode to ${bytes} bytes, got ${length}`;
}

/** Kubernetes bootstrap token format: 6 and 16 characters of [a-z0-9]. */
export function bootstrapTokenProblem(text: string): string | undefined {
  return /^[a-z0-9]{6}\.[a-z0-9]{16}$/.test(text)
    ? undefined
    : 'must be a bootstrap token ([a-z0-9]{6}.[a-z0-9]{16})';
}

/** A container image reference; only what is obviously wrong is refused (blanks, a missing name). */
export function imageProblem(text: string): string | undefined {
  return /^[a-z0-9][\w.\-/:@]*$/i.test(text) && !text.endsWith(':')
    ? undefined
    : `"${text}" is not a valid image reference`;
}

/** A host name or IP address, optionally with a port ("time.example.com", "10.0.0.1:123", "[::1]:123"). */
export function hostPortProblem(text: string): string | undefined {
  const bad = `"${text}" is not a valid host or host:port`;
  let host = text;
  const bracketed = /^\[([^\]]+)\](?::(\d{1,5}))?$/.exec(text);
  if (bracketed) return isIP(bracketed[1] ?? '') === 6 && portOk(bracketed[2]) ? undefined : bad;
  if (isIP(text) !== 0) return undefined;
  const withPort = /^([^:]+):(\d{1,5})$/.exec(text);
  if (withPort) {
    if (!portOk(withPort[2])) return bad;
    host = withPort[1] ?? '';
  }
  return isIP(host) !== 0 || hostnameProblem(host) === undefined ? undefined : bad;
}

function portOk(port: string | undefined): boolean {
  return port === undefined || (Number(port) >= 1 && Number(port) <= 65535);
}
