// A typed client for the parts of containerd 1.6's gRPC API machined uses: version, containers and
// tasks. Every call carries the namespace in the `containerd-namespace` header, as ctr does.
import * as grpc from '@grpc/grpc-js';
import type { Type } from 'protobufjs';
import { CONTAINERD_CALL_TIMEOUT_MS, CONTAINERD_RUNTIME, CONTAINERD_TASK_TIMEOUT_MS } from '@talos/constants';
import * as staticClasses from './generated/containerd';
import { CONTAINERD_SERVICES } from './generated/services';

export const CONTAINERD_NAMESPACE_HEADER = 'containerd-namespace';
/** The type URL containerd's typeurl registry gives the OCI runtime spec. */
export const OCI_SPEC_TYPE_URL = 'types.containerd.io/opencontainers/runtime-spec/1/Spec';
export const RUNC_V2_RUNTIME = CONTAINERD_RUNTIME;

export interface Any {
  type_url: string;
  value: Buffer;
}

export interface Container {
  id: string;
  labels: Record<string, string>;
  image: string;
  runtime: { name: string; options?: Any | null } | null;
  spec: Any | null;
  snapshotter: string;
  snapshot_key: string;
}

/** containerd's task status (containerd.v1.types.Status). */
export type TaskStatus = 'UNKNOWN' | 'CREATED' | 'RUNNING' | 'STOPPED' | 'PAUSED' | 'PAUSING';

export interface TaskProcess {
  containerId: string;
  pid: number;
  status: TaskStatus;
  exitStatus: number;
}

export interface NewContainer {
  id: string;
  /** The OCI runtime spec, serialized as JSON into the container's spec Any. */
  spec: unknown;
  labels?: Record<string, string>;
  image?: string;
  runtime?: string;
}

export interface NewTask {
  containerId: string;
  /** Paths of FIFOs (or files) the shim writes the task's output to. */
  stdout?: string;
  stderr?: string;
}

export interface ExitStatus {
  exitStatus: number;
  exitedAt?: Date;
}

/** A containerd call failed; `code` is the gRPC status. */
export class ContainerdError extends Error {
  constructor(
    message: string,
    readonly code: grpc.status,
  ) {
    super(message);
    this.name = 'ContainerdError';
  }
}

export function isNotFound(err: unknown): boolean {
  return err instanceof ContainerdError && err.code === grpc.status.NOT_FOUND;
}

export function isAlreadyExists(err: unknown): boolean {
  return err instanceof ContainerdError && err.code === grpc.status.ALREADY_EXISTS;
}

type Callback<T> = (err: grpc.ServiceError | null, res: T) => void;
type Unary = (
  req: object,
  md: grpc.Metadata,
  opts: grpc.CallOptions,
  cb: Callback<unknown>,
) => grpc.ClientUnaryCall;
type RawClient = grpc.Client & Record<string, Unary>;
type ClientCtor = new (address: string, creds: grpc.ChannelCredentials, options?: object) => RawClient;

let services: { version: ClientCtor; containers: ClientCtor; tasks: ClientCtor } | undefined;

/** Objects as proto-loader would give them: field names as in the .proto, enums by name, defaults set. */
const TO_OBJECT = { longs: Number, enums: String, defaults: true, oneofs: true } as const;

/** What the codecs use of a message class: the static classes have the same as reflection's Type. */
type MessageClass = Pick<Type, 'encode' | 'decode' | 'fromObject' | 'toObject'>;

/**
 * A message's static class (generated/containerd.js) by its full name (`containerd.services.tasks.v1.CreateTaskRequest`).
 * Reflection would build each message's encoder and decoder with `new Function` at its first use:
 * most of a second of machined's thread under emulation, while it creates the first containers.
 */
function staticClass(fullName: string): MessageClass {
  let found: unknown = staticClasses;
  for (const part of fullName.split('.')) {
    found = (found as Record<string, unknown> | undefined)?.[part];
  }
  if (typeof found !== 'function') throw new Error(`containerd's generated classes lack ${fullName}`);
  return found as unknown as MessageClass;
}

function codec(type: MessageClass): {
  serialize: (value: object) => Buffer;
  deserialize: (bytes: Buffer) => object;
} {
  return {
    serialize: (value) => {
      const bytes = type.encode(type.fromObject(value)).finish();
      return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    },
    deserialize: (bytes) => type.toObject(type.decode(bytes), TO_OBJECT),
  };
}

/**
 * Builds the clients' service definitions now rather than at the first ContainerdClient: machined
 * does it while containerd starts, so that it is not done when containerd's socket appears.
 */
export function prepareContainerdClients(): void {
  loadServices();
}

/**
 * The three services' grpc-js clients, built on the first call from the generated method table
 * (generated/services.ts) and the messages' static classes. Building them from a descriptor
 * (protobufjs reflection, or @grpc/proto-loader, which also re-encodes every file descriptor for
 * reflection) cost a third of a second or more of machined's boot under emulation.
 */
function loadServices(): NonNullable<typeof services> {
  if (services) return services;
  const svc = (name: string, service: string): ClientCtor => {
    const full = `containerd.services.${name}.v1.${service}`;
    const methods = CONTAINERD_SERVICES[full];
    if (!methods) throw new Error(`containerd's generated services lack ${full}`);
    const definition: Record<string, grpc.MethodDefinition<object, object>> = {};
    for (const method of methods) {
      const request = codec(staticClass(method.request));
      const response = codec(staticClass(method.response));
      definition[method.name] = {
        path: `/${full}/${method.name}`,
        requestStream: method.requestStream,
        responseStream: method.responseStream,
        requestSerialize: request.serialize,
        requestDeserialize: request.deserialize,
        responseSerialize: response.serialize,
        responseDeserialize: response.deserialize,
      };
    }
    return grpc.makeGenericClientConstructor(definition, full) as unknown as ClientCtor;
  };
  services = {
    version: svc('version', 'Version'),
    containers: svc('containers', 'Containers'),
    tasks: svc('tasks', 'Tasks'),
  };
  return services;
}

export interface ContainerdClientOptions {
  /** containerd's gRPC unix socket. */
  socket: string;
  namespace: string;
  /**
   * Deadline of each call but Wait and creating or starting a task (CONTAINERD_TASK_TIMEOUT_MS);
   * default CONTAINERD_CALL_TIMEOUT_MS.
   */
  timeoutMs?: number;
}

export class ContainerdClient {
  readonly namespace: string;
  readonly socket: string;
  private readonly version: RawClient;
  private readonly containers: RawClient;
  private readonly tasks: RawClient;
  private readonly timeoutMs: number;
  private readonly owner: boolean;

  constructor(opts: ContainerdClientOptions, shared?: ContainerdClient) {
    this.namespace = opts.namespace;
    this.socket = opts.socket;
    this.timeoutMs = opts.timeoutMs ?? CONTAINERD_CALL_TIMEOUT_MS;
    if (shared) {
      this.version = shared.version;
      this.containers = shared.containers;
      this.tasks = shared.tasks;
      this.owner = false;
      return;
    }
    const s = loadServices();
    const address = `unix:${opts.socket}`;
    const creds = grpc.credentials.createInsecure();
    this.version = new s.version(address, creds);
    // One channel for all three services.
    const channelOverride = this.version.getChannel();
    this.containers = new s.containers(address, creds, { channelOverride });
    this.tasks = new s.tasks(address, creds, { channelOverride });
    this.owner = true;
  }

  /** The same connection, another namespace. */
  withNamespace(namespace: string): ContainerdClient {
    return new ContainerdClient({ socket: this.socket, namespace, timeoutMs: this.timeoutMs }, this);
  }

  close(): void {
    if (this.owner) this.version.close();
  }

  async getVersion(): Promise<{ version: string; revision: string }> {
    return this.call(this.version, 'Version', {}, 'getting version');
  }

  async createContainer(c: NewContainer): Promise<Container> {
    const res = await this.call<{ container: Container }>(
      this.containers,
      'Create',
      {
        container: {
          id: c.id,
          labels: c.labels ?? {},
          image: c.image ?? '',
          runtime: { name: c.runtime ?? RUNC_V2_RUNTIME },
          spec: { type_url: OCI_SPEC_TYPE_URL, value: Buffer.from(JSON.stringify(c.spec)) },
        },
      },
      `creating container "${c.id}"`,
      'container',
      c.id,
    );
    return res.container;
  }

  async getContainer(id: string): Promise<Container> {
    const res = await this.call<{ container: Container }>(
      this.containers,
      'Get',
      { id },
      `getting container "${id}"`,
      'container',
      id,
    );
    return res.container;
  }

  async listContainers(filters: string[] = []): Promise<Container[]> {
    const res = await this.call<{ containers: Container[] }>(
      this.containers,
      'List',
      { filters },
      'listing containers',
    );
    return res.containers;
  }

  async deleteContainer(id: string): Promise<void> {
    await this.call(this.containers, 'Delete', { id }, `deleting container "${id}"`, 'container', id);
  }

  /** Creates the task (runc create) and returns its PID; Start runs it. */
  async createTask(t: NewTask): Promise<number> {
    const res = await this.call<{ pid: number }>(
      this.tasks,
      'Create',
      { container_id: t.containerId, stdout: t.stdout ?? '', stderr: t.stderr ?? '' },
      `creating task "${t.containerId}"`,
      'task',
      t.containerId,
      { deadline: Date.now() + CONTAINERD_TASK_TIMEOUT_MS },
    );
    return res.pid;
  }

  async startTask(containerId: string): Promise<number> {
    const res = await this.call<{ pid: number }>(
      this.tasks,
      'Start',
      { container_id: containerId },
      `starting task "${containerId}"`,
      'task',
      containerId,
      { deadline: Date.now() + CONTAINERD_TASK_TIMEOUT_MS },
    );
    return res.pid;
  }

  /** Sends `signal` (a number, e.g. 15) to the task's init process, or to all its processes. */
  async killTask(containerId: string, signal: number, all = false): Promise<void> {
    await this.call(
      this.tasks,
      'Kill',
      { container_id: containerId, signal, all },
      `killing task "${containerId}"`,
      'task',
      containerId,
    );
  }

  /** Waits for the task to exit; aborting `signal` cancels the wait (rejects). No deadline. */
  async waitTask(containerId: string, signal?: AbortSignal): Promise<ExitStatus> {
    const res = await this.call<{ exit_status: number; exited_at?: Timestamp | null }>(
      this.tasks,
      'Wait',
      { container_id: containerId },
      `waiting for task "${containerId}"`,
      'task',
      containerId,
      { deadline: Infinity, signal },
    );
    return { exitStatus: res.exit_status, exitedAt: toDate(res.exited_at) };
  }

  async deleteTask(containerId: string): Promise<ExitStatus> {
    const res = await this.call<{ exit_status: number; exited_at?: Timestamp | null }>(
      this.tasks,
      'Delete',
      { container_id: containerId },
      `deleting task "${containerId}"`,
      'task',
      containerId,
    );
    return { exitStatus: res.exit_status, exitedAt: toDate(res.exited_at) };
  }

  async getTask(containerId: string): Promise<TaskProcess> {
    const res = await this.call<{ process: RawProcess }>(
      this.tasks,
      'Get',
      { container_id: containerId },
      `getting task "${containerId}"`,
      'task',
      containerId,
    );
    return fromRawProcess(res.process);
  }

  async listTasks(filter = ''): Promise<TaskProcess[]> {
    const res = await this.call<{ tasks: RawProcess[] }>(this.tasks, 'List', { filter }, 'listing tasks');
    return res.tasks.map(fromRawProcess);
  }

  private call<T>(
    client: RawClient,
    method: string,
    req: object,
    what: string,
    kind?: 'container' | 'task',
    id?: string,
    opts: { deadline?: number; signal?: AbortSignal } = {},
  ): Promise<T> {
    const md = new grpc.Metadata();
    md.set(CONTAINERD_NAMESPACE_HEADER, this.namespace);
    const deadline = opts.deadline ?? Date.now() + this.timeoutMs;
    const fn = client[method];
    if (!fn) return Promise.reject(new Error(`containerd: no method ${method}`));
    return new Promise<T>((resolve, reject) => {
      if (opts.signal?.aborted)
        return reject(new ContainerdError(`containerd: ${what}: cancelled`, grpc.status.CANCELLED));
      const call = fn.call(client, req, md, { deadline }, (err, res) => {
        opts.signal?.removeEventListener('abort', cancel);
        if (err) return reject(mapError(err, what, kind, id));
        resolve(res as T);
      });
      const cancel = (): void => call.cancel();
      opts.signal?.addEventListener('abort', cancel, { once: true });
    });
  }
}

interface Timestamp {
  seconds: number;
  nanos: number;
}

interface RawProcess {
  container_id: string;
  /** Tasks.List fills `id` (the container's) and leaves container_id empty. */
  id: string;
  pid: number;
  status: TaskStatus;
  exit_status: number;
}

function fromRawProcess(p: RawProcess): TaskProcess {
  return { containerId: p.container_id || p.id, pid: p.pid, status: p.status, exitStatus: p.exit_status };
}

function toDate(ts: Timestamp | null | undefined): Date | undefined {
  return ts ? new Date(ts.seconds * 1000 + Math.floor(ts.nanos / 1e6)) : undefined;
}

function mapError(err: grpc.ServiceError, what: string, kind?: string, id?: string): ContainerdError {
  if (err.code === grpc.status.NOT_FOUND && kind && id !== undefined)
    return new ContainerdError(`containerd: ${kind} "${id}" not found`, err.code);
  if (err.code === grpc.status.ALREADY_EXISTS && kind && id !== undefined)
    return new ContainerdError(`containerd: ${kind} "${id}" already exists`, err.code);
  return new ContainerdError(`containerd: error ${what}: ${err.details || err.message}`, err.code);
}

/**
 * Kills (SIGKILL) and deletes every task and container of the client's namespace. Shims outlive
 * containerd, so whoever stops a containerd should purge what it started first.
 */
export async function purgeNamespace(client: ContainerdClient): Promise<void> {
  for (const task of await client.listTasks()) {
    if (task.status !== 'STOPPED') {
      const exited = client.waitTask(task.containerId).catch(() => undefined);
      await client.killTask(task.containerId, 9, true).catch(() => undefined);
      await exited;
    }
    await client.deleteTask(task.containerId).catch(() => undefined);
  }
  for (const c of await client.listContainers()) await client.deleteContainer(c.id).catch(() => undefined);
}
