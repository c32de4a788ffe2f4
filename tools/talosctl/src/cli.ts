// What every talosctl command shares: where output goes, the global flags, how a client is
// made, and the run's outcome (a node that failed makes the exit code 1, other nodes still print).
import { Command } from 'commander';
import {
  Client,
  ClientConfig,
  ClientConfigError,
  NodePart,
  loadClientConfig,
  parseListFlag,
  resolveTalosconfigPath,
  saveClientConfig,
} from '@talos/client';

export interface Output {
  write(chunk: string): unknown;
}

export interface GlobalOptions {
  talosconfig?: string;
  endpoints: string[];
  nodes: string[];
  context?: string;
}

/** The calls talosctl makes. `Client` implements them; tests pass a fake. */
export type TalosApi = Pick<
  Client,
  | 'nodes'
  | 'close'
  | 'version'
  | 'memory'
  | 'processes'
  | 'mounts'
  | 'containers'
  | 'serviceList'
  | 'serviceStart'
  | 'serviceStop'
  | 'serviceRestart'
  | 'reboot'
  | 'shutdown'
  | 'applyConfiguration'
  | 'logs'
  | 'dmesg'
  | 'read'
  | 'events'
  | 'time'
  | 'timeCheck'
  | 'interfaces'
  | 'routes'
  | 'resourceGet'
  | 'resourceList'
  | 'resourceWatch'
  | 'inspectDependencies'
>;

export interface CliDeps {
  stdout: Output;
  stderr: Output;
  env: NodeJS.ProcessEnv;
  /** Aborted on Ctrl-C: streams (logs -f, events) end quietly. */
  signal: AbortSignal;
  /** Makes the API client for the global flags; defaults to the talosconfig's context. */
  connect?: (globals: GlobalOptions, config: ClientConfig) => TalosApi;
}

/** Repeatable, comma-separated flag values (`-n a -n b,c`) collected into one list. */
export function collectList(value: string, previous: string[] = []): string[] {
  return parseListFlag([...previous, value]);
}

export function addGlobalOptions(program: Command): Command {
  return program
    .option('--talosconfig <path>', 'the path to the Talos configuration file')
    .option(
      '-e, --endpoints <endpoints>',
      'override default endpoints in Talos configuration (repeatable, comma separated)',
      collectList,
      [],
    )
    .option(
      '-n, --nodes <nodes>',
      'target the specified nodes (repeatable, comma separated)',
      collectList,
      [],
    )
    .option('--context <name>', 'context to be used in command');
}

export function globalsOf(cmd: Command): GlobalOptions {
  const o = cmd.optsWithGlobals() as Partial<GlobalOptions>;
  return {
    talosconfig: o.talosconfig,
    endpoints: o.endpoints ?? [],
    nodes: o.nodes ?? [],
    context: o.context,
  };
}

export class CliRun {
  /** Set when any node (or the whole command) failed: the exit code becomes 1. */
  failed = false;

  constructor(readonly deps: CliDeps) {}

  out(text: string): void {
    this.deps.stdout.write(text);
  }

  err(text: string): void {
    this.deps.stderr.write(text);
  }

  get signal(): AbortSignal {
    return this.deps.signal;
  }

  talosconfigPath(globals: GlobalOptions): string {
    return resolveTalosconfigPath(globals.talosconfig, this.deps.env);
  }

  loadConfig(globals: GlobalOptions): ClientConfig {
    return loadClientConfig(this.talosconfigPath(globals));
  }

  saveConfig(globals: GlobalOptions, config: ClientConfig): void {
    saveClientConfig(this.talosconfigPath(globals), config);
  }

  /** Runs `fn` with a client for the global flags, and closes it afterwards. */
  async withClient<T>(cmd: Command, fn: (client: TalosApi) => Promise<T>): Promise<T> {
    const globals = globalsOf(cmd);
    const config = this.loadConfig(globals);
    const connect =
      this.deps.connect ??
      ((g: GlobalOptions, c: ClientConfig) =>
        Client.fromConfig(c, g.context, { endpoints: g.endpoints, nodes: g.nodes }));
    let client: TalosApi;
    try {
      client = connect(globals, config);
    } catch (err) {
      if (err instanceof ClientConfigError) {
        throw new Error(`${err.message} (talosconfig: ${this.talosconfigPath(globals)})`);
      }
      throw err;
    }
    try {
      return await fn(client);
    } finally {
      client.close();
    }
  }

  nodeError(node: string, error: string): void {
    this.failed = true;
    this.err(`${node}: error: ${error}\n`);
  }

  /** The parts of nodes that answered; each failed node is reported on stderr. */
  answered<T>(parts: readonly NodePart<T>[]): NodePart<T>[] {
    const good: NodePart<T>[] = [];
    for (const part of parts) {
      if (part.error !== undefined) this.nodeError(part.node, part.error);
      else good.push(part);
    }
    return good;
  }
}

/** Error text of anything thrown, for "error doing X: ..." messages. */
export function messageOf(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
