// machine.MachineService as machined serves it in dev mode: node facts from /proc, the service
// supervisor, logs, events, files under the node root, and reboot/shutdown of the node's services.
// Methods not listed here answer UNIMPLEMENTED by name (see machine-server.ts).
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { common, machine, packEvent, type MachineServiceHandlers } from '@talos/api';
import type * as grpc from '@grpc/grpc-js';
import { RpcError, Status } from '@talos/rpc';
import { ContainerdClient, ContainerdError } from '@talos/containerd';
import { K8S_CONTAINERD_NAMESPACE } from '@talos/constants';
import type { ApplyOutcome, ApplyRequest } from '../config/config-applier';
import type { MachineEvent } from '../events/machine-event-bus';
import type { MachineEventBus } from '../events/machine-event-bus';
import { readCpuInfo } from '../host/cpuinfo';
import { NodeFileError, type NodeFiles } from '../host/files';
import { formatKernelMessage, readKernelLog } from '../host/kmsg';
import { readLoadAvg } from '../host/loadavg';
import { readMemInfo } from '../host/meminfo';
import { readMounts } from '../host/mounts';
import { readProcesses } from '../host/processes';
import { readSystemStat } from '../host/system-stat';
import { SERVICE_STATE_ACTION, type HealthStatus } from '../system/service-state';
import { ServiceNotFoundError } from '../system/service';
import type { ServiceSupervisor } from '../system/service-supervisor';
import type { SupervisedService } from '../system/supervised-service';
import { streamToCall } from './call-stream';
import { toRpcError } from './errors';

const READ_CHUNK_BYTES = 64 * 1024;
/** containerd namespace of Talos's own services (`talosctl logs` without -k). */
const SYSTEM_NAMESPACE = 'system';

export interface MachineApiDeps {
  supervisor: ServiceSupervisor;
  bus: MachineEventBus;
  files: NodeFiles;
  hostname: () => string;
  version: machine.VersionInfo.$Properties;
  platform: machine.PlatformInfo.$Properties;
  /** Called after the Reboot reply went out. */
  reboot: () => void;
  /** Called after the Shutdown reply went out. */
  shutdown: () => void;
  /** Validates and stores a new config; `reboot` asks for the Reboot path once the reply went out. */
  applyConfiguration: (req: ApplyRequest) => Promise<{ outcome: ApplyOutcome }>;
  procDir?: string;
  kmsgPath?: string;
  /** The system containerd's socket (Containers); dev mode has none running there. */
  containerdSocket?: string;
}

type Unary<Res> = grpc.sendUnaryData<Res>;

/** Answers a unary call from an async function, mapping failures to statuses. */
function reply<Res>(callback: Unary<Res>, work: () => Promise<Res>, after?: () => void): void {
  work().then(
    (res) => {
      callback(null, res);
      if (after) setImmediate(after);
    },
    (err) => callback(toRpcError(err).toServiceError()),
  );
}

function timestamp(d: Date | undefined): { seconds: number; nanos: number } | undefined {
  if (!d) return undefined;
  const ms = d.getTime();
  return { seconds: Math.floor(ms / 1000), nanos: (ms % 1000) * 1e6 };
}

function apiHealth(h: HealthStatus): machine.ServiceHealth.$Properties {
  return {
    unknown: h.healthy === undefined,
    healthy: h.healthy === true,
    lastMessage: h.lastMessage,
    lastChange: timestamp(h.lastChange),
  };
}

export function serviceInfo(svc: SupervisedService): machine.ServiceInfo.$Properties {
  const info = svc.info();
  return {
    id: info.id,
    state: info.state,
    events: { events: info.events.map((e) => ({ msg: e.msg, state: e.state, ts: timestamp(e.ts) })) },
    health: apiHealth(info.health),
  };
}

export function apiEvent(e: MachineEvent): machine.Event.$Properties {
  const p = e.payload;
  const data =
    p.type === 'sequence'
      ? packEvent('machine.SequenceEvent', {
          sequence: p.sequence,
          action:
            p.action === 'start' ? machine.SequenceEvent.Action.START : machine.SequenceEvent.Action.STOP,
          error: p.error !== undefined ? { message: p.error } : undefined,
        })
      : packEvent('machine.ServiceStateEvent', {
          service: p.service,
          action: SERVICE_STATE_ACTION[p.state],
          message: p.msg,
          health: p.health ? apiHealth(p.health) : undefined,
        });
  return { id: e.id, data };
}

export function machineHandlers(deps: MachineApiDeps): Partial<MachineServiceHandlers> {
  const { supervisor, bus, files } = deps;
  const procDir = deps.procDir ?? '/proc';

  /** The supervised service behind a Logs request; only our own services exist (namespace "system"). */
  const logsOf = (req: machine.LogsRequest): NonNullable<SupervisedService['definition']['log']> => {
    // Kubernetes containers (namespace k8s.io) do not run in dev mode.
    if (req.namespace && req.namespace !== SYSTEM_NAMESPACE) {
      throw new RpcError(
        Status.NOT_FOUND,
        `container ${JSON.stringify(req.id)} not found in namespace ${JSON.stringify(req.namespace)}`,
      );
    }
    const svc = supervisor.get(req.id);
    if (!svc.definition.log) throw new ServiceNotFoundError(req.id);
    return svc.definition.log;
  };

  return {
    Containers: (call, cb) =>
      reply(cb, async () => ({
        messages: [{ containers: await listContainers(deps.containerdSocket, call.request) }],
      })),

    Version: (_call, cb) =>
      reply(cb, async () => ({ messages: [{ version: deps.version, platform: deps.platform }] })),

    Hostname: (_call, cb) => reply(cb, async () => ({ messages: [{ hostname: deps.hostname() }] })),

    Memory: (_call, cb) => reply(cb, async () => ({ messages: [{ meminfo: await readMemInfo(procDir) }] })),

    LoadAvg: (_call, cb) => reply(cb, async () => ({ messages: [await readLoadAvg(procDir)] })),

    SystemStat: (_call, cb) => reply(cb, async () => ({ messages: [await readSystemStat(procDir)] })),

    CPUInfo: (_call, cb) => reply(cb, async () => ({ messages: [{ cpuInfo: await readCpuInfo(procDir) }] })),

    Processes: (_call, cb) =>
      reply(cb, async () => ({ messages: [{ processes: await readProcesses(procDir) }] })),

    Mounts: (_call, cb) => reply(cb, async () => ({ messages: [{ stats: await readMounts(procDir) }] })),

    ServiceList: (_call, cb) =>
      reply(cb, async () => ({ messages: [{ services: supervisor.list().map(serviceInfo) }] })),

    ServiceStart: (call, cb) =>
      reply(cb, async () => {
        await supervisor.apiStart(call.request.id);
        return { messages: [{ resp: `Service ${JSON.stringify(call.request.id)} started` }] };
      }),

    ServiceStop: (call, cb) =>
      reply(cb, async () => {
        await supervisor.apiStop(call.request.id);
        return { messages: [{ resp: `Service ${JSON.stringify(call.request.id)} stopped` }] };
      }),

    ServiceRestart: (call, cb) =>
      reply(cb, async () => {
        await supervisor.apiRestart(call.request.id);
        return { messages: [{ resp: `Service ${JSON.stringify(call.request.id)} restarted` }] };
      }),

    Reboot: (_call, cb) => reply(cb, async () => ({ messages: [{}] }), deps.reboot),

    Shutdown: (_call, cb) => reply(cb, async () => ({ messages: [{}] }), deps.shutdown),

    ApplyConfiguration: (call, cb) => {
      let outcome: ApplyOutcome = 'stored';
      reply(
        cb,
        async () => {
          const { data, onReboot, immediate } = call.request;
          ({ outcome } = await deps.applyConfiguration({ data, onReboot, immediate }));
          return { messages: [{}] };
        },
        // Dev mode applies a config by restarting the services, which reread the file.
        () => {
          if (outcome === 'reboot') deps.reboot();
        },
      );
    },

    Logs: (call) =>
      streamToCall(
        call,
        async function* (signal) {
          const log = logsOf(call.request);
          // talosctl sends -1 for "everything"; 0 means no history.
          for await (const bytes of log.read({
            tailLines: call.request.tailLines,
            follow: call.request.follow,
            signal,
          })) {
            yield { bytes };
          }
        },
        toRpcError,
      ),

    Dmesg: (call) =>
      streamToCall(
        call,
        async function* (signal) {
          const messages = readKernelLog({
            follow: call.request.follow,
            tail: call.request.tail,
            signal,
            path: deps.kmsgPath,
          });
          for await (const m of messages) yield { bytes: Buffer.from(formatKernelMessage(m)) };
        },
        toRpcError,
      ),

    Events: (call) =>
      streamToCall(
        call,
        async function* (signal) {
          const req = call.request;
          const events = bus.subscribe({
            tailEvents: req.tailEvents,
            tailId: req.tailId || undefined,
            tailSeconds: req.tailSeconds,
            signal,
          });
          for await (const e of events) yield apiEvent(e);
        },
        toRpcError,
      ),

    Read: (call) =>
      streamToCall(
        call,
        async function* (signal) {
          const asked = call.request.path;
          const file = await files.realPath(asked, 'reading');
          const st = await stat(file).catch((err: unknown) => {
            throw NodeFileError.from(err, asked, 'reading');
          });
          if (st.isDirectory()) throw new NodeFileError('EISDIR', asked, 'reading', 'is a directory');
          const stream = createReadStream(file, { highWaterMark: READ_CHUNK_BYTES, signal });
          try {
            for await (const chunk of stream) yield { bytes: chunk as Buffer };
          } catch (err) {
            if (!signal.aborted) throw NodeFileError.from(err, asked, 'reading');
          }
        },
        toRpcError,
      ),

    List: (call) => streamToCall(call, (signal) => abortable(files.list(call.request), signal), toRpcError),
  };
}

/** Stops pulling from `source` once `signal` aborts. */
async function* abortable<T>(source: AsyncIterable<T>, signal: AbortSignal): AsyncIterable<T> {
  for await (const item of source) {
    if (signal.aborted) return;
    yield item;
  }
}

/**
 * Containers and their tasks in the request's namespace (system by default; k8s.io for the CRI
 * driver, as `talosctl containers -k` asks).
 */
async function listContainers(
  socket: string | undefined,
  req: machine.ContainersRequest,
): Promise<machine.ContainerInfo.$Properties[]> {
  const namespace =
    req.namespace ||
    (req.driver === common.ContainerDriver.CRI ? K8S_CONTAINERD_NAMESPACE : SYSTEM_NAMESPACE);
  if (!socket) throw new RpcError(Status.UNAVAILABLE, 'containerd is not running: no containerd socket');
  const client = new ContainerdClient({ socket, namespace, timeoutMs: 5000 });
  try {
    const [containers, tasks] = await Promise.all([client.listContainers(), client.listTasks()]);
    const byId = new Map(tasks.map((t) => [t.containerId, t]));
    return containers
      .map((c) => {
        const task = byId.get(c.id);
        return {
          namespace,
          id: c.id,
          name: c.id,
          image: c.image,
          pid: task?.pid ?? 0,
          // A container without a task was never started (or its task is gone).
          status: task?.status ?? 'UNKNOWN',
        };
      })
      .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  } catch (err) {
    if (err instanceof ContainerdError && err.code === Status.UNAVAILABLE)
      throw new RpcError(Status.UNAVAILABLE, `containerd is not running: ${socket}`);
    throw err;
  } finally {
    client.close();
  }
}
