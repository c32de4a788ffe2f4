import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { loadClientConfig, saveClientConfig } from '@talos/client';
import {
  certificateInfo,
  generateCA,
  issueCertificate,
  keyMatchesCertificate,
  verifyChain,
} from '@talos/pki';
import { runTalosctl } from '../program';
import { describeExpiry, renderContextInfo } from './config';

const ca = generateCA({ organization: 'talos' });
const operator = issueCertificate(ca, {
  commonName: 'bob',
  organization: ['os:operator'],
  validityHours: 365 * 24,
  usage: 'client',
});
const b64 = (pem: string): string => Buffer.from(pem).toString('base64');

describe('talosctl config', () => {
  let dir: string;
  let talosconfig: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'talosctl-config-'));
    talosconfig = path.join(dir, 'talosconfig');
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  async function talosctl(...args: string[]) {
    let stdout = '';
    let stderr = '';
    const code = await runTalosctl(['node', 'talosctl', ...args], {
      stdout: { write: (s: string) => (stdout += s) },
      stderr: { write: (s: string) => (stderr += s) },
      env: { HOME: dir, TALOSCONFIG: talosconfig },
      signal: new AbortController().signal,
    });
    return { code, stdout, stderr };
  }

  function writePems(): { ca: string; crt: string; key: string } {
    const files = {
      ca: path.join(dir, 'ca.crt'),
      crt: path.join(dir, 'bob.crt'),
      key: path.join(dir, 'bob.key'),
    };
    fs.writeFileSync(files.ca, ca.crt);
    fs.writeFileSync(files.crt, operator.crt);
    fs.writeFileSync(files.key, operator.key);
    return files;
  }

  it('add: makes a context from PEM files, current, in a 0600 file; endpoint, node and info follow it', async () => {
    saveClientConfig(talosconfig, { context: 'old', contexts: { old: { endpoints: ['10.5.0.9'] } } });
    const pems = writePems();
    const add = await talosctl('config', 'add', 'bob', '--ca', pems.ca, '--crt', pems.crt, '--key', pems.key);
    expect(add).toEqual({ code: 0, stdout: '', stderr: '' });
    expect(fs.statSync(talosconfig).mode & 0o777).toBe(0o600);
    const cfg = loadClientConfig(talosconfig);
    expect(cfg.context).toBe('bob');
    expect(cfg.contexts.bob).toEqual({
      endpoints: [],
      ca: b64(ca.crt),
      crt: b64(operator.crt),
      key: b64(operator.key),
    });

    expect((await talosctl('config', 'endpoint', '10.5.0.2,10.5.0.3')).code).toBe(0);
    expect((await talosctl('config', 'node', '10.5.0.4')).code).toBe(0);
    const info = await talosctl('config', 'info');
    expect(info.code).toBe(0);
    const day = new Date(Date.now() + 365 * 86_400_000).toISOString().slice(0, 10);
    expect(info.stdout).toBe(
      'Current context:     bob\n' +
        'Nodes:               10.5.0.4\n' +
        'Endpoints:           10.5.0.2, 10.5.0.3\n' +
        'Client:              bob\n' +
        'Roles:               os:operator\n' +
        `Certificate expires: 364 days from now (${day})\n`,
    );
    const other = await talosctl('--context', 'old', 'config', 'info');
    expect(other.stdout).toContain('Endpoints:           10.5.0.9\n');
    expect(other.stdout).toContain('Client:              no client certificate\n');
  });

  it('add: refuses unreadable files and mismatched keys, leaving the talosconfig alone', async () => {
    const pems = writePems();
    const missing = await talosctl(
      'config',
      'add',
      'x',
      '--ca',
      path.join(dir, 'nope'),
      '--crt',
      pems.crt,
      '--key',
      pems.key,
    );
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/^error reading --ca .*nope: ENOENT/);
    fs.writeFileSync(pems.key, generateCA({ organization: 'x' }).key);
    const mismatch = await talosctl(
      'config',
      'add',
      'x',
      '--ca',
      pems.ca,
      '--crt',
      pems.crt,
      '--key',
      pems.key,
    );
    expect(mismatch.stderr).toBe(
      'error adding context "x": key: is not the private key of the certificate in crt\n',
    );
    const noFlags = await talosctl('config', 'add', 'x');
    expect(noFlags.code).toBe(1);
    expect(fs.existsSync(talosconfig)).toBe(false);
  });

  it('new: issues a certificate for the given roles from the CA, keeping endpoints and nodes; refuses unknown roles', async () => {
    saveClientConfig(talosconfig, {
      context: 'c',
      contexts: {
        c: {
          endpoints: ['10.5.0.2'],
          nodes: ['10.5.0.3'],
          ca: b64(ca.crt),
          crt: b64(operator.crt),
          key: b64(operator.key),
        },
      },
    });
    const caCrt = path.join(dir, 'os.crt');
    const caKey = path.join(dir, 'os.key');
    fs.writeFileSync(caCrt, ca.crt);
    fs.writeFileSync(caKey, ca.key, { mode: 0o600 });
    const out = path.join(dir, 'reader.talosconfig');
    const ok = await talosctl(
      'config',
      'new',
      out,
      '--roles',
      'os:reader',
      '--crt-ttl',
      '24',
      '--ca-crt',
      caCrt,
      '--ca-key',
      caKey,
    );
    expect(ok.code).toBe(0);
    expect(fs.statSync(out).mode & 0o777).toBe(0o600);
    const created = loadClientConfig(out);
    const ctx = created.contexts[created.context]!;
    expect(ctx.endpoints).toEqual(['10.5.0.2']);
    expect(ctx.nodes).toEqual(['10.5.0.3']);
    const crt = Buffer.from(ctx.crt!, 'base64').toString();
    expect(certificateInfo(crt).subject.organization).toEqual(['os:reader']);
    expect(verifyChain(crt, ca.crt)).toBe(true);
    expect(keyMatchesCertificate(Buffer.from(ctx.key!, 'base64').toString(), crt)).toBe(true);
    const hours = (certificateInfo(crt).notAfter.getTime() - Date.now()) / 3_600_000;
    expect(hours).toBeGreaterThan(23);
    expect(hours).toBeLessThanOrEqual(24);

    const bad = await talosctl(
      'config',
      'new',
      path.join(dir, 'x'),
      '--roles',
      'os:root',
      '--ca-crt',
      caCrt,
      '--ca-key',
      caKey,
    );
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toContain('os:root');
    expect(fs.existsSync(path.join(dir, 'x'))).toBe(false);
  });

  it('context, contexts and merge', async () => {
    saveClientConfig(talosconfig, {
      context: 'a',
      contexts: { a: { endpoints: ['10.5.0.2'] }, b: { endpoints: ['10.5.0.3'] } },
    });
    expect((await talosctl('config', 'context', 'b')).code).toBe(0);
    expect(loadClientConfig(talosconfig).context).toBe('b');
    expect((await talosctl('config', 'context', 'zzz')).stderr).toContain('context "zzz" is not defined');

    const other = path.join(dir, 'other');
    saveClientConfig(other, { context: 'a', contexts: { a: { endpoints: ['10.6.0.2'] } } });
    const merged = await talosctl('config', 'merge', other);
    expect(merged.stderr).toBe('renamed talosconfig context "a" -> "a-1"\n');
    const forced = await talosctl('config', 'merge', other, '--force');
    expect(forced).toMatchObject({ code: 0, stderr: '' });
    const list = await talosctl('config', 'contexts');
    expect(list.stdout.split('\n')).toEqual([
      'CURRENT   NAME   ENDPOINTS   NODES',
      '*         a      10.6.0.2    ',
      '          a-1    10.6.0.2    ',
      '          b      10.5.0.3    ',
      '',
    ]);
  });
});

describe('config info rendering', () => {
  it('says how long the certificate has left, or how long ago it expired', () => {
    const now = new Date('2026-01-01T00:00:00Z');
    const at = (ms: number) => new Date(now.getTime() + ms);
    expect(describeExpiry(at(366 * 86_400_000), now)).toBe('1 year from now');
    expect(describeExpiry(at(2 * 86_400_000 + 5), now)).toBe('2 days from now');
    expect(describeExpiry(at(3_600_000), now)).toBe('1 hour from now');
    expect(describeExpiry(at(-90_000), now)).toBe('expired 1 minute ago');
  });

  it('shows "not defined" for missing lists and "none" for a certificate without roles', () => {
    const out = renderContextInfo(
      {
        name: 'x',
        endpoints: [],
        nodes: [],
        certificate: { commonName: 'admin', roles: [], notBefore: new Date(0), notAfter: new Date(0) },
      },
      new Date(86_400_000),
    );
    expect(out).toContain('Nodes:               not defined\n');
    expect(out).toContain('Roles:               none\n');
    expect(out).toContain('Certificate expires: expired 1 day ago (1970-01-01)\n');
  });
});
