// One node, reached the way an operator reaches it (mTLS on :50000, talosctl), for what the API
// must refuse or tolerate, swapping a service implementation through routerd, and timed against a
// real NTP server on loopback.
import * as http2 from 'node:http2';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as grpc from '@grpc/grpc-js';
import { clients, services, type time } from '@talos/api';
import { osCA, parseConfig } from '@talos/config';
import { APID_PORT, NodePaths, TRUSTD_PORT } from '@talos/constants';
import { generateCA, generateKeyAndCSR, issueCertificate } from '@talos/pki';
import { createServer, implement, listenUnix, shutdownServer } from '@talos/rpc';
import { freeUdpPort, startChronyd, type Chronyd } from '@talos/testing';
import YAML from 'yaml';
import { createProcessCluster, eventually, tableRows, type ProcessCluster } from './harness';

const CIDR = '127.0.11.0/24';
const DAEMONS = ['apid', 'routerd', 'networkd', 'timed', 'trustd', 'udevd'];

const anyServer = { checkServerIdentity: () => undefined };

interface RawReply {
  status: number;
  message: string;
  body: Buffer;
}

/** One gRPC call on a raw HTTP/2 stream (to send what no well-behaved client would). */
function rawCall(
  address: string,
  creds: { ca: Buffer; crt: Buffer; key: Buffer },
  grpcPath: string,
  body: Buffer,
): Promise<RawReply> {
  return new Promise((resolve, reject) => {
    const session = http2.connect(`https://${address}:${APID_PORT}`, {
      ca: creds.ca,
      cert: creds.crt,
      key: creds.key,
      ...anyServer,
    });
    session.on('error', reject);
    const req = session.request({
      ':method': 'POST',
      ':path': grpcPath,
      'content-type': 'application/grpc',
      te: 'trailers',
    });
    const chunks: Buffer[] = [];
    let status: string | undefined;
    let message = '';
    const take = (h: http2.IncomingHttpHeaders): void => {
      if (h['grpc-status'] !== undefined) status = String(h['grpc-status']);
      if (h['grpc-message'] !== undefined) message = decodeURIComponent(String(h['grpc-message']));
    };
    req.on('response', take);
    req.on('trailers', take);
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('error', reject);
    req.on('close', () => {
      session.close();
      resolve({ status: Number(status ?? -1), message, body: Buffer.concat(chunks) });
    });
    req.end(body);
  });
}

function frame(payload: Buffer, flag = 0): Buffer {
  const head = Buffer.alloc(5);
  head[0] = flag;
  head.writeUInt32BE(payload.length, 1);
  return Buffer.concat([head, payload]);
}

function daemonPids(root: string): Record<string, number> {
  const pids: Record<string, number> = {};
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    let args: string[];
    try {
      args = fs.readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0');
    } catch {
      continue;
    }
    if (!args.includes(root)) continue;
    const daemon = DAEMONS.find((d) => args.some((a) => a.endsWith(`/${d}/main.js`)));
    if (daemon) pids[daemon] = Number(entry);
  }
  return pids;
}

function versionCall(
  address: string,
  creds: grpc.ChannelCredentials,
): Promise<grpc.ServiceError | undefined> {
  const client = new clients.machine.MachineService(`${address}:${APID_PORT}`, creds);
  return new Promise((resolve) => {
    client.Version({}, { deadline: Date.now() + 10_000 }, (err) => {
      client.close();
      resolve(err ?? undefined);
    });
  });
}

describe('one node through apid', () => {
  let cluster: ProcessCluster;
  let node: string;
  let creds: { ca: Buffer; crt: Buffer; key: Buffer };

  beforeAll(async () => {
    cluster = await createProcessCluster('e2e-one', 1, 0, CIDR);
    node = cluster.nodes[0]!;
    creds = cluster.talosctl.credentials();
  }, 180_000);

  afterAll(async () => {
    await cluster?.destroy();
  }, 60_000);

  describe('authentication', () => {
    it('accepts the client certificate from the talosconfig', async () => {
      expect(
        await versionCall(node, grpc.credentials.createSsl(creds.ca, creds.key, creds.crt, anyServer)),
      ).toBeUndefined();
    });

    it('refuses a client certificate from another CA', async () => {
      const other = generateCA({ organization: 'talos' });
      const cert = issueCertificate(other, {
        commonName: 'intruder',
        organization: ['os:admin'],
        validityHours: 1,
        usage: 'client',
      });
      const err = await versionCall(
        node,
        grpc.credentials.createSsl(creds.ca, Buffer.from(cert.key), Buffer.from(cert.crt), anyServer),
      );
      expect(err?.code).toBe(grpc.status.UNAVAILABLE);
    });

    it('lets an os:reader certificate call Version and Logs but refuses it Reboot with PERMISSION_DENIED', async () => {
      const config = parseConfig(fs.readFileSync(new NodePaths(cluster.nodeRoot(node)).configFile, 'utf8'));
      const ca = osCA(config);
      if (ca.key === undefined) throw new Error('the control plane config carries no OS CA key');
      const cert = issueCertificate(
        { crt: ca.crt, key: ca.key },
        {
          commonName: 'reader',
          organization: ['os:reader'],
          validityHours: 1,
          usage: 'client',
        },
      );
      const readerCreds = grpc.credentials.createSsl(
        creds.ca,
        Buffer.from(cert.key),
        Buffer.from(cert.crt),
        anyServer,
      );
      expect(await versionCall(node, readerCreds)).toBeUndefined();
      const client = new clients.machine.MachineService(`${node}:${APID_PORT}`, readerCreds);
      try {
        const logsStatus = await new Promise<grpc.StatusObject>((resolve) => {
          const call = client.Logs(
            { namespace: 'system', id: 'apid', tailLines: 1, follow: false },
            { deadline: Date.now() + 10_000 },
          );
          call.on('data', () => undefined);
          call.on('error', () => undefined);
          call.on('status', resolve);
        });
        expect(logsStatus.code).toBe(grpc.status.OK);
        const err = await new Promise<grpc.ServiceError | undefined>((resolve) =>
          client.Reboot({}, { deadline: Date.now() + 10_000 }, (e) => resolve(e ?? undefined)),
        );
        expect(err?.code).toBe(grpc.status.PERMISSION_DENIED);
        expect(err?.details).toContain('os:operator');
      } finally {
        client.close();
      }
    });

    it('refuses a client without a certificate', async () => {
      const err = await versionCall(node, grpc.credentials.createSsl(creds.ca, null, null, anyServer));
      expect(err?.code).toBe(grpc.status.UNAVAILABLE);
    });

    it('trustd signs a CSR for the machine token and refuses a wrong one with UNAUTHENTICATED', async () => {
      const config = parseConfig(fs.readFileSync(new NodePaths(cluster.nodeRoot(node)).configFile, 'utf8'));
      const trustd = new clients.securityapi.SecurityService(
        `${node}:${TRUSTD_PORT}`,
        grpc.credentials.createSsl(creds.ca, null, null, anyServer),
      );
      const { csr } = generateKeyAndCSR({ commonName: 'e2e', ipAddresses: [node] });
      const ask = (token: string) =>
        new Promise<{ err: grpc.ServiceError | null; crt?: string }>((resolve) => {
          const md = new grpc.Metadata();
          md.set('token', token);
          trustd.Certificate({ csr: Buffer.from(csr) }, md, (err, res) =>
            resolve({ err, crt: res ? Buffer.from(res.crt).toString() : undefined }),
          );
        });
      try {
        const good = await ask(config.machine.token);
        expect(good.err).toBeNull();
        expect(good.crt).toContain('BEGIN CERTIFICATE');
        const bad = await ask('wrong0.token0000000000');
        expect(bad.err?.code).toBe(grpc.status.UNAUTHENTICATED);
      } finally {
        trustd.close();
      }
    });
  });

  describe('requests apid cannot route', () => {
    it('answers UNIMPLEMENTED naming an unrouted service', async () => {
      const r = await rawCall(node, creds, '/acme.Widgets/Spin', frame(Buffer.alloc(0)));
      expect(r.status).toBe(grpc.status.UNIMPLEMENTED);
      expect(r.message).toContain('acme.Widgets');
    });

    it('answers a malformed frame with an error and keeps serving', async () => {
      // A "compressed" message without a grpc-encoding, then a length that runs past the end.
      const compressed = await rawCall(
        node,
        creds,
        '/machine.MachineService/Version',
        frame(Buffer.from([1, 2, 3]), 1),
      );
      expect(compressed.status).not.toBe(grpc.status.OK);
      expect(compressed.status).not.toBe(-1);
      expect(compressed.message).not.toBe('');
      const truncated = await rawCall(
        node,
        creds,
        '/machine.MachineService/Version',
        Buffer.from([0, 0, 0, 1, 0, 7]),
      );
      expect(truncated.status).not.toBe(grpc.status.OK);
      expect(truncated.message).not.toBe('');

      const r = await cluster.talosctl.run(['-n', node, 'version']);
      expect(r.code).toBe(0);
      expect(r.stdout).toContain(node);
    });
  });

  describe('timed and swapping its implementation', () => {
    let chrony: Chronyd;
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'swap-'));
    const socket = path.join(dir, 'other-timed.sock');

    beforeAll(async () => {
      chrony = await startChronyd();
    });

    afterAll(async () => {
      await chrony?.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    });

    it('reports a plausible offset against a real NTP server on loopback', async () => {
      const r = await cluster.talosctl.run(['-n', node, 'time', '--check', chrony.server]);
      expect(r.code).toBe(0);
      const [header, row] = tableRows(r.stdout);
      expect(header).toEqual(['NODE', 'NTP-SERVER', 'MACHINE-TIME', 'NTP-SERVER-TIME']);
      expect(row?.[1]).toBe(chrony.server);
      const local = Date.parse(row![2]!.replace(/ \+0000 UTC$/, 'Z').replace(' ', 'T'));
      const remote = Date.parse(row![3]!.replace(/ \+0000 UTC$/, 'Z').replace(' ', 'T'));
      expect(Number.isNaN(local) || Number.isNaN(remote)).toBe(false);
      expect(Math.abs(remote - local)).toBeLessThan(1000);
    });

    it('fails TimeCheck against an address with no server with a clear error', async () => {
      const port = await freeUdpPort();
      const r = await cluster.talosctl.run(['-n', node, 'time', '--check', `127.0.0.1:${port}`]);
      expect(r.code).toBe(1);
      expect(r.stderr).toContain(`127.0.0.1:${port}`);
      expect(r.stderr).toMatch(/timeout|refused|unreachable/i);
    });

    it('routes time.TimeService to a second implementation registered with routerd, and back', async () => {
      const root = cluster.nodeRoot(node);
      const before = daemonPids(root);
      expect(Object.keys(before).sort()).toEqual([...DAEMONS].sort());

      // Another TimeService, in another process (this one), at another socket.
      const other = createServer();
      other.addService(
        services.time.TimeService,
        implement(services.time.TimeService, {
          TimeCheck: (
            call: grpc.ServerUnaryCall<time.TimeRequest, time.ITimeResponse>,
            cb: grpc.sendUnaryData<time.ITimeResponse>,
          ) => {
            const now = { seconds: Math.floor(Date.now() / 1000), nanos: 0 };
            cb(null, {
              messages: [{ server: `swapped:${call.request.server}`, localtime: now, remotetime: now }],
            });
          },
        }),
      );
      await listenUnix(other, socket);

      const router = new clients.routerd.RouterService(
        `unix:${new NodePaths(root).socket('routerd')}`,
        grpc.credentials.createInsecure(),
      );
      const routerCall = <Req, Res>(
        method: (req: Req, cb: (err: grpc.ServiceError | null, res: Res) => void) => unknown,
        req: Req,
      ) =>
        new Promise<Res>((resolve, reject) =>
          method.call(router, req, (err, res) => (err ? reject(err) : resolve(res))),
        );
      try {
        await routerCall(router.RegisterRoute, { service: 'time.TimeService', socket });
        const swapped = await cluster.talosctl.run(['-n', node, 'time', '--check', chrony.server]);
        expect(swapped.code).toBe(0);
        expect(tableRows(swapped.stdout)[1]?.[1]).toBe(`swapped:${chrony.server}`);

        await routerCall(router.RemoveRoute, { service: 'time.TimeService' });
        const original = await cluster.talosctl.run(['-n', node, 'time', '--check', chrony.server]);
        expect(original.code).toBe(0);
        expect(tableRows(original.stdout)[1]?.[1]).toBe(chrony.server);
      } finally {
        router.close();
        await shutdownServer(other, 1000);
      }
      expect(daemonPids(root)).toEqual(before);
    });

    it('keeps routerd.RouterService off the network', async () => {
      const r = await rawCall(node, creds, '/routerd.RouterService/ListRoutes', frame(Buffer.alloc(0)));
      expect(r.status).toBe(grpc.status.PERMISSION_DENIED);
    });
  });

  it('reads a file of the node (talosctl read), and names a missing one', async () => {
    const file = path.join(cluster.nodeRoot(node), 'var', 'e2e-read.txt');
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, 'line one\nline two\n');
    const r = await cluster.talosctl.run(['-n', node, 'read', '/var/e2e-read.txt']);
    expect(r).toMatchObject({ code: 0, stdout: 'line one\nline two\n' });
    const missing = await cluster.talosctl.run(['-n', node, 'read', '/var/no-such-file']);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/no-such-file/);
  });

  it('refuses one-to-many calls to nodes that do not exist as error parts, not a failed call', async () => {
    const r = await eventually(
      async () => {
        const res = await cluster.talosctl.run(['-n', `${node},127.0.11.250`, 'memory']);
        return res.stdout.includes(node) ? res : undefined;
      },
      20_000,
      'memory answer',
    );
    expect(r.code).toBe(1);
    expect(tableRows(r.stdout).map((row) => row[0])).toEqual(['NODE', node]);
    expect(r.stderr).toContain('127.0.11.250');
  });

  describe('apply-config', () => {
    let dir: string;
    let configFile: string;

    beforeAll(() => {
      dir = fs.mkdtempSync(path.join(os.tmpdir(), 'e2e-apply-'));
      configFile = new NodePaths(cluster.nodeRoot(node)).configFile;
    });
    afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

    /** The node's stored config with `edit` applied, written to a file for talosctl. */
    const variant = (name: string, edit: (doc: YAML.Document) => void): string => {
      const doc = YAML.parseDocument(fs.readFileSync(configFile, 'utf8'));
      edit(doc);
      const file = path.join(dir, name);
      fs.writeFileSync(file, doc.toString());
      return file;
    };

    it('refuses an invalid config with path-specific errors and leaves the stored file byte-identical', async () => {
      const before = fs.readFileSync(configFile);
      const bad = variant('bad.yaml', (doc) => {
        doc.setIn(['machine', 'colour'], 'red');
        doc.setIn(['machine', 'network', 'interfaces'], [{ interface: 'eth9', cidr: '10.5.0.300/24' }]);
      });
      const r = await cluster.talosctl.run(['-n', node, 'apply-config', '-f', bad, '--on-reboot']);
      expect(r.code).toBe(1);
      expect(r.stderr).toContain(
        `${node}: error: rpc error: code = InvalidArgument desc = configuration is invalid`,
      );
      expect(r.stderr).toContain('machine.colour: unknown field');
      expect(r.stderr).toContain('machine.network.interfaces[0].cidr: "10.5.0.300/24" is not a valid CIDR');
      expect(fs.readFileSync(configFile).equals(before)).toBe(true);
    });

    it('stores a valid changed config with --on-reboot, as written, and publishes it', async () => {
      const good = variant('good.yaml', (doc) => {
        doc.commentBefore = ' applied by the e2e test';
        const sans = (doc.getIn(['machine', 'certSANs']) as YAML.YAMLSeq | undefined)?.toJSON() ?? [];
        doc.setIn(['machine', 'certSANs'], [...(sans as string[]), 'apply-e2e.example.com']);
      });
      const r = await cluster.talosctl.run(['-n', node, 'apply-config', '-f', good, '--on-reboot']);
      expect([r.code, r.stderr]).toEqual([0, '']);
      expect(fs.readFileSync(configFile, 'utf8')).toBe(fs.readFileSync(good, 'utf8'));
      expect(fs.statSync(configFile).mode & 0o777).toBe(0o600);
      const get = await cluster.talosctl.run(['-n', node, 'get', 'machineconfig', '-o', 'yaml']);
      expect(get.code).toBe(0);
      expect(get.stdout).toContain('# applied by the e2e test');
      expect(get.stdout).toContain('apply-e2e.example.com');
    });
  });
});
