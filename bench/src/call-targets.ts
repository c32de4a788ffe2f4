// What the load generator calls: machine.MachineService/Version either through talosctl's client
// library and apid (mTLS), optionally fanned out to `nodes`, or straight at machined's unix socket
// with a plain grpc-js client. Described as plain data so worker processes can build their own.
import * as grpc from '@grpc/grpc-js';
import { clients, google, type MachineServiceClient } from '@talos/api';
import { Client } from '@talos/client';
import type { UnaryCall } from './load-generator';

export type CallTarget =
  | { kind: 'direct'; /** machined's socket */ socket: string }
  | {
      kind: 'apid';
      endpoint: string;
      /** PEM */
      ca: string;
      crt: string;
      key: string;
      /** apid `nodes` metadata; empty: apid answers through its own routerd. */
      nodes: string[];
    };

export interface BoundCall {
  call: UnaryCall;
  close(): void;
}

export function bindCall(target: CallTarget): BoundCall {
  return target.kind === 'direct' ? directVersion(target.socket) : apidVersion(target);
}

function directVersion(socket: string): BoundCall {
  const client: MachineServiceClient = new clients.machine.MachineService(
    `unix:${socket}`,
    grpc.credentials.createInsecure(),
  );
  const request = google.protobuf.Empty.create();
  const call = (): Promise<void> =>
    new Promise((resolve, reject) => client.Version(request, (err) => (err ? reject(err) : resolve())));
  return { call, close: () => client.close() };
}

function apidVersion(target: Extract<CallTarget, { kind: 'apid' }>): BoundCall {
  const client = Client.connect({
    ca: target.ca,
    crt: target.crt,
    key: target.key,
    endpoints: [target.endpoint],
    nodes: target.nodes,
  });
  const expected = Math.max(1, target.nodes.length);
  const call = async (): Promise<void> => {
    const parts = await client.version();
    // A node that failed is a part with an error, not a failed call: count it as a failure here.
    const failed = parts.find((p) => p.error !== undefined);
    if (failed) throw new Error(`${failed.node}: ${failed.error}`);
    if (parts.length !== expected) throw new Error(`expected ${expected} replies, got ${parts.length}`);
  };
  return { call, close: () => client.close() };
}
