import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createPrivateKey } from 'node:crypto';
import { certificateInfo, keyMatchesCertificate, TOKEN_PATTERN, verifyChain } from '@talos/pki';
import { checkGenerateOptions, generateConfigs } from './generate';
import { loadConfig, osCA, parseConfig, serializeConfig } from './machine-config';
import { decodeCertificateAndKey, decodePEM } from './pem';
import { ConfigError } from './validation';

describe('generateConfigs', () => {
  const generated = generateConfigs({
    clusterName: 'demo',
    endpoint: 'https://10.5.0.2:6443',
    additionalSANs: ['demo.example.com', '10.5.0.50'],
  });

  it('round-trips every machine config through YAML', () => {
    for (const cfg of [generated.init, generated.controlplane, generated.join]) {
      const text = serializeConfig(cfg);
      expect(text.startsWith('version: v1alpha1\n')).toBe(true);
      expect(parseConfig(text)).toEqual(cfg);
    }
  });

  it('shares one OS CA and tokens across the machine types; workers get no CA key', () => {
    const { init, controlplane, join, secrets } = generated;
    expect([init.machine.type, controlplane.machine.type, join.machine.type]).toEqual([
      'init',
      'controlplane',
      'join',
    ]);
    expect(osCA(init)).toEqual(secrets.certs.os);
    expect(osCA(controlplane)).toEqual(secrets.certs.os);
    expect(osCA(join)).toEqual({ crt: secrets.certs.os.crt });
    expect(join.machine.ca.key).toBeUndefined();
    expect(serializeConfig(join)).not.toContain('key:');
    for (const cfg of [init, controlplane, join]) {
      expect(cfg.machine.token).toMatch(TOKEN_PATTERN);
      expect(cfg.machine.token).toBe(secrets.trustdInfo.token);
      expect(cfg.cluster.token).toBe(secrets.secrets.bootstrapToken);
      expect(cfg.machine.certSANs).toEqual(['demo.example.com', '10.5.0.50']);
      expect(cfg.cluster).toMatchObject({
        clusterName: 'demo',
        controlPlane: { endpoint: 'https://10.5.0.2:6443' },
      });
    }
    expect(secrets.trustdInfo.token).not.toBe(secrets.secrets.bootstrapToken);
  });

  it('makes an OS CA with O=talos', () => {
    const info = certificateInfo(generated.secrets.certs.os.crt);
    expect(info.isCA).toBe(true);
    expect(info.subject.organization).toEqual(['talos']);
  });

  it('makes the full Talos bundle: four ten-year CAs, an RSA service-account key, tokens, AES-CBC secret', () => {
    const { certs, secrets, trustdInfo } = generated.secrets;
    const subjects = [certs.os, certs.k8s, certs.etcd, certs.k8sAggregator].map((ca) => {
      const info = certificateInfo(ca.crt);
      expect(info.isCA).toBe(true);
      expect(keyMatchesCertificate(ca.key, ca.crt)).toBe(true);
      const years = (info.notAfter.getTime() - Date.now()) / (365 * 86_400_000);
      expect(years).toBeGreaterThan(9.9);
      return info.subject;
    });
    expect(subjects).toEqual([
      { commonName: '', organization: ['talos'] },
      { commonName: '', organization: ['kubernetes'] },
      { commonName: '', organization: ['etcd'] },
      { commonName: 'front-proxy', organization: [] },
    ]);
    const sa = createPrivateKey(certs.k8sServiceAccount.key);
    expect([sa.asymmetricKeyType, sa.asymmetricKeyDetails?.modulusLength]).toEqual(['rsa', 2048]);
    expect(trustdInfo.token).toMatch(TOKEN_PATTERN);
    expect(secrets.bootstrapToken).toMatch(TOKEN_PATTERN);
    expect(Buffer.from(secrets.aescbcEncryptionSecret, 'base64')).toHaveLength(32);
  });

  it('puts the secrets where Talos v0.9 does; control planes get every key', () => {
    const { certs, secrets } = generated.secrets;
    for (const cfg of [generated.init, generated.controlplane]) {
      const { cluster } = cfg;
      expect(decodeCertificateAndKey(cluster.ca!)).toEqual(certs.k8s);
      expect(decodeCertificateAndKey(cluster.aggregatorCA!)).toEqual(certs.k8sAggregator);
      expect(decodeCertificateAndKey(cluster.etcd!.ca!)).toEqual(certs.etcd);
      expect(decodePEM(cluster.serviceAccount!.key)).toBe(certs.k8sServiceAccount.key);
      expect(cluster.aescbcEncryptionSecret).toBe(secrets.aescbcEncryptionSecret);
      expect(cluster.apiServer).toEqual({
        image: 'k8s.gcr.io/kube-apiserver:v1.20.5',
        certSANs: ['demo.example.com', '10.5.0.50'],
      });
      expect(cfg.machine.kubelet).toEqual({ image: 'ghcr.io/talos-systems/kubelet:v1.20.5' });
    }
  });

  it('gives workers the Kubernetes CA certificate and tokens, and no key at all', () => {
    const { cluster } = generated.join;
    expect(decodeCertificateAndKey(cluster.ca!)).toEqual({ crt: generated.secrets.certs.k8s.crt });
    for (const field of ['aggregatorCA', 'serviceAccount', 'etcd', 'aescbcEncryptionSecret'] as const)
      expect(cluster[field]).toBeUndefined();
    const text = serializeConfig(generated.join);
    expect(text).not.toMatch(/\bkey:/);
    expect(text).not.toContain(generated.secrets.secrets.aescbcEncryptionSecret);
  });

  it('applies the gen config options', () => {
    const custom = generateConfigs({
      clusterName: 'demo',
      endpoint: 'https://10.5.0.2:6443',
      installDisk: '/dev/vda',
      dnsDomain: 'corp.internal',
      kubernetesVersion: '1.21.0',
      registryMirrors: { 'docker.io': ['http://10.5.0.1:5000', 'https://mirror.gcr.io'] },
      persist: false,
      secrets: generated.secrets,
    });
    for (const cfg of [custom.init, custom.controlplane, custom.join]) {
      expect(parseConfig(serializeConfig(cfg), { mode: 'metal' })).toEqual(cfg);
      expect(cfg.persist).toBe(false);
      expect(cfg.machine.install?.disk).toBe('/dev/vda');
      expect(cfg.cluster.network?.dnsDomain).toBe('corp.internal');
      expect(cfg.machine.kubelet?.image).toBe('ghcr.io/talos-systems/kubelet:v1.21.0');
      expect(cfg.machine.registries).toEqual({
        mirrors: { 'docker.io': { endpoints: ['http://10.5.0.1:5000', 'https://mirror.gcr.io'] } },
      });
    }
    expect(custom.init.cluster.scheduler?.image).toBe('k8s.gcr.io/kube-scheduler:v1.21.0');
    expect(() =>
      checkGenerateOptions({
        clusterName: 'demo',
        endpoint: 'https://10.5.0.2:6443',
        installDisk: 'sda',
        dnsDomain: 'a..b',
        kubernetesVersion: 'latest',
        registryMirrors: { 'docker.io': ['10.5.0.1:5000'] },
      }),
    ).toThrow(
      '4 problems:\n' +
        '  - machine.install.disk: "sda" must be an absolute path\n' +
        '  - cluster.network.dnsDomain: "a..b" is not a valid hostname\n' +
        '  - kubernetes version: "latest" is not a version (1.20.5)\n' +
        '  - machine.registries.mirrors.docker.io.endpoints: ',
    );
  });

  it('writes a talosconfig with an os:admin client certificate from the OS CA, valid one year', () => {
    const { talosconfig, secrets } = generated;
    expect(talosconfig.context).toBe('demo');
    const ctx = talosconfig.contexts.demo!;
    expect(ctx.endpoints).toEqual(['127.0.0.1']);
    expect(decodePEM(ctx.ca)).toBe(secrets.certs.os.crt);
    const crt = decodePEM(ctx.crt);
    expect(verifyChain(crt, secrets.certs.os.crt)).toBe(true);
    expect(keyMatchesCertificate(decodePEM(ctx.key), crt)).toBe(true);
    const info = certificateInfo(crt);
    expect(info.subject.organization).toEqual(['os:admin']);
    const days = (info.notAfter.getTime() - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(364);
    expect(days).toBeLessThanOrEqual(365);
  });

  it('reuses a given secrets bundle', () => {
    const again = generateConfigs({
      clusterName: 'demo',
      endpoint: 'https://10.5.0.2:6443',
      secrets: generated.secrets,
    });
    expect(again.init.machine.ca).toEqual(generated.init.machine.ca);
    expect(again.join.machine.token).toBe(generated.join.machine.token);
  });

  it('refuses an endpoint that is not https', () => {
    expect(() => generateConfigs({ clusterName: 'demo', endpoint: 'http://10.5.0.2:6443' })).toThrow(
      'cluster.controlPlane.endpoint: "http://10.5.0.2:6443" must be an https URL',
    );
    expect(() => generateConfigs({ clusterName: 'demo', endpoint: '10.5.0.2:6443' })).toThrow(ConfigError);
  });

  it('checks name and endpoint on their own, before any key is made', () => {
    expect(() =>
      checkGenerateOptions({ clusterName: 'demo', endpoint: 'https://10.5.0.2:6443' }),
    ).not.toThrow();
    expect(() => checkGenerateOptions({ clusterName: 'demo', endpoint: '10.5.0.2:6443' })).toThrow(
      'error generating config: cluster.controlPlane.endpoint: "10.5.0.2:6443" must be an https URL',
    );
    expect(() => checkGenerateOptions({ clusterName: 'my demo', endpoint: 'https://a:6443' })).toThrow(
      'cluster.clusterName: "my demo" must not contain whitespace',
    );
    expect(() => checkGenerateOptions({ clusterName: ' ', endpoint: 'ftp://a' })).toThrow(
      '2 problems:\n  - cluster.clusterName: must not be empty\n  - cluster.controlPlane.endpoint: ',
    );
  });

  it('loads a config from disk, and names the file when it cannot', async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'config-'));
    try {
      const file = path.join(dir, 'config.yaml');
      await fs.writeFile(file, serializeConfig(generated.join));
      await expect(loadConfig(file)).resolves.toEqual(generated.join);
      await expect(loadConfig(path.join(dir, 'missing.yaml'))).rejects.toThrow(
        /^error loading config: .*ENOENT/,
      );
      await fs.writeFile(file, 'version: v2\n');
      await expect(loadConfig(file)).rejects.toThrow(`error loading config ${file}`);
    } finally {
      await fs.rm(dir, { recursive: true, force: true });
    }
  });
});
