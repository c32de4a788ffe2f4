import * as path from 'node:path';
import type * as grpc from '@grpc/grpc-js';
import { services, type network } from '@talos/api';
import { createLogger, silentLogger } from '@talos/log';
import { eventuallyResource, startControllers, type ControllerRig } from '@talos/resources';
import { createServer, listenUnix, shutdownServer } from '@talos/rpc';
import { makeTmpDir, type TmpDir } from '@talos/testing';
import { NETWORK_NAMESPACE, NODE_ADDRESS_ID, NodeAddressKind } from './kinds';
import {
  NODE_ADDRESS_CONTROLLER,
  networkdInterfaces,
  nodeAddressController,
  nodeAddresses,
} from './node-address-controller';

const TYPE = NodeAddressKind.definition.type;

describe('nodeAddresses', () => {
  it('drops loopback and link-local addresses and sorts IPv4 before IPv6, by value', () => {
    expect(
      nodeAddresses([
        { name: 'lo', ipaddress: ['127.0.0.1/8', '::1/128'] },
        { name: 'eth1', ipaddress: ['10.5.0.10/24', 'fe80::1/64', '2001:db8::1/64'] },
        { name: 'eth0', ipaddress: ['10.5.0.9/24', '169.254.1.1/16', '192.168.1.2/24'] },
        { name: 'eth2', ipaddress: ['10.5.0.9/24', 'fd00::a/64', 'not-an-ip/8'] },
      ]),
    ).toEqual(['10.5.0.9/24', '10.5.0.10/24', '192.168.1.2/24', '2001:db8::1/64', 'fd00::a/64']);
  });
});

// networkd's side: network.NetworkService/Interfaces on a unix socket.
describe('network.NodeAddressController', () => {
  let tmp: TmpDir;
  let rig: ControllerRig | undefined;
  let server: grpc.Server;
  let socket: string;
  let interfaces: network.IInterface[] = [];
  beforeAll(async () => {
    tmp = await makeTmpDir('node-address-');
    socket = path.join(tmp.path, 'networkd.sock');
    server = createServer();
    server.addService(services.network.NetworkService, {
      Interfaces: (_call: unknown, cb: grpc.sendUnaryData<network.IInterfacesResponse>) =>
        cb(null, { messages: [{ interfaces }] }),
    });
    await listenUnix(server, socket);
  });
  afterEach(async () => {
    await rig?.stop();
    rig = undefined;
  });
  afterAll(async () => {
    await shutdownServer(server, 100);
    await tmp?.cleanup();
  });

  it('publishes the addresses networkd lists and follows their changes', async () => {
    interfaces = [{ name: 'eth0', ipaddress: ['10.0.0.2/24', '127.0.0.1/8'] }];
    rig = startControllers([nodeAddressController(networkdInterfaces(socket), 20)], {
      logger: silentLogger(),
      backoff: { initialMs: 10, maxMs: 50 },
    });
    await eventuallyResource(rig.state, NETWORK_NAMESPACE, TYPE, NODE_ADDRESS_ID, {
      spec: { addresses: ['10.0.0.2/24'] },
      metadata: { owner: NODE_ADDRESS_CONTROLLER },
    });
    interfaces = [{ name: 'eth0', ipaddress: ['10.0.0.3/24', '10.0.0.2/24'] }];
    await eventuallyResource(rig.state, NETWORK_NAMESPACE, TYPE, NODE_ADDRESS_ID, {
      spec: { addresses: ['10.0.0.2/24', '10.0.0.3/24'] },
    });
  });

  it('waits for networkd without a word while its socket does not exist', async () => {
    const lines: string[] = [];
    const logger = createLogger({
      name: 'test',
      destination: { write: (l: string) => void lines.push(l) } as unknown as NodeJS.WritableStream,
    });
    const missing = path.join(path.dirname(socket), 'not-yet.sock');
    const source = networkdInterfaces(missing);
    await expect(source(new AbortController().signal)).resolves.toBeUndefined();
    rig = startControllers([nodeAddressController(source, 10)], {
      logger,
      backoff: { initialMs: 10, maxMs: 20 },
    });
    await new Promise((r) => setTimeout(r, 60));
    expect(await rig.state.list(NETWORK_NAMESPACE, TYPE)).toEqual([]);
    expect(lines.filter((l) => l.includes('error listing interfaces'))).toEqual([]);
  });

  it('retries every period while networkd does not answer', async () => {
    let fail = true;
    let calls = 0;
    const source = networkdInterfaces(socket);
    rig = startControllers(
      [
        nodeAddressController(async (signal) => {
          calls++;
          if (fail) throw new Error('networkd is away');
          return source(signal);
        }, 20),
      ],
      { logger: silentLogger(), backoff: { initialMs: 10, maxMs: 20 } },
    );
    interfaces = [{ name: 'eth0', ipaddress: ['10.0.0.4/24'] }];
    await new Promise((r) => setTimeout(r, 60));
    expect(calls).toBeGreaterThan(1);
    expect(await rig.state.list(NETWORK_NAMESPACE, TYPE)).toEqual([]);
    fail = false;
    await eventuallyResource(rig.state, NETWORK_NAMESPACE, TYPE, NODE_ADDRESS_ID, {
      spec: { addresses: ['10.0.0.4/24'] },
    });
  });
});
