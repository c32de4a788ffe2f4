import { generateCA, issueCertificate } from '@talos/pki';
import type { ClientConfig } from './talosconfig';
import { addContext, contextInfo } from './talosconfig-context';
import { serializeClientConfig, parseClientConfig } from './talosconfig';

const ca = generateCA({ organization: 'talos' });
const reader = issueCertificate(ca, {
  commonName: 'alice',
  organization: ['os:reader', 'os:operator'],
  validityHours: 48,
  usage: 'client',
});
const stranger = generateCA({ organization: 'other' });

const b64 = (pem: string): string => Buffer.from(pem).toString('base64');

describe('addContext', () => {
  it('stores the PEM files base64-encoded, makes the context current and survives a save', () => {
    const cfg: ClientConfig = { context: 'old', contexts: { old: { endpoints: ['10.5.0.2'] } } };
    addContext(cfg, 'alice', { ca: ca.crt, crt: reader.crt, key: reader.key });
    expect(cfg.context).toBe('alice');
    expect(cfg.contexts.alice).toEqual({
      endpoints: [],
      ca: b64(ca.crt),
      crt: b64(reader.crt),
      key: b64(reader.key),
    });
    expect(cfg.contexts.old).toEqual({ endpoints: ['10.5.0.2'] });
    expect(parseClientConfig(serializeClientConfig(cfg))).toEqual(cfg);
  });

  it('replaces the credentials of an existing context but keeps its endpoints and nodes', () => {
    const cfg: ClientConfig = {
      context: '',
      contexts: { demo: { endpoints: ['10.5.0.2'], nodes: ['10.5.0.3'], ca: 'eA==' } },
    };
    addContext(cfg, 'demo', { ca: ca.crt, crt: reader.crt, key: reader.key });
    expect(cfg.contexts.demo).toMatchObject({
      endpoints: ['10.5.0.2'],
      nodes: ['10.5.0.3'],
      ca: b64(ca.crt),
    });
  });

  it('refuses credentials that cannot work, naming each, and leaves the config alone', () => {
    const cfg: ClientConfig = { context: 'old', contexts: {} };
    expect(() => addContext(cfg, 'bad', { ca: 'nope', crt: reader.crt, key: stranger.key })).toThrow(
      /^error adding context "bad": ca: .+; key: is not the private key of the certificate in crt$/,
    );
    expect(() => addContext(cfg, ' ', { ca: ca.crt, crt: reader.crt, key: reader.key })).toThrow(
      'the name must not be empty',
    );
    expect(cfg).toEqual({ context: 'old', contexts: {} });
  });
});

describe('contextInfo', () => {
  it('shows the current context, its endpoints and nodes, and the certificate roles and expiry', () => {
    const cfg: ClientConfig = {
      context: 'alice',
      contexts: {
        alice: { endpoints: ['10.5.0.2'], nodes: ['10.5.0.3', '10.5.0.4'], crt: b64(reader.crt) },
        bare: { endpoints: [] },
      },
    };
    const info = contextInfo(cfg);
    expect(info).toMatchObject({
      name: 'alice',
      endpoints: ['10.5.0.2'],
      nodes: ['10.5.0.3', '10.5.0.4'],
      certificate: { commonName: 'alice', roles: ['os:reader', 'os:operator'] },
    });
    const hours = (info.certificate!.notAfter.getTime() - Date.now()) / 3_600_000;
    expect(hours).toBeGreaterThan(47);
    expect(hours).toBeLessThanOrEqual(48);
    expect(contextInfo(cfg, 'bare')).toEqual({ name: 'bare', endpoints: [], nodes: [] });
    expect(() => contextInfo(cfg, 'missing')).toThrow('context "missing" is not defined');
  });

  it('says which context holds a certificate that does not parse', () => {
    const cfg: ClientConfig = { context: 'x', contexts: { x: { endpoints: [], crt: b64('garbage') } } };
    expect(() => contextInfo(cfg)).toThrow(/^error reading the client certificate of context "x": /);
  });
});
