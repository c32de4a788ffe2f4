// Renewal of apid's serving certificate with 6-second certificates from a CA standing in for
// trustd, on timers the test fires: half-life scheduling, back-off, and a TLS context swap that
// new connections see while an open stream through apid keeps flowing.
import * as path from 'node:path';
import * as tls from 'node:tls';
import * as grpc from '@grpc/grpc-js';
import { clients, common, services, type MachineServiceHandlers } from '@talos/api';
import { silentLogger } from '@talos/log';
import { certificateInfo, signCSR } from '@talos/pki';
import { createServer, implement, listenUnix, unixBackend } from '@talos/rpc';
import { createTestPKI, makeTmpDir, type TmpDir } from '@talos/testing';
import { Apid } from './apid';
import { TrustdCertificateProvider } from './certificate-provider';
import { CertificateRenewal, type RenewalTimers } from './certificate-renewal';

const pki = createTestPKI();
const admin = pki.issue({ commonName: 'admin', usage: 'client', organization: ['os:admin'] });
const LIFETIME_MS = 6000;

/** Timers that run only when the test fires them. */
class ManualTimers implements RenewalTimers {
  readonly delays: number[] = [];
  private pending: Array<() => void> = [];
  private waiters: Array<() => void> = [];

  now(): number {
    return Date.now();
  }

  schedule(fn: () => void, ms: number): () => void {
    this.delays.push(ms);
    this.pending.push(fn);
    for (const wake of this.waiters.splice(0)) wake();
    return () => {
      this.pending = this.pending.filter((f) => f !== fn);
    };
  }

  get scheduled(): number {
    return this.pending.length;
  }

  /** Fires the one scheduled timer and resolves with the delay of the next one scheduled. */
  async fire(): Promise<number> {
    expect(this.pending).toHaveLength(1);
    const before = this.delays.length;
    this.pending.shift()!();
    while (this.delays.length === before) await new Promise<void>((r) => this.waiters.push(r));
    return this.delays.at(-1)!;
  }
}

/** A provider whose "trustd" signs 6-second certificates, or fails while `failing` > 0. */
async function shortLivedProvider(state: { failing: number; issued: number }) {
  return TrustdCertificateProvider.obtain({
    endpoints: ['trustd'],
    token: 'token',
    ca: pki.ca.crt,
    names: { commonName: 'apid', ipAddresses: ['127.0.0.1'], dnsNames: [] },
    logger: silentLogger(),
    timeoutMs: 0, // one attempt per renewal: back-off is the renewal's job here
    request: async (_endpoint, csr) => {
      if (state.failing > 0) {
        state.failing--;
        throw new Error('connection refused');
      }
      state.issued++;
      return signCSR(pki.ca, csr, { validityHours: LIFETIME_MS / 3_600_000, usage: 'both' });
    },
  });
}

/** The certificate a new TLS connection to apid is shown. */
function servedCertificate(port: number): Promise<tls.PeerCertificate> {
  return new Promise((resolve, reject) => {
    const socket = tls.connect(
      {
        host: '127.0.0.1',
        port,
        servername: '',
        ca: pki.ca.crt,
        cert: admin.crt,
        key: admin.key,
        ALPNProtocols: ['h2'],
      },
      () => {
        resolve(socket.getPeerCertificate());
        socket.destroy();
      },
    );
    socket.on('error', reject);
  });
}

describe('serving certificate renewal', () => {
  let tmp: TmpDir;

  beforeAll(async () => {
    tmp = await makeTmpDir();
  });

  afterAll(async () => {
    await tmp.cleanup();
  });

  it('renews at half-life; new connections get the new certificate, an open stream keeps flowing', async () => {
    // Backend: a Logs stream the test writes to.
    let logs: grpc.ServerWritableStream<unknown, common.IData> | undefined;
    let streamOpened!: () => void;
    const opened = new Promise<void>((r) => (streamOpened = r));
    const backend = createServer();
    backend.addService(
      services.machine.MachineService,
      implement<MachineServiceHandlers>(services.machine.MachineService, {
        Logs: (call) => {
          logs = call as grpc.ServerWritableStream<unknown, common.IData>;
          streamOpened();
        },
      }),
    );
    const socket = path.join(tmp.path, 'backend.sock');
    await listenUnix(backend, socket);

    const state = { failing: 0, issued: 0 };
    const certificates = await shortLivedProvider(state);
    const apid = new Apid({ certificates, local: unixBackend(socket), logger: silentLogger() });
    const port = await apid.listenTls('127.0.0.1', 0);
    const timers = new ManualTimers();
    const renewal = new CertificateRenewal({ certificates, logger: silentLogger(), timers, retryMinMs: 100 });
    const client = new clients.machine.MachineService(
      `127.0.0.1:${port}`,
      grpc.credentials.createSsl(Buffer.from(pki.ca.crt), Buffer.from(admin.key), Buffer.from(admin.crt)),
    );
    try {
      renewal.start();
      // Half of a 6 s life (less the time since it was signed, and X.509's whole seconds).
      expect(timers.delays).toHaveLength(1);
      expect(timers.delays[0]).toBeGreaterThan(LIFETIME_MS / 2 - 1500);
      expect(timers.delays[0]).toBeLessThanOrEqual(LIFETIME_MS / 2);

      const first = await servedCertificate(port);
      const received: string[] = [];
      const stream = client.Logs({});
      const ended = new Promise<void>((resolve, reject) => {
        stream.on('data', (d: common.Data) => received.push(Buffer.from(d.bytes).toString()));
        stream.on('error', reject);
        stream.on('end', resolve);
      });
      await opened;
      logs!.write({ bytes: Buffer.from('before') });
      await waitFor(() => received.length === 1);

      // Certificates carry whole seconds: let the next one end in a later second.
      await new Promise((r) => setTimeout(r, 1100));
      const changed = new Promise<void>((resolve) => certificates.onChange(() => resolve()));
      const next = await timers.fire();
      await changed;
      expect(state.issued).toBe(2);
      expect(next).toBeGreaterThan(LIFETIME_MS / 2 - 1500);
      expect(next).toBeLessThanOrEqual(LIFETIME_MS / 2);

      const second = await servedCertificate(port);
      expect(second.fingerprint256).not.toBe(first.fingerprint256);
      expect(new Date(second.valid_to).getTime()).toBeGreaterThan(new Date(first.valid_to).getTime());
      expect(second.fingerprint256).toBe(certificateInfo(certificates.current().crt).fingerprintSha256);

      // The stream opened on the old certificate's connection still delivers, to its end.
      logs!.write({ bytes: Buffer.from('after') });
      logs!.end();
      await ended;
      expect(received).toEqual(['before', 'after']);
    } finally {
      renewal.stop();
      client.close();
      await apid.close(100);
      backend.forceShutdown();
    }
  });

  it('retries a failed renewal with doubling back-off, then returns to the half-life schedule', async () => {
    const state = { failing: 0, issued: 0 };
    const certificates = await shortLivedProvider(state);
    const timers = new ManualTimers();
    const renewal = new CertificateRenewal({
      certificates,
      logger: silentLogger(),
      timers,
      retryMinMs: 100,
      retryMaxMs: 250,
    });
    renewal.start();
    const initial = certificates.current();
    state.failing = 3;
    expect(await timers.fire()).toBe(100);
    expect(await timers.fire()).toBe(200);
    expect(await timers.fire()).toBe(250);
    expect(certificates.current()).toBe(initial);
    const next = await timers.fire();
    expect(state.issued).toBe(2);
    expect(certificates.current()).not.toBe(initial);
    expect(next).toBeGreaterThan(250);
    expect(next).toBeLessThanOrEqual(LIFETIME_MS / 2);
    // And the back-off starts over after a success.
    state.failing = 1;
    expect(await timers.fire()).toBe(100);
    renewal.stop();
    expect(timers.scheduled).toBe(0);
  });
});

async function waitFor(condition: () => boolean, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('timed out waiting for condition');
    await new Promise((r) => setTimeout(r, 10));
  }
}
