// Figures: config load + validate time for a control-plane config with 200 network interfaces, and
// the loader fuzz rate (mutated documents per second through parseConfig/validateConfig).
// Usage: nx run bench:config [-- --runs N --fuzz-seconds S --seed N]
// Exits 1 if the loader throws anything but ConfigError: that would be a loader bug, not a figure.
import { performance } from 'node:perf_hooks';
import YAML from 'yaml';
import {
  CONFIG_MODES,
  ConfigError,
  generateConfigs,
  parseConfig,
  serializeConfig,
  validateConfig,
  type ConfigMode,
} from '@talos/config';
import { ms, rate, table } from './report';
import { NASTY_CONFIG_VALUES, UNKNOWN_CONFIG_KEYS, YAML_TEXT_INSERTS } from '@talos/testing';

const INTERFACES = 200;
const WARMUP = 20;

function flag(argv: string[], name: string, fallback: number): number {
  const i = argv.indexOf(name);
  if (i < 0) return fallback;
  const value = Number(argv[i + 1]);
  if (!Number.isFinite(value) || value <= 0)
    throw new Error(`${name}: expected a positive number, got ${argv[i + 1]}`);
  return value;
}

/** One interface of the mix: static with routes, DHCP, VLAN carriers, ignored links. */
function networkInterface(i: number): Record<string, unknown> {
  const octet2 = Math.floor(i / 250);
  const octet3 = i % 250;
  switch (i % 4) {
    case 0:
      return {
        interface: `eth${i}`,
        cidr: `10.${octet2}.${octet3}.2/24`,
        mtu: 1500,
        routes: [
          { network: `192.168.${octet3}.0/24`, gateway: `10.${octet2}.${octet3}.1` },
          { network: '0.0.0.0/0', gateway: `10.${octet2}.${octet3}.1` },
        ],
      };
    case 1:
      return { interface: `eth${i}`, dhcp: true, dhcpOptions: { routeMetric: 100 + i } };
    case 2:
      return {
        interface: `eth${i}`,
        dhcp: false,
        vlans: [
          {
            vlanId: 10 + (i % 4000),
            cidr: `172.16.${octet3}.2/24`,
            routes: [{ network: '0.0.0.0/0', gateway: `172.16.${octet3}.1` }],
          },
          { vlanId: 11 + (i % 4000), dhcp: true },
        ],
      };
    default:
      return { interface: `eth${i}`, ignore: true };
  }
}

function configText(generated: ReturnType<typeof generateConfigs>, interfaces: number): string {
  const doc = YAML.parseDocument(serializeConfig(generated.controlplane));
  doc.setIn(['machine', 'network'], {
    hostname: 'cp1',
    interfaces: Array.from({ length: interfaces }, (_, i) => networkInterface(i)),
    nameservers: ['1.1.1.1', '8.8.8.8'],
  });
  return doc.toString();
}

function percentiles(samples: number[]): { min: number; p50: number; p99: number } {
  const s = [...samples].sort((a, b) => a - b);
  const at = (q: number): number => s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)] as number;
  return { min: s[0] as number, p50: at(0.5), p99: at(0.99) };
}

function timeLoad(text: string, mode: ConfigMode | undefined, runs: number): number[] {
  for (let i = 0; i < WARMUP; i++) parseConfig(text, { mode });
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    parseConfig(text, { mode });
    samples.push(performance.now() - t0);
  }
  return samples;
}

function timeValidate(tree: unknown, mode: ConfigMode | undefined, runs: number): number[] {
  for (let i = 0; i < WARMUP; i++) validateConfig(tree, { mode });
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    validateConfig(tree, { mode });
    samples.push(performance.now() - t0);
  }
  return samples;
}

// --- fuzzing: a small seeded mutator (mulberry32), so a failing case can be replayed by seed.

type Random = () => number;

function mulberry32(seed: number): Random {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(rnd: Random, items: readonly T[]): T => items[Math.floor(rnd() * items.length)] as T;

const NASTY = NASTY_CONFIG_VALUES;
const TEXT_INSERTS = [...YAML_TEXT_INSERTS, 'zz'];
const KEYS = [...UNKNOWN_CONFIG_KEYS, 'x'];

function randomValue(rnd: Random): unknown {
  const r = rnd();
  if (r < 0.6) return pick(rnd, NASTY);
  if (r < 0.8) return Math.floor(rnd() * 200_000) - 100_000;
  return String.fromCharCode(
    ...Array.from({ length: Math.floor(rnd() * 12) }, () => 32 + Math.floor(rnd() * 95)),
  );
}

type Path = (string | number)[];

function allPaths(value: unknown, prefix: Path = [], out: Path[] = []): Path[] {
  out.push(prefix);
  if (Array.isArray(value)) value.forEach((item, i) => allPaths(item, [...prefix, i], out));
  else if (value !== null && typeof value === 'object')
    for (const [key, item] of Object.entries(value)) allPaths(item, [...prefix, key], out);
  return out;
}

/** One mutation in place: set a junk value, delete a field, or add an unknown key. */
function mutate(rnd: Random, tree: Record<string, unknown>, paths: Path[]): Record<string, unknown> {
  const path = pick(rnd, paths);
  const kind = pick(rnd, ['set', 'delete', 'unknown'] as const);
  if (path.length === 0) return kind === 'set' ? (randomValue(rnd) as Record<string, unknown>) : tree;
  const parentPath = kind === 'unknown' ? path : path.slice(0, -1);
  let parent: unknown = tree;
  for (const key of parentPath)
    parent = (parent as Record<string | number, unknown> | null | undefined)?.[key];
  if (parent === null || typeof parent !== 'object') return tree;
  const target = parent as Record<string | number, unknown>;
  const last = path[path.length - 1] as string | number;
  if (kind === 'unknown')
    Object.defineProperty(target, pick(rnd, KEYS), {
      value: randomValue(rnd),
      enumerable: true,
      configurable: true,
      writable: true,
    });
  else if (kind === 'set') target[last] = randomValue(rnd);
  else if (Array.isArray(target)) target.splice(last as number, 1);
  else delete target[last];
  return tree;
}

function damageText(rnd: Random, text: string): string {
  const edits = 1 + Math.floor(rnd() * 4);
  let out = text;
  for (let i = 0; i < edits; i++) {
    const at = Math.floor(rnd() * (out.length + 1));
    const remove = Math.floor(rnd() * 40);
    out = out.slice(0, at) + pick(rnd, TEXT_INSERTS) + out.slice(at + remove);
  }
  return out;
}

interface FuzzResult {
  cases: number;
  accepted: number;
  refused: number;
  seconds: number;
  byKind: Record<string, number>;
}

function fuzz(baseText: string, seconds: number, seed: number): FuzzResult {
  const rnd = mulberry32(seed);
  const baseJson = JSON.stringify(YAML.parse(baseText));
  const paths = allPaths(JSON.parse(baseJson));
  const modes: readonly (ConfigMode | undefined)[] = [undefined, ...CONFIG_MODES];
  const result: FuzzResult = {
    cases: 0,
    accepted: 0,
    refused: 0,
    seconds: 0,
    byKind: { tree: 0, yaml: 0, text: 0 },
  };
  const started = performance.now();
  const deadline = started + seconds * 1000;
  while (performance.now() < deadline) {
    const mode = pick(rnd, modes);
    const kind = pick(rnd, ['tree', 'tree', 'yaml', 'text'] as const);
    let load: () => unknown;
    let input: string;
    if (kind === 'text') {
      input = damageText(rnd, baseText);
      load = () => parseConfig(input, { mode });
    } else {
      let tree = JSON.parse(baseJson) as Record<string, unknown>;
      const n = 1 + Math.floor(rnd() * 4);
      for (let i = 0; i < n; i++) tree = mutate(rnd, tree, paths);
      if (kind === 'yaml') {
        input = YAML.stringify(tree);
        load = () => parseConfig(input, { mode });
      } else {
        input = '(tree)';
        load = () => validateConfig(tree, { mode });
      }
    }
    result.cases++;
    result.byKind[kind] = (result.byKind[kind] ?? 0) + 1;
    try {
      load();
      result.accepted++;
    } catch (err) {
      if (!(err instanceof ConfigError) || err.problems.length === 0) {
        process.stderr.write(
          `loader threw something other than a ConfigError (seed ${seed}, case ${result.cases}, ${kind}, mode ${mode ?? 'none'}): ${(err as Error)?.stack ?? String(err)}\n`,
        );
        process.exit(1);
      }
      result.refused++;
    }
  }
  result.seconds = (performance.now() - started) / 1000;
  return result;
}

function main(): void {
  const runs = flag(process.argv, '--runs', 200);
  const fuzzSeconds = flag(process.argv, '--fuzz-seconds', 5);
  const seed = flag(process.argv, '--seed', 1);

  const generated = generateConfigs({ clusterName: 'bench', endpoint: 'https://10.5.0.2:6443' });
  const text = configText(generated, INTERFACES);
  const tree = YAML.parse(text) as unknown;
  const cfg = parseConfig(text, { mode: 'metal' });
  const links = cfg.machine.network?.interfaces ?? [];
  const vlans = links.reduce((n, l) => n + (l.vlans?.length ?? 0), 0);
  const routes = links.reduce(
    (n, l) => n + (l.routes?.length ?? 0) + (l.vlans ?? []).reduce((m, v) => m + (v.routes?.length ?? 0), 0),
    0,
  );
  process.stdout.write(
    `== config load + validate: control-plane config, ${links.length} interfaces (${vlans} VLANs, ${routes} routes), ` +
      `${Buffer.byteLength(text)} bytes, ${text.split('\n').length} lines; ${runs} runs after ${WARMUP} warm-up\n`,
  );
  const rows: (string | number)[][] = [];
  for (const mode of [undefined, 'metal'] as const) {
    const label = mode ?? 'no mode';
    const load = percentiles(timeLoad(text, mode, runs));
    rows.push([`parseConfig (YAML parse + validate), ${label}`, ms(load.p50), ms(load.p99), ms(load.min)]);
    const validate = percentiles(timeValidate(tree, mode, runs));
    rows.push([
      `validateConfig (parsed tree), ${label}`,
      ms(validate.p50),
      ms(validate.p99),
      ms(validate.min),
    ]);
  }
  process.stdout.write(`${table(['WHAT', 'P50', 'P99', 'MIN'], rows)}\n\n`);

  // Fuzzed from the same config with 4 interfaces (one of each kind): mutations then land across the
  // whole schema rather than mostly in the interface list.
  const fuzzText = configText(generated, 4);
  const r = fuzz(fuzzText, fuzzSeconds, seed);
  process.stdout.write(
    `== loader fuzz: mutated control-plane config with 4 interfaces (${Buffer.byteLength(fuzzText)} bytes), ${r.seconds.toFixed(1)} s, seed ${seed}\n`,
  );
  process.stdout.write(
    `${table(
      ['CASES', 'RATE', 'ACCEPTED', 'REFUSED (ConfigError)', 'OTHER', 'TREE/YAML/TEXT'],
      [
        [
          r.cases,
          rate(r.cases / r.seconds),
          r.accepted,
          r.refused,
          0,
          `${r.byKind.tree}/${r.byKind.yaml}/${r.byKind.text}`,
        ],
      ],
    )}\n`,
  );
}

main();
