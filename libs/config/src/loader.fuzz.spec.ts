// Property-based fuzzing of the config loader: mutations of a valid config (random values at random
// paths, deleted fields, unknown keys, damaged YAML text) and random YAML. Whatever the input, the
// loader either returns a config or throws ConfigError, and it always finishes.
import fc from 'fast-check';
import YAML from 'yaml';
import { NASTY_CONFIG_VALUES, UNKNOWN_CONFIG_KEYS, YAML_TEXT_INSERTS } from '@talos/testing';
import { generateConfigs } from './generate';
import { parseConfig, serializeConfig, validateConfig } from './machine-config';
import { CONFIG_MODES, type ConfigMode } from './modes';
import { ConfigError } from './validation';

type Path = (string | number)[];

const generated = generateConfigs({ clusterName: 'fuzz', endpoint: 'https://10.5.0.2:6443' });

/** A valid config that uses most sections, so mutations land everywhere in the schema. */
function baseTree(): Record<string, unknown> {
  const tree = YAML.parse(serializeConfig(generated.controlplane)) as Record<string, Record<string, unknown>>;
  Object.assign(tree.machine!, {
    kubelet: {
      image: 'k:v1',
      extraArgs: { a: 'b' },
      extraMounts: [{ destination: '/a', source: '/b', options: ['bind'] }],
    },
    network: {
      hostname: 'node1',
      interfaces: [
        {
          interface: 'eth0',
          cidr: '10.5.0.3/24',
          mtu: 1500,
          routes: [{ network: '0.0.0.0/0', gateway: '10.5.0.1' }],
          vlans: [{ vlanId: 5, dhcp: true }],
        },
        {
          interface: 'bond0',
          dhcp: true,
          dhcpOptions: { routeMetric: 10 },
          bond: { mode: 'active-backup', interfaces: ['eth1', 'eth2'], miimon: 100 },
        },
      ],
      nameservers: ['1.1.1.1'],
      extraHostEntries: [{ ip: '10.5.0.2', aliases: ['cp'] }],
    },
    disks: [{ device: '/dev/sdb', partitions: [{ mountpoint: '/var/mnt/x', size: 1024 }] }],
    files: [{ content: 'x', permissions: 0o644, path: '/var/x', op: 'create' }],
    env: { http_proxy: 'http://p:3128' },
    time: { disabled: false, servers: ['pool.ntp.org'] },
    sysctls: { 'net.ipv4.ip_forward': '1' },
    registries: {
      mirrors: { 'docker.io': { endpoints: ['https://m.example.com'] } },
      config: { 'm.example.com': { tls: { insecureSkipVerify: true }, auth: { username: 'u' } } },
    },
  });
  Object.assign(tree.cluster!, {
    aescbcEncryptionSecret: Buffer.alloc(32, 1).toString('base64'),
    apiServer: { certSANs: ['api.example.com'], extraVolumes: [{ hostPath: '/a', mountPath: '/a' }] },
    proxy: { mode: 'ipvs' },
    etcd: { image: 'etcd:v3' },
    extraManifests: ['https://example.com/m.yaml'],
    adminKubeconfig: { certLifetime: '8760h' },
    allowSchedulingOnMasters: false,
  });
  return tree;
}

const BASE_JSON = JSON.stringify(baseTree());
const BASE_TEXT = YAML.stringify(baseTree());

/** A fresh copy of the base tree for each case (cheaper than parsing YAML again). */
function freshTree(): Record<string, unknown> {
  return JSON.parse(BASE_JSON) as Record<string, unknown>;
}

function allPaths(value: unknown, prefix: Path = [], out: Path[] = []): Path[] {
  out.push(prefix);
  if (Array.isArray(value)) value.forEach((item, i) => allPaths(item, [...prefix, i], out));
  else if (value !== null && typeof value === 'object')
    for (const [key, item] of Object.entries(value)) allPaths(item, [...prefix, key], out);
  return out;
}

const PATHS = allPaths(baseTree());

/** Values that are wrong in interesting ways: near-misses of valid ones, and plain junk. */
const nasty = fc.constantFrom<unknown>(...NASTY_CONFIG_VALUES);
const value = fc.oneof(nasty, fc.jsonValue({ maxDepth: 3 }), fc.string(), fc.integer(), fc.boolean());

type Mutation =
  | { kind: 'set'; path: Path; value: unknown }
  | { kind: 'delete'; path: Path }
  | { kind: 'unknown'; path: Path; key: string; value: unknown };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('set' as const), path: fc.constantFrom(...PATHS), value }),
  fc.record({ kind: fc.constant('delete' as const), path: fc.constantFrom(...PATHS) }),
  fc.record({
    kind: fc.constant('unknown' as const),
    path: fc.constantFrom(...PATHS),
    key: fc.oneof(fc.string(), fc.constantFrom(...UNKNOWN_CONFIG_KEYS)),
    value,
  }),
);

function apply(tree: Record<string, unknown>, m: Mutation): Record<string, unknown> {
  if (m.path.length === 0) {
    if (m.kind === 'set') return m.value as Record<string, unknown>;
    if (m.kind === 'delete') return {};
  }
  const parentPath = m.kind === 'unknown' ? m.path : m.path.slice(0, -1);
  let parent: unknown = tree;
  for (const key of parentPath) parent = (parent as Record<string | number, unknown> | null)?.[key];
  if (parent === null || typeof parent !== 'object') return tree;
  const target = parent as Record<string | number, unknown>;
  // An array's `length` (fast-check's strings include it) cannot be redefined: no such document.
  if (m.kind === 'unknown' && Object.getOwnPropertyDescriptor(target, m.key)?.configurable === false)
    return tree;
  if (m.kind === 'unknown')
    Object.defineProperty(target, m.key, {
      value: m.value,
      enumerable: true,
      configurable: true,
      writable: true,
    });
  else if (m.kind === 'set') target[m.path[m.path.length - 1]!] = m.value;
  else if (Array.isArray(target)) {
    // Not splice: an earlier mutation may have set the array's own `constructor`, which splice uses.
    const index = m.path[m.path.length - 1] as number;
    const kept = Array.from(target as unknown[]).filter((_, i) => i !== index);
    (target as unknown[]).length = 0;
    (target as unknown[]).push(...kept);
  } else delete target[m.path[m.path.length - 1]!];
  return tree;
}

const mode = fc.option(fc.constantFrom<ConfigMode>(...CONFIG_MODES), { nil: undefined });

/** The loader's contract: a config, or a ConfigError naming at least one problem. */
function loads(load: () => unknown): boolean {
  try {
    load();
    return true;
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err;
    return err.problems.length > 0;
  }
}

let cases = 0;
const started = Date.now();

describe('config loader fuzzing', () => {
  // Generous: the machine is shared; a real hang still fails the run.
  jest.setTimeout(60_000);

  afterAll(() => {
    const seconds = (Date.now() - started) / 1000;
    // Recorded for the figures (fuzz cases per second).
    process.stdout.write(
      `config fuzz: ${cases} documents in ${seconds.toFixed(1)} s (${Math.round(cases / seconds)}/s)\n`,
    );
    expect(cases).toBeGreaterThanOrEqual(10_000);
  });

  it('mutated trees: validateConfig returns or throws ConfigError', () => {
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 4 }), mode, (mutations, m) => {
        cases++;
        const tree = mutations.reduce(apply, freshTree());
        return loads(() => validateConfig(tree, { mode: m }));
      }),
      { numRuns: 6000 },
    );
  });

  it('mutated trees written as YAML: parseConfig returns or throws ConfigError', () => {
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 3 }), mode, (mutations, m) => {
        cases++;
        const text = YAML.stringify(mutations.reduce(apply, freshTree()));
        return loads(() => parseConfig(text, { mode: m }));
      }),
      { numRuns: 1200 },
    );
  });

  it('damaged YAML text: parseConfig returns or throws ConfigError', () => {
    const edit = fc.record({
      at: fc.nat({ max: BASE_TEXT.length }),
      remove: fc.nat({ max: 40 }),
      insert: fc.oneof(fc.string({ maxLength: 20 }), fc.constantFrom(...YAML_TEXT_INSERTS)),
    });
    fc.assert(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 4 }), mode, (edits, m) => {
        cases++;
        let text = BASE_TEXT;
        for (const e of edits) text = text.slice(0, e.at) + e.insert + text.slice(e.at + e.remove);
        return loads(() => parseConfig(text, { mode: m }));
      }),
      { numRuns: 1500 },
    );
  });

  it('random YAML: parseConfig returns or throws ConfigError', () => {
    const text = fc.oneof(
      fc.string({ maxLength: 200 }),
      fc.jsonValue({ maxDepth: 4 }).map((v) => YAML.stringify(v)),
      fc
        .array(
          fc.constantFrom(
            'version: v1alpha1',
            'machine:',
            'cluster:',
            '  type: join',
            '  - a',
            '  x: &a [1]',
            '  y: *a',
            'a: !!set {x}',
            '%YAML 1.1',
            '---',
            '{',
            'b: !!timestamp 2001-12-14',
            'c: !!binary aGk=',
            '  <<: *a',
          ),
          { maxLength: 12 },
        )
        .map((lines) => lines.join('\n')),
    );
    fc.assert(
      fc.property(text, mode, (t, m) => {
        cases++;
        return loads(() => parseConfig(t, { mode: m }));
      }),
      { numRuns: 2000 },
    );
  });
});
