// The Talos API client: typed calls over a Connection, every reply split into per-node parts.
import { common, google, inspect, machine, network, resource, services, time } from '@talos/api';
import { SYSTEM_CONTAINERD_NAMESPACE } from '@talos/constants';
import { ClientConfig, ClientContext, ClientConfigError, selectContext } from './talosconfig';
import { CallOptions, Connection, ConnectionOptions, Credentials, RpcMethod } from './connection';
import { NodePart, splitReply, toPart } from './node-reply';

export interface ClientTarget {
  /** Overrides the context's endpoints (`-e`). */
  endpoints?: readonly string[];
  /** Overrides the context's nodes (`-n`). */
  nodes?: readonly string[];
}

export interface RequestOptions {
  signal?: AbortSignal;
  timeoutMs?: number;
}

export interface StreamOptions {
  signal?: AbortSignal;
}

// Requests are built with the message classes, which the generated definitions expect.
const empty = (): google.protobuf.Empty => google.protobuf.Empty.create();

function decodePem(value: string | undefined, field: string, contextName: string): Buffer {
  if (!value) throw new ClientConfigError(`context "${contextName}" has no ${field}`);
  return Buffer.from(value, 'base64');
}

/** The PEM credentials of a context (its fields are base64-encoded PEM). */
export function contextCredentials(context: ClientContext, contextName: string): Credentials {
  return {
    ca: decodePem(context.ca, 'ca', contextName),
    crt: decodePem(context.crt, 'crt', contextName),
    key: decodePem(context.key, 'key', contextName),
  };
}

export class Client {
  readonly nodes: readonly string[];

  constructor(
    private readonly connection: Connection,
    nodes: readonly string[] = [],
  ) {
    this.nodes = [...nodes];
  }

  static connect(opts: ConnectionOptions & { nodes?: readonly string[] }): Client {
    return new Client(new Connection(opts), opts.nodes ?? []);
  }

  /** A client for a context of a talosconfig, with `-e`/`-n` overrides. */
  static fromConfig(config: ClientConfig, contextName?: string, target: ClientTarget = {}): Client {
    const { name, context } = selectContext(config, contextName);
    const endpoints = target.endpoints?.length ? target.endpoints : context.endpoints;
    if (endpoints.length === 0) {
      throw new ClientConfigError(
        `context "${name}" has no endpoints: use --endpoints or talosctl config endpoint`,
      );
    }
    const nodes = target.nodes?.length ? target.nodes : (context.nodes ?? []);
    return Client.connect({ ...contextCredentials(context, name), endpoints, nodes });
  }

  get endpoints(): string[] {
    return this.connection.endpoints.map((e) => e.address);
  }

  /** The same connection aimed at other nodes. */
  withNodes(nodes: readonly string[]): Client {
    return new Client(this.connection, nodes);
  }

  close(): void {
    this.connection.close();
  }

  // ---- generic calls

  async unary<Req, M extends { metadata?: common.IMetadata | null }>(
    method: RpcMethod<Req, { messages?: M[] | null }>,
    request: Req,
    opts: RequestOptions = {},
  ): Promise<NodePart<M>[]> {
    const { reply, endpoint } = await this.connection.unary(method, request, this.callOptions(opts));
    return splitReply(reply, endpoint.host);
  }

  async *stream<Req, M extends { metadata?: common.IMetadata | null }>(
    method: RpcMethod<Req, M>,
    request: Req,
    opts: StreamOptions = {},
  ): AsyncGenerator<NodePart<M>> {
    for await (const { message, endpoint } of this.connection.stream(
      method,
      request,
      this.callOptions(opts),
    )) {
      yield toPart(message, endpoint.host);
    }
  }

  private callOptions(opts: RequestOptions): CallOptions {
    return { ...opts, nodes: this.nodes };
  }

  // ---- machine.MachineService

  version(opts?: RequestOptions): Promise<NodePart<machine.IVersion>[]> {
    return this.unary(services.machine.MachineService.Version, empty(), opts);
  }

  memory(opts?: RequestOptions): Promise<NodePart<machine.IMemory>[]> {
    return this.unary(services.machine.MachineService.Memory, empty(), opts);
  }

  processes(opts?: RequestOptions): Promise<NodePart<machine.IProcess>[]> {
    return this.unary(services.machine.MachineService.Processes, empty(), opts);
  }

  mounts(opts?: RequestOptions): Promise<NodePart<machine.IMounts>[]> {
    return this.unary(services.machine.MachineService.Mounts, empty(), opts);
  }

  containers(
    req: machine.ContainersRequest.$Properties,
    opts?: RequestOptions,
  ): Promise<NodePart<machine.IContainer>[]> {
    return this.unary(
      services.machine.MachineService.Containers,
      machine.ContainersRequest.create(req),
      opts,
    );
  }

  serviceList(opts?: RequestOptions): Promise<NodePart<machine.IServiceList>[]> {
    return this.unary(services.machine.MachineService.ServiceList, empty(), opts);
  }

  serviceStart(id: string, opts?: RequestOptions): Promise<NodePart<machine.IServiceStart>[]> {
    return this.unary(
      services.machine.MachineService.ServiceStart,
      machine.ServiceStartRequest.create({ id }),
      opts,
    );
  }

  serviceStop(id: string, opts?: RequestOptions): Promise<NodePart<machine.IServiceStop>[]> {
    return this.unary(
      services.machine.MachineService.ServiceStop,
      machine.ServiceStopRequest.create({ id }),
      opts,
    );
  }

  serviceRestart(id: string, opts?: RequestOptions): Promise<NodePart<machine.IServiceRestart>[]> {
    return this.unary(
      services.machine.MachineService.ServiceRestart,
      machine.ServiceRestartRequest.create({ id }),
      opts,
    );
  }

  reboot(opts?: RequestOptions): Promise<NodePart<machine.IReboot>[]> {
    return this.unary(services.machine.MachineService.Reboot, empty(), opts);
  }

  shutdown(opts?: RequestOptions): Promise<NodePart<machine.IShutdown>[]> {
    return this.unary(services.machine.MachineService.Shutdown, empty(), opts);
  }

  /**
   * Sends a machine configuration (YAML) to each node: validated there before anything changes;
   * `onReboot` stores it for the next boot, otherwise (`immediate`, the default) it applies now.
   */
  applyConfiguration(
    data: Uint8Array | string,
    mode: { onReboot?: boolean; immediate?: boolean } = {},
    opts?: RequestOptions,
  ): Promise<NodePart<machine.IApplyConfiguration>[]> {
    return this.unary(
      services.machine.MachineService.ApplyConfiguration,
      machine.ApplyConfigurationRequest.create({
        data: typeof data === 'string' ? Buffer.from(data) : data,
        onReboot: mode.onReboot ?? false,
        immediate: mode.immediate ?? false,
      }),
      opts,
    );
  }

  /** Service logs (system containerd namespace); `tailLines` -1 means from the beginning. */
  logs(
    id: string,
    args: { follow?: boolean; tailLines?: number; namespace?: string; driver?: common.ContainerDriver } = {},
    opts?: StreamOptions,
  ): AsyncGenerator<NodePart<common.IData>> {
    const request = machine.LogsRequest.create({
      namespace: args.namespace ?? SYSTEM_CONTAINERD_NAMESPACE,
      id,
      driver: args.driver ?? common.ContainerDriver.CONTAINERD,
      follow: args.follow ?? false,
      tailLines: args.tailLines ?? -1,
    });
    return this.stream(services.machine.MachineService.Logs, request, opts);
  }

  dmesg(
    args: { follow?: boolean; tail?: boolean } = {},
    opts?: StreamOptions,
  ): AsyncGenerator<NodePart<common.IData>> {
    return this.stream(
      services.machine.MachineService.Dmesg,
      machine.DmesgRequest.create({ follow: args.follow ?? false, tail: args.tail ?? false }),
      opts,
    );
  }

  /** A file's bytes from the node (`talosctl read`). */
  read(path: string, opts?: StreamOptions): AsyncGenerator<NodePart<common.IData>> {
    return this.stream(services.machine.MachineService.Read, machine.ReadRequest.create({ path }), opts);
  }

  /** Runtime events; `tailEvents` -1 replays the whole history, 0 none. */
  events(
    args: { tailEvents?: number; tailId?: string; tailSeconds?: number } = {},
    opts?: StreamOptions,
  ): AsyncGenerator<NodePart<machine.IEvent>> {
    return this.stream(
      services.machine.MachineService.Events,
      machine.EventsRequest.create({
        tailEvents: args.tailEvents ?? 0,
        tailId: args.tailId ?? '',
        tailSeconds: args.tailSeconds ?? 0,
      }),
      opts,
    );
  }

  // ---- time.TimeService

  time(opts?: RequestOptions): Promise<NodePart<time.ITime>[]> {
    return this.unary(services.time.TimeService.Time, empty(), opts);
  }

  timeCheck(server: string, opts?: RequestOptions): Promise<NodePart<time.ITime>[]> {
    return this.unary(services.time.TimeService.TimeCheck, time.TimeRequest.create({ server }), opts);
  }

  // ---- network.NetworkService

  interfaces(opts?: RequestOptions): Promise<NodePart<network.IInterfaces>[]> {
    return this.unary(services.network.NetworkService.Interfaces, empty(), opts);
  }

  routes(opts?: RequestOptions): Promise<NodePart<network.IRoutes>[]> {
    return this.unary(services.network.NetworkService.Routes, empty(), opts);
  }

  // ---- resource.ResourceService (type: full type, display type or alias; namespace '' = the type's default)

  resourceGet(
    args: { type: string; id: string; namespace?: string },
    opts?: RequestOptions,
  ): Promise<NodePart<resource.IGet>[]> {
    return this.unary(
      services.resource.ResourceService.Get,
      resource.GetRequest.create({ type: args.type, id: args.id, namespace: args.namespace ?? '' }),
      opts,
    );
  }

  resourceList(
    args: { type: string; namespace?: string },
    opts?: StreamOptions,
  ): AsyncGenerator<NodePart<resource.IListResponse>> {
    return this.stream(
      services.resource.ResourceService.List,
      resource.ListRequest.create({ type: args.type, namespace: args.namespace ?? '' }),
      opts,
    );
  }

  /** The current resources as CREATED events, then every change, until `opts.signal` aborts. */
  resourceWatch(
    args: { type: string; id?: string; namespace?: string },
    opts?: StreamOptions,
  ): AsyncGenerator<NodePart<resource.IWatchResponse>> {
    return this.stream(
      services.resource.ResourceService.Watch,
      resource.WatchRequest.create({ type: args.type, id: args.id ?? '', namespace: args.namespace ?? '' }),
      opts,
    );
  }

  // ---- inspect.InspectService

  /** The controller runtime's graph: which controller reads (STRONG/WEAK) and writes (MANAGES) which type. */
  inspectDependencies(opts?: RequestOptions): Promise<NodePart<inspect.IControllerRuntimeDependency>[]> {
    return this.unary(services.inspect.InspectService.ControllerRuntimeDependencies, empty(), opts);
  }
}
