import { generateCA } from '@talos/pki';
import YAML from 'yaml';
import { generateConfigs } from './generate';
import { configJson, parseConfig, validateConfig } from './machine-config';
import { encodePEM } from './pem';
import { ConfigError } from './validation';

const ca = generateCA({ organization: 'talos' });
// A control plane must carry the cluster's keys; these tests are about everything else.
const clusterSecrets = (() => {
  const { cluster } = generateConfigs({
    clusterName: 'demo',
    endpoint: 'https://10.5.0.2:6443',
  }).controlplane;
  return {
    token: cluster.token,
    aescbcEncryptionSecret: cluster.aescbcEncryptionSecret,
    ca: cluster.ca,
    aggregatorCA: cluster.aggregatorCA,
    serviceAccount: cluster.serviceAccount,
    etcd: cluster.etcd,
  };
})();

// Tests write wrong types into arbitrary fields on purpose.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
function validDoc(): Record<string, any> {
  return {
    version: 'v1alpha1',
    machine: {
      type: 'controlplane',
      token: 'abcdef.0123456789abcdef',
      ca: { crt: encodePEM(ca.crt), key: encodePEM(ca.key) },
    },
    cluster: {
      controlPlane: { endpoint: 'https://10.5.0.2:6443' },
      clusterName: 'demo',
      ...structuredClone(clusterSecrets),
    },
  };
}

function problemsOf(doc: unknown): string[] {
  try {
    validateConfig(doc);
  } catch (err) {
    if (err instanceof ConfigError) return err.problems;
    throw err;
  }
  return [];
}

describe('parseConfig', () => {
  it('reads the JSON the daemons get as the same config as its YAML', () => {
    const doc = validDoc();
    doc.machine.network = { hostname: 'node01' };
    const text = `# written by hand\n${YAML.stringify(doc)}`;
    const fromYaml = parseConfig(text);
    const json = configJson(fromYaml);
    expect(JSON.parse(json)).toEqual(doc);
    expect(parseConfig(json)).toEqual(fromYaml);
    // A config built in code (no YAML behind it) serializes its data.
    expect(parseConfig(configJson(validateConfig(doc)))).toEqual(fromYaml);
  });

  it('reads a YAML flow mapping that is not strict JSON as YAML, and names JSON problems by field', () => {
    const flow = `{version: v1alpha1, machine: ${JSON.stringify(validDoc().machine)}, cluster: ${JSON.stringify(validDoc().cluster)}}`;
    expect(parseConfig(flow).machine.type).toBe('controlplane');
    const doc = validDoc();
    doc.machine.type = 'foo';
    expect(() => parseConfig(JSON.stringify(doc))).toThrow(/machine.type: "foo" is not one of/);
  });

  it('applies defaults to a minimal document', () => {
    const cfg = parseConfig(YAML.stringify(validDoc()));
    expect(cfg.debug).toBe(false);
    expect(cfg.persist).toBe(true);
    expect(cfg.machine.certSANs).toEqual([]);
    expect(cfg.machine.network).toBeUndefined();
  });

  it('keeps optional sections', () => {
    const doc = validDoc();
    doc.debug = true;
    doc.machine.network = { hostname: 'node01' };
    doc.machine.time = { disabled: false, servers: ['time.cloudflare.com'] };
    const cfg = parseConfig(YAML.stringify(doc));
    expect(cfg.debug).toBe(true);
    expect(cfg.machine.network).toEqual({ hostname: 'node01' });
    expect(cfg.machine.time).toEqual({ disabled: false, servers: ['time.cloudflare.com'] });
  });

  it('reports every problem with its field path', () => {
    const doc = validDoc();
    doc.version = 'v1alpha2';
    doc.machine.type = 'foo';
    doc.machine.certSANs = ['ok', 7];
    doc.machine.time = { disabled: 'yes' };
    doc.cluster.controlPlane.endpoint = 'http://10.5.0.2:6443';
    delete doc.cluster.clusterName;
    expect(problemsOf(doc)).toEqual([
      'version: "v1alpha2" is not supported (only v1alpha1)',
      'machine.type: "foo" is not one of init, controlplane, join',
      'machine.certSANs[1]: must be a string, got number',
      'machine.time.disabled: must be true or false, got string',
      'cluster.controlPlane.endpoint: "http://10.5.0.2:6443" must be an https URL',
      'cluster.clusterName: is required',
    ]);
  });

  it('puts every problem in the error message', () => {
    const doc = validDoc();
    doc.machine.type = 'foo';
    delete doc.machine.token;
    expect(() => validateConfig(doc)).toThrow(
      /2 problems:\n {2}- machine.type: .*\n {2}- machine.token: is required/,
    );
  });

  it('refuses unknown keys at any level', () => {
    const doc = validDoc();
    doc.extra = 1;
    doc.machine.netwrok = {};
    doc.cluster.controlPlane.port = 6443;
    expect(problemsOf(doc)).toEqual([
      'extra: unknown field',
      'machine.netwrok: unknown field',
      'cluster.controlPlane.port: unknown field',
    ]);
  });

  it('requires sections and checks their shape', () => {
    expect(problemsOf({ version: 'v1alpha1' })).toEqual(['machine: is required', 'cluster: is required']);
    expect(problemsOf({ version: 'v1alpha1', machine: [], cluster: 'x' })).toEqual([
      'machine: must be a mapping, got a list',
      'cluster: must be a mapping, got string',
    ]);
    expect(problemsOf('text')).toEqual(['(document): must be a mapping, got string']);
  });

  it('checks the CA fields: base64 PEM of the right kind, key required on control planes', () => {
    const doc = validDoc();
    doc.machine.ca = { crt: 'not base64 pem' };
    expect(problemsOf(doc)).toEqual([
      'machine.ca.crt: must be base64-encoded PEM',
      'machine.ca.key: is required on controlplane machines (trustd signs with it)',
    ]);
    doc.machine.type = 'join';
    doc.machine.ca = { crt: encodePEM(ca.key) };
    expect(problemsOf(doc)).toEqual(['machine.ca.crt: must hold a PEM certificate, found "RSA PRIVATE KEY"']);
    doc.machine.ca = { crt: encodePEM(ca.crt) };
    expect(problemsOf(doc)).toEqual([]);
  });

  it('reports YAML syntax errors', () => {
    expect(() => parseConfig('machine: [\n')).toThrow(/^error parsing machine config: yaml: /);
    expect(() => parseConfig('a: 1\na: 2\n')).toThrow(ConfigError);
  });
});
