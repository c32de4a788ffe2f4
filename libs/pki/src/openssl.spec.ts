// Certificates and CSRs judged by another implementation: OpenSSL verifies what this lib issues,
// and this lib signs requests OpenSSL made (RSA and EC keys).
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateCA } from './ca';
import { generateKeyAndCSR } from './csr';
import { certificateInfo, keyMatchesCertificate, verifyChain } from './inspect';
import { issueCertificate, signCSR } from './sign';

describe('interoperability with OpenSSL', () => {
  const ca = generateCA({ organization: 'talos' });
  let dir: string;

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'pki-openssl-'));
    writeFileSync(join(dir, 'ca.pem'), ca.crt);
  });

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  function openssl(args: string[]): string {
    return execFileSync('openssl', args, { cwd: dir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  }

  function file(name: string, content: string): string {
    writeFileSync(join(dir, name), content);
    return name;
  }

  it('verifies an issued EC leaf against the RSA CA, with the names and key usage asked for', () => {
    const { crt } = issueCertificate(ca, {
      commonName: 'apid',
      ipAddresses: ['10.5.0.2'],
      dnsNames: ['node01'],
      validityHours: 1,
      usage: 'server',
    });
    const leaf = file('leaf.pem', crt);
    expect(openssl(['verify', '-CAfile', 'ca.pem', '-purpose', 'sslserver', leaf])).toBe(`${leaf}: OK\n`);
    const text = openssl(['x509', '-in', leaf, '-noout', '-text']);
    expect(text).toMatch(/Public Key Algorithm: id-ecPublicKey/);
    expect(text).toMatch(/NIST CURVE: P-256/);
    expect(text).toMatch(/Signature Algorithm: sha256WithRSAEncryption/);
    expect(text).toMatch(/DNS:node01, IP Address:10\.5\.0\.2/);
    expect(text).toMatch(/Key Usage: critical\s+Digital Signature\n/);
    const other = file('other-ca.pem', generateCA({ organization: 'talos' }).crt);
    expect(() => openssl(['verify', '-CAfile', other, leaf])).toThrow();
  });

  it('makes CSRs OpenSSL verifies', () => {
    const { csr } = generateKeyAndCSR({
      commonName: 'node01',
      organization: ['os:node'],
      ipAddresses: ['10.5.0.2'],
    });
    const req = file('node.csr', csr);
    // OpenSSL 3.0 exits 0 even when the self-signature fails: judge by what it prints.
    const run = spawnSync('openssl', ['req', '-in', req, '-verify', '-noout', '-text'], {
      cwd: dir,
      encoding: 'utf8',
    });
    expect(run.stderr).toMatch(/self-signature verify OK/);
    const out = run.stdout;
    expect(out).toMatch(/Subject: O ?= ?os:node, CN ?= ?node01/);
    expect(out).toMatch(/ecdsa-with-SHA256/);
    expect(out).toMatch(/IP Address:10\.5\.0\.2/);
  });

  it.each([
    ['RSA', ['-newkey', 'rsa:2048'], true],
    ['EC', ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256'], false],
  ])('signs an %s CSR made by OpenSSL', (kind, keyArgs, keyEncipherment) => {
    const name = kind.toLowerCase();
    openssl([
      'req',
      '-new',
      ...keyArgs,
      '-nodes',
      '-keyout',
      `${name}.key`,
      '-out',
      `${name}.csr`,
      '-subj',
      '/O=os:admin/CN=operator',
      '-addext',
      'subjectAltName=DNS:op.example,IP:10.0.0.9',
    ]);
    const csr = readFileSync(join(dir, `${name}.csr`), 'utf8');
    const crt = signCSR(ca, csr, { validityHours: 1, usage: 'client', organization: ['os:reader'] });
    expect(keyMatchesCertificate(readFileSync(join(dir, `${name}.key`), 'utf8'), crt)).toBe(true);
    expect(verifyChain(crt, ca.crt)).toBe(true);
    const info = certificateInfo(crt);
    expect(info.subject).toEqual({ commonName: 'operator', organization: ['os:reader'] });
    expect(info.dnsNames).toEqual(['op.example']);
    expect(info.ipAddresses).toEqual(['10.0.0.9']);
    const leaf = file(`${name}.pem`, crt);
    expect(openssl(['verify', '-CAfile', 'ca.pem', '-purpose', 'sslclient', leaf])).toBe(`${leaf}: OK\n`);
    const text = openssl(['x509', '-in', leaf, '-noout', '-ext', 'keyUsage']);
    expect(text.includes('Key Encipherment')).toBe(keyEncipherment);
  });

  it('refuses a garbage CSR', () => {
    const garbage = '-----BEGIN CERTIFICATE REQUEST-----\nAAAAAAAA\n-----END CERTIFICATE REQUEST-----\n';
    expect(() => signCSR(ca, garbage, { validityHours: 1, usage: 'both' })).toThrow(
      /^error signing csr: cannot parse csr: /,
    );
  });
});
