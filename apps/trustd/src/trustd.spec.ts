// trustd over real gRPC and TLS: a node with the token gets its CSR signed by the OS CA.
import * as grpc from '@grpc/grpc-js';
import { Writable } from 'node:stream';
import tls from 'node:tls';
import { clients, type securityapi, type SecurityServiceClient } from '@talos/api';
import { generateConfigs, type MachineConfig } from '@talos/config';
import { METADATA_TOKEN } from '@talos/constants';
import { createLogger } from '@talos/log';
import { certificateInfo, generateKeyAndCSR, keyMatchesCertificate, verifyChain } from '@talos/pki';
import { service as healthService } from 'grpc-health-check';
import { Trustd } from './trustd';

describe('trustd', () => {
  const generated = generateConfigs({ clusterName: 'trust', endpoint: 'https://127.0.0.1:6443' });
  const config: MachineConfig = generated.controlplane;
  const osCA = generated.secrets.certs.os;
  const token = config.machine.token;
  let logText = '';
  const logSink = new Writable({
    write(chunk, _enc, cb) {
      logText += chunk.toString();
      cb();
    },
  });
  let trustd: Trustd;
  let client: SecurityServiceClient;

  beforeAll(async () => {
    trustd = await Trustd.start({
      config,
      address: '127.0.0.1',
      port: 0,
      logger: createLogger({ name: 'trustd', destination: logSink }),
      names: { ipAddresses: ['127.0.0.1'], dnsNames: ['localhost'] },
    });
    client = new clients.securityapi.SecurityService(
      `127.0.0.1:${trustd.port}`,
      grpc.credentials.createSsl(Buffer.from(osCA.crt)),
    );
  });

  afterAll(async () => {
    client?.close();
    await trustd?.stop();
  });

  function certificate(csr: string | Buffer, withToken?: string): Promise<securityapi.CertificateResponse> {
    const md = new grpc.Metadata();
    if (withToken !== undefined) md.set(METADATA_TOKEN, withToken);
    return new Promise((resolve, reject) => {
      client.Certificate({ csr: Buffer.from(csr) }, md, (err, res) => (err ? reject(err) : resolve(res!)));
    });
  }

  it('signs a CSR for a caller with the token: chains to the OS CA, keeps the SANs', async () => {
    const { key, csr } = generateKeyAndCSR({
      commonName: 'node01',
      ipAddresses: ['10.5.0.2'],
      dnsNames: ['node01'],
    });
    const res = await certificate(csr, token);
    const ca = Buffer.from(res.ca).toString();
    const crt = Buffer.from(res.crt).toString();
    expect(ca).toBe(osCA.crt);
    expect(verifyChain(crt, osCA.crt)).toBe(true);
    expect(keyMatchesCertificate(key, crt)).toBe(true);
    const info = certificateInfo(crt);
    expect(info.subject.commonName).toBe('node01');
    expect(info.ipAddresses).toEqual(['10.5.0.2']);
    expect(info.dnsNames).toEqual(['node01']);
    const hours = (info.notAfter.getTime() - Date.now()) / 3600_000;
    expect(hours).toBeGreaterThan(23.9);
    expect(hours).toBeLessThanOrEqual(24);
  });

  it('never copies an O= (role) from the CSR: every certificate it signs is O=os:impersonator', async () => {
    const { csr } = generateKeyAndCSR({ commonName: 'node01', organization: ['os:admin', 'os:reader'] });
    const res = await certificate(csr, token);
    const info = certificateInfo(Buffer.from(res.crt).toString());
    expect(info.subject.organization).toEqual(['os:impersonator']);
    expect(info.subject.commonName).toBe('node01');
  });

  it('refuses a wrong or missing token with UNAUTHENTICATED', async () => {
    const { csr } = generateKeyAndCSR({ commonName: 'node01' });
    await expect(certificate(csr, 'abcdef.0123456789abcdef')).rejects.toMatchObject({
      code: grpc.status.UNAUTHENTICATED,
      details: 'invalid token',
    });
    await expect(certificate(csr, `${token}x`)).rejects.toMatchObject({ code: grpc.status.UNAUTHENTICATED });
    await expect(certificate(csr)).rejects.toMatchObject({ code: grpc.status.UNAUTHENTICATED });
  });

  it('answers INVALID_ARGUMENT for a CSR it cannot use', async () => {
    await expect(certificate('garbage', token)).rejects.toMatchObject({
      code: grpc.status.INVALID_ARGUMENT,
      details: expect.stringMatching(/^error signing csr: cannot parse csr/),
    });
    await expect(certificate(Buffer.alloc(0), token)).rejects.toMatchObject({
      code: grpc.status.INVALID_ARGUMENT,
    });
  });

  it('does not implement ReadFile and WriteFile yet', async () => {
    const err = await new Promise<grpc.ServiceError>((resolve) =>
      client.ReadFile({}, new grpc.Metadata(), (e) => resolve(e!)),
    );
    expect(err.code).toBe(grpc.status.UNIMPLEMENTED);
    expect(err.details).toContain('securityapi.SecurityService/ReadFile');
  });

  it('serves health', async () => {
    const HealthClient = grpc.makeClientConstructor(
      healthService as grpc.ServiceDefinition,
      'grpc.health.v1.Health',
    );
    const health = new HealthClient(
      `127.0.0.1:${trustd.port}`,
      grpc.credentials.createSsl(Buffer.from(osCA.crt)),
    ) as unknown as grpc.Client & {
      check(
        req: { service: string },
        cb: (err: grpc.ServiceError | null, res?: { status: string }) => void,
      ): void;
    };
    try {
      const res = await new Promise<{ status: string } | undefined>((resolve, reject) =>
        health.check({ service: 'securityapi.SecurityService' }, (err, r) =>
          err ? reject(err) : resolve(r),
        ),
      );
      expect(res?.status).toBe('SERVING');
    } finally {
      health.close();
    }
  });

  it('serves a renewed certificate to new connections', async () => {
    const fingerprint = () =>
      new Promise<string>((resolve, reject) => {
        const socket = tls.connect(
          { host: '127.0.0.1', port: trustd.port, ca: osCA.crt, ALPNProtocols: ['h2'] },
          () => {
            resolve(socket.getPeerCertificate().fingerprint256);
            socket.destroy();
          },
        );
        socket.on('error', reject);
      });
    const before = await fingerprint();
    expect(before).toBe(certificateInfo(trustd.servingCertificate.certificate.crt).fingerprintSha256);
    trustd.servingCertificate.renew();
    const after = await fingerprint();
    expect(after).not.toBe(before);
    expect(after).toBe(certificateInfo(trustd.servingCertificate.certificate.crt).fingerprintSha256);
  });

  it('never logs the token', () => {
    expect(logText).toContain('signed certificate');
    expect(logText).toContain('invalid token');
    expect(logText).not.toContain(token);
    expect(logText).not.toContain(token.split('.')[1]);
  });

  it('refuses to start without the CA key (worker config)', async () => {
    await expect(
      Trustd.start({
        config: generated.join,
        address: '127.0.0.1',
        port: 0,
        logger: createLogger({ name: 't', level: 'silent' }),
      }),
    ).rejects.toThrow(
      'error starting trustd: machine.ca.key is missing (machine type join; trustd runs on control-plane machines only)',
    );
  });
});
