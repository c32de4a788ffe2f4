// Three apids on 127.0.0.1 (different ports), each in front of its own MachineService backend,
// with real mutual TLS: local pass-through, one-to-many merge and interleave, refusals.
import * as http2 from 'node:http2';
import * as net from 'node:net';
import * as path from 'node:path';
import * as tls from 'node:tls';
import * as grpc from '@grpc/grpc-js';
import * as protoLoader from '@grpc/proto-loader';
import { protoPath as healthProtoPath } from 'grpc-health-check';
import {
  clients,
  common,
  machine,
  services,
  type MachineServiceClient,
  type MachineServiceHandlers,
} from '@talos/api';
import { DEFAULT_ROUTES } from '@talos/constants';
import { silentLogger } from '@talos/log';
import { createServer, encodeFrame, implement, listenUnix, Status, unixBackend } from '@talos/rpc';
import { collect, createTestPKI, healthStatus, makeTmpDir, type TmpDir } from '@talos/testing';
import { Apid } from './apid';
import { CertificateStore } from './certificate-provider';

const pki = createTestPKI();
const admin = pki.issue({ commonName: 'admin', usage: 'client', organization: ['os:admin'] });
const stranger = pki.issue({ commonName: 'admin', usage: 'client', from: pki.otherCA });
const reader = pki.issue({ commonName: 'reader', usage: 'client', organization: ['os:reader'] });
const operator = pki.issue({ commonName: 'operator', usage: 'client', organization: ['os:operator'] });
const roleless = pki.issue({ commonName: 'nobody', usage: 'client' });
/** What trustd issues to a node's apid (O=os:impersonator, whatever the CSR asked). */
const nodeCert = (name: string) =>
  pki.issue({
    commonName: name,
    usage: 'both',
    ipAddresses: ['127.0.0.1'],
    organization: ['os:impersonator'],
  });

interface Node {
  name: string;
  backend: grpc.Server;
  received: grpc.Metadata[];
  apid: Apid;
  port: number;
  certificates: CertificateStore;
}

function machineBackend(name: string, received: grpc.Metadata[]): grpc.Server {
  const server = createServer();
  server.addService(
    services.machine.MachineService,
    implement<MachineServiceHandlers>(services.machine.MachineService, {
      Version: (call, cb) => {
        received.push(call.metadata);
        cb(null, { messages: [{ version: { tag: `v-${name}` } }] });
      },
      Reboot: (call, cb) => {
        received.push(call.metadata);
        cb(null, { messages: [{}] });
      },
      Hostname: (call, cb) => {
        received.push(call.metadata);
        if (name === 'node-c') cb({ code: Status.NOT_FOUND, details: 'no hostname here' });
        else cb(null, { messages: [{ hostname: name }] });
      },
      Logs: (call) => {
        received.push(call.metadata);
        let i = 0;
        const timer = setInterval(() => {
          call.write({ bytes: Buffer.from(`${name}:${i}`) });
          if (++i === 3) {
            clearInterval(timer);
            call.end();
          }
        }, 5);
        call.on('cancelled', () => clearInterval(timer));
      },
    }),
  );
  return server;
}

describe('apid', () => {
  let tmp: TmpDir;
  const nodes: Node[] = [];
  const ports = new Map<string, number>();
  let downPort: number;
  let client: MachineServiceClient;

  const credentials = (cert = admin) =>
    grpc.credentials.createSsl(Buffer.from(pki.ca.crt), Buffer.from(cert.key), Buffer.from(cert.crt));

  beforeAll(async () => {
    tmp = await makeTmpDir();
    // A port nobody listens on: the "down" node.
    const probe = net.createServer().listen(0, '127.0.0.1');
    await new Promise((r) => probe.once('listening', r));
    downPort = (probe.address() as net.AddressInfo).port;
    await new Promise((r) => probe.close(r));
    ports.set('node-down', downPort);

    for (const name of ['node-a', 'node-b', 'node-c']) {
      const received: grpc.Metadata[] = [];
      const backend = machineBackend(name, received);
      const socket = path.join(tmp.path, `${name}.sock`);
      await listenUnix(backend, socket);
      const serving = nodeCert(name);
      const certificates = new CertificateStore({ ca: pki.ca.crt, crt: serving.crt, key: serving.key });
      const apid = new Apid({
        certificates,
        local: unixBackend(socket),
        logger: silentLogger(),
        resolveNode: (node) => ({ host: '127.0.0.1', port: ports.get(node) ?? downPort }),
      });
      const port = await apid.listenTls('127.0.0.1', 0);
      await apid.listenUnix(path.join(tmp.path, `${name}-apid.sock`));
      ports.set(name, port);
      nodes.push({ name, backend, received, apid, port, certificates });
    }
    client = new clients.machine.MachineService(`127.0.0.1:${nodes[0]!.port}`, credentials());
  });

  afterAll(async () => {
    client.close();
    for (const node of nodes) {
      await node.apid.close(100);
      node.backend.forceShutdown();
    }
    await tmp.cleanup();
  });

  const withNodes = (...names: string[]) => {
    const md = new grpc.Metadata();
    md.set('nodes', names.join(','));
    return md;
  };

  const version = (md = new grpc.Metadata(), c: MachineServiceClient = client) =>
    new Promise<machine.VersionResponse>((resolve, reject) =>
      c.Version({}, md, (err, res) => (err ? reject(err) : resolve(res!))),
    );

  it('passes a call without nodes to the local backend unchanged', async () => {
    const res = await version();
    expect(res.messages).toHaveLength(1);
    expect(res.messages[0]!.version?.tag).toBe('v-node-a');
    expect(res.messages[0]!.metadata).toBeFalsy();
  });

  it('refuses a client certificate from another CA, and a client without one', async () => {
    const other = new clients.machine.MachineService(`127.0.0.1:${nodes[0]!.port}`, credentials(stranger));
    await expect(version(new grpc.Metadata(), other)).rejects.toMatchObject({ code: Status.UNAVAILABLE });
    other.close();
    const anonymous = new clients.machine.MachineService(
      `127.0.0.1:${nodes[0]!.port}`,
      grpc.credentials.createSsl(Buffer.from(pki.ca.crt)),
    );
    await expect(version(new grpc.Metadata(), anonymous)).rejects.toMatchObject({ code: Status.UNAVAILABLE });
    anonymous.close();
  });

  it('merges a unary call to three nodes, one of them down, into one reply', async () => {
    const res = await version(withNodes('node-a', 'node-b', 'node-down'));
    expect(res.messages.map((m) => m.metadata?.hostname)).toEqual(['node-a', 'node-b', 'node-down']);
    expect(res.messages[0]!.version?.tag).toBe('v-node-a');
    expect(res.messages[1]!.version?.tag).toBe('v-node-b');
    expect(res.messages[0]!.metadata?.error).toBe('');
    const down = res.messages[2]!;
    expect(down.version).toBeFalsy();
    expect(down.metadata?.status?.code).toBe(Status.UNAVAILABLE);
    expect(down.metadata?.error).toMatch(
      /^rpc error: code = Unavailable desc = error dialing backend 127\.0\.0\.1:\d+: .*ECONNREFUSED/,
    );
  });

  it('accepts nodes as repeated metadata values', async () => {
    const md = new grpc.Metadata();
    md.add('nodes', 'node-b');
    md.add('nodes', 'node-c');
    const res = await version(md);
    expect(res.messages.map((m) => [m.metadata?.hostname, m.version?.tag])).toEqual([
      ['node-b', 'v-node-b'],
      ['node-c', 'v-node-c'],
    ]);
  });

  it('turns a node answering an error status into an error entry', async () => {
    const res = await new Promise<machine.HostnameResponse>((resolve, reject) =>
      client.Hostname({}, withNodes('node-a', 'node-c'), (err, r) => (err ? reject(err) : resolve(r!))),
    );
    expect(res.messages.map((m) => [m.metadata?.hostname, m.hostname, m.metadata?.error])).toEqual([
      ['node-a', 'node-a', ''],
      ['node-c', '', 'rpc error: code = NotFound desc = no hostname here'],
    ]);
  });

  it('sends proxyfrom and drops nodes on node-to-node calls', async () => {
    const b = nodes[1]!;
    const before = b.received.length;
    await version(withNodes('node-b'));
    const md = b.received[before]!;
    expect(md.get('nodes')).toEqual([]);
    expect(md.get('proxyfrom')).toEqual([`127.0.0.1:${nodes[0]!.port}`]);
  });

  it('interleaves streams from several nodes, each message tagged, a down node as one error message', async () => {
    const messages = await collect(
      client.Logs({ id: 'kubelet' }, withNodes('node-a', 'node-b', 'node-down')),
    );
    const byNode = (host: string) => messages.filter((m) => m.metadata?.hostname === host);
    expect(byNode('node-a').map((m) => Buffer.from(m.bytes).toString())).toEqual([
      'node-a:0',
      'node-a:1',
      'node-a:2',
    ]);
    expect(byNode('node-b').map((m) => Buffer.from(m.bytes).toString())).toEqual([
      'node-b:0',
      'node-b:1',
      'node-b:2',
    ]);
    expect(byNode('node-down')).toHaveLength(1);
    expect(byNode('node-down')[0]!.metadata?.error).toMatch(/Unavailable/);
    expect(messages).toHaveLength(7);
  });

  it('refuses one-to-many for a method outside the API, but forwards it to a single node', async () => {
    const raw = new grpc.Client(`127.0.0.1:${nodes[0]!.port}`, credentials());
    const call = (md: grpc.Metadata) =>
      new Promise<grpc.ServiceError>((resolve) =>
        raw.makeUnaryRequest(
          '/foo.Bar/Baz',
          (b: Buffer) => b,
          (b: Buffer) => b,
          Buffer.alloc(0),
          md,
          (e) => resolve(e!),
        ),
      );
    const many = await call(withNodes('node-a', 'node-b'));
    expect(many.code).toBe(Status.UNIMPLEMENTED);
    expect(many.details).toMatch(
      /one-to-many proxying is not supported for method outside the API \/foo\.Bar\/Baz/,
    );
    // One node: forwarded to that node's apid, whose backend answers for itself.
    const one = await call(withNodes('node-b'));
    expect(one.code).toBe(Status.UNIMPLEMENTED);
    expect(one.details).toMatch(/Baz/);
    raw.close();
  });

  it('refuses routerd.RouterService from the network', async () => {
    const routerClient = new clients.routerd.RouterService(`127.0.0.1:${nodes[0]!.port}`, credentials());
    const err = await new Promise<grpc.ServiceError>((resolve) =>
      routerClient.ListRoutes({}, (e) => resolve(e!)),
    );
    routerClient.close();
    expect(err.code).toBe(Status.PERMISSION_DENIED);
  });

  it('answers a malformed frame with an error and keeps serving', async () => {
    const session = http2.connect(`https://127.0.0.1:${nodes[0]!.port}`, {
      ca: pki.ca.crt,
      cert: admin.crt,
      key: admin.key,
    });
    for (const extra of [{}, { nodes: 'node-a,node-b' }]) {
      const stream = session.request({
        ':method': 'POST',
        ':path': '/machine.MachineService/Version',
        'content-type': 'application/grpc',
        te: 'trailers',
        ...extra,
      });
      let headers: http2.IncomingHttpHeaders = {};
      stream.on('response', (h) => (headers = h));
      stream.on('data', () => {});
      stream.end(Buffer.from([0, 0xff, 0xff, 0xff, 0xff])); // a 4 GiB message
      await new Promise((resolve) => stream.on('close', resolve));
      expect(headers['grpc-status']).toBe(String(Status.RESOURCE_EXHAUSTED));
      expect(decodeURIComponent(String(headers['grpc-message']))).toMatch(/exceeds the limit/);
    }
    const truncated = session.request({
      ':method': 'POST',
      ':path': '/machine.MachineService/Version',
      'content-type': 'application/grpc',
      nodes: 'node-a',
    });
    let headers: http2.IncomingHttpHeaders = {};
    truncated.on('response', (h) => (headers = h));
    truncated.on('data', () => {});
    truncated.end(encodeFrame(Buffer.from([1, 2, 3])).subarray(0, 6));
    await new Promise((resolve) => truncated.on('close', resolve));
    expect(headers['grpc-status']).toBe(String(Status.INTERNAL));
    session.close();
    const res = await version(withNodes('node-a'));
    expect(res.messages[0]!.metadata?.hostname).toBe('node-a');
  });

  it('serves health on its local socket', async () => {
    await expect(healthStatus(path.join(tmp.path, 'node-a-apid.sock'))).resolves.toBe(1); // SERVING
  });

  it('advertises only the services a call through it reaches, with health and reflection', async () => {
    const target = `127.0.0.1:${nodes[0]!.port}`;
    const reflectionProto =
      require.resolve('@grpc/reflection/build/proto/grpc/reflection/v1/reflection.proto');
    const pkg = grpc.loadPackageDefinition(
      protoLoader.loadSync(reflectionProto, { keepCase: true }),
    ) as unknown as {
      grpc: { reflection: { v1: { ServerReflection: grpc.ServiceClientConstructor } } };
    };
    const reflection = new pkg.grpc.reflection.v1.ServerReflection(target, credentials());
    type ListReply = { list_services_response?: { service: Array<{ name: string }> } };
    const open = reflection['ServerReflectionInfo'] as () => grpc.ClientDuplexStream<object, ListReply>;
    const call = open.call(reflection);
    const listed = await new Promise<string[]>((resolve, reject) => {
      call.on('data', (res: ListReply) =>
        resolve((res.list_services_response?.service ?? []).map((s) => s.name)),
      );
      call.on('error', reject);
      call.write({ list_services: '*' });
    });
    call.end();
    reflection.close();
    expect(listed.sort()).toEqual(
      [
        ...Object.keys(DEFAULT_ROUTES),
        'grpc.health.v1.Health',
        'grpc.reflection.v1.ServerReflection',
        'grpc.reflection.v1alpha.ServerReflection',
      ].sort(),
    );

    const healthPkg = grpc.loadPackageDefinition(
      protoLoader.loadSync(healthProtoPath, { enums: String }),
    ) as unknown as { grpc: { health: { v1: { Health: grpc.ServiceClientConstructor } } } };
    const health = new healthPkg.grpc.health.v1.Health(target, credentials());
    const check = (service: string) =>
      new Promise<{ status: string }>((resolve, reject) =>
        health.check!({ service }, (e: grpc.ServiceError | null, r: { status: string }) =>
          e ? reject(e) : resolve(r),
        ),
      );
    await expect(check('machine.MachineService')).resolves.toMatchObject({ status: 'SERVING' });
    await expect(check('time.TimeService')).resolves.toMatchObject({ status: 'SERVING' });
    await expect(check('securityapi.SecurityService')).rejects.toMatchObject({ code: Status.NOT_FOUND });
    await expect(check('storage.StorageService')).rejects.toMatchObject({ code: Status.NOT_FOUND });
    health.close();
  });

  it('serves a renewed certificate to new connections', async () => {
    const c = nodes[2]!;
    const renewed = pki.issue({
      commonName: 'node-c-renewed',
      usage: 'both',
      ipAddresses: ['127.0.0.1'],
      organization: ['os:impersonator'],
    });
    c.certificates.update({ ca: pki.ca.crt, crt: renewed.crt, key: renewed.key });
    const subject = await new Promise<string>((resolve, reject) => {
      const socket = tls.connect(
        {
          host: '127.0.0.1',
          port: c.port,
          ca: pki.ca.crt,
          cert: admin.crt,
          key: admin.key,
          ALPNProtocols: ['h2'],
        },
        () => {
          resolve(String(socket.getPeerCertificate().subject.CN));
          socket.destroy();
        },
      );
      socket.on('error', reject);
    });
    expect(subject).toBe('node-c-renewed');
    // And node-to-node calls from a renewed apid still work.
    const res = await version(withNodes('node-c'));
    expect(res.messages[0]!.version?.tag).toBe('v-node-c');
  });

  it('decodes an error part as common.EmptyResponse too', async () => {
    const raw = new grpc.Client(`127.0.0.1:${nodes[0]!.port}`, credentials());
    const bytes = await new Promise<Buffer>((resolve, reject) =>
      raw.makeUnaryRequest(
        '/machine.MachineService/Version',
        (b: Buffer) => b,
        (b: Buffer) => b,
        Buffer.alloc(0),
        withNodes('node-down'),
        (e, r) => (e ? reject(e) : resolve(r!)),
      ),
    );
    raw.close();
    expect(common.EmptyResponse.decode(bytes).messages[0]!.metadata?.hostname).toBe('node-down');
  });

  describe('roles', () => {
    const connect = (cert: { crt: string; key: string }, port = nodes[0]!.port) =>
      new clients.machine.MachineService(`127.0.0.1:${port}`, credentials(cert));
    const reboot = (c: MachineServiceClient, md = new grpc.Metadata()) =>
      new Promise<machine.RebootResponse>((resolve, reject) =>
        c.Reboot({}, md, (err, res) => (err ? reject(err) : resolve(res!))),
      );

    it('lets a reader call Version but refuses it Reboot, naming the method and the role', async () => {
      const c = connect(reader);
      try {
        const before = nodes[0]!.received.length;
        await expect(version(new grpc.Metadata(), c)).resolves.toBeTruthy();
        expect(nodes[0]!.received[before]!.get('talos-role')).toEqual(['os:reader']);
        const err = await reboot(c).catch((e: grpc.ServiceError) => e);
        expect(err).toMatchObject({ code: Status.PERMISSION_DENIED });
        expect((err as grpc.ServiceError).details).toContain('/machine.MachineService/Reboot');
        expect((err as grpc.ServiceError).details).toContain('os:operator');
      } finally {
        c.close();
      }
    });

    it('lets an operator reboot', async () => {
      const c = connect(operator);
      try {
        await expect(reboot(c)).resolves.toBeTruthy();
      } finally {
        c.close();
      }
    });

    it('refuses a certificate without a role unless roleless-admin is allowed', async () => {
      const c = connect(roleless);
      const lenient = new Apid({
        certificates: nodes[0]!.certificates,
        local: unixBackend(path.join(tmp.path, 'node-a.sock')),
        logger: silentLogger(),
        allowRolelessAdmin: true,
      });
      const port = await lenient.listenTls('127.0.0.1', 0);
      const l = connect(roleless, port);
      try {
        await expect(version(new grpc.Metadata(), c)).rejects.toMatchObject({
          code: Status.PERMISSION_DENIED,
        });
        await expect(reboot(l)).resolves.toBeTruthy();
      } finally {
        c.close();
        l.close();
        await lenient.close(100);
      }
    });

    it('ignores a role header a client sends itself', async () => {
      const c = connect(reader);
      try {
        const md = new grpc.Metadata();
        md.set('talos-role', 'os:admin');
        await expect(reboot(c, md)).rejects.toMatchObject({ code: Status.PERMISSION_DENIED });
      } finally {
        c.close();
      }
    });

    it("keeps the caller's role on forwarded calls; another apid is trusted only for the role it passes", async () => {
      const c = connect(reader);
      const b = nodes[1]!;
      try {
        const before = b.received.length;
        const res = await version(withNodes('node-b'), c);
        expect(res.messages[0]!.version?.tag).toBe('v-node-b');
        expect(b.received[before]!.get('talos-role')).toEqual(['os:reader']);
        await expect(reboot(c, withNodes('node-b'))).rejects.toMatchObject({
          code: Status.PERMISSION_DENIED,
        });
      } finally {
        c.close();
      }
      // Node b, called as node a's apid would: the role header decides, and must be there.
      const asNode = connect(nodeCert('node-a'), b.port);
      try {
        const md = (role?: string) => {
          const m = new grpc.Metadata();
          m.set('proxyfrom', 'node-a');
          if (role) m.set('talos-role', role);
          return m;
        };
        await expect(reboot(asNode, md('os:reader'))).rejects.toMatchObject({
          code: Status.PERMISSION_DENIED,
        });
        await expect(reboot(asNode, md())).rejects.toMatchObject({ code: Status.PERMISSION_DENIED });
        await expect(reboot(asNode, md('os:operator'))).resolves.toBeTruthy();
      } finally {
        asNode.close();
      }
    });
  });
});
