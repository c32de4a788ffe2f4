// talosctl get TYPE [ID]: resources from the nodes' resource API as a table, YAML or JSON, once or
// watched. The type may be its full name, display type or any alias; the definition that comes
// with each reply names the TYPE column and adds its print columns.
import { Command, InvalidArgumentError } from 'commander';
import { resource } from '@talos/api';
import type { NodePart } from '@talos/client';
import { parse } from 'yaml';
import { CliRun, messageOf } from '../cli';
import { StreamingTable, formatTable } from '../output/table';

export type GetOutput = 'table' | 'yaml' | 'json';
export type ResourceEvent = 'created' | 'updated' | 'destroyed';

/** One resource as a node sent it, with the definition of its type. */
export interface ResourceItem {
  node: string;
  definition: resource.IResource | null | undefined;
  resource: resource.IResource | null | undefined;
  /** Set in watch mode. */
  event?: ResourceEvent;
}

interface DefinitionSpec {
  displayType?: string;
  printColumns?: { name?: string; jsonPath?: string }[];
}

export const GET_HEADER = ['NODE', 'NAMESPACE', 'TYPE', 'ID', 'VERSION'];
const EVENT_MARK: Record<ResourceEvent, string> = { created: '+', updated: ' ', destroyed: '-' };

function specText(r: resource.IResource | null | undefined): string {
  const bytes = r?.spec?.yaml;
  return bytes ? Buffer.from(bytes).toString() : '';
}

function definitionSpec(item: ResourceItem): DefinitionSpec {
  try {
    return (parse(specText(item.definition)) as DefinitionSpec | null) ?? {};
  } catch {
    return {};
  }
}

/** The value a print column's path (`{.running}`, `{.a.b}`) names in the spec, as Go prints it. */
export function columnValue(spec: unknown, jsonPath: string): string {
  const path = jsonPath
    .replace(/^\{|\}$/g, '')
    .split('.')
    .filter((p) => p !== '');
  let value: unknown = spec;
  for (const key of path) {
    if (value === null || typeof value !== 'object') return '';
    value = (value as Record<string, unknown>)[key];
  }
  if (value === undefined || value === null) return '';
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

/**
 * The table: the header comes with the first resource (it needs its definition). A watch prints
 * rows as they arrive; a list is aligned as a whole and printed by flush().
 */
export class ResourceTable {
  private readonly table = new StreamingTable();
  private readonly rows: string[][] = [];
  private columns: { name: string; jsonPath: string }[] | undefined;

  constructor(private readonly watch: boolean) {}

  /** What to print now for one resource (the header too, the first time). */
  render(item: ResourceItem): string {
    if (!this.columns) {
      this.columns = (definitionSpec(item).printColumns ?? []).map((c) => ({
        name: c.name ?? '',
        jsonPath: c.jsonPath ?? '',
      }));
      const header = [...GET_HEADER, ...this.columns.map((c) => c.name.toUpperCase())];
      if (this.watch) header.unshift('*');
      this.rows.push(header);
    }
    const row = this.row(item);
    if (!this.watch) {
      this.rows.push(row);
      return '';
    }
    let out = '';
    if (this.rows.length > 0) {
      this.table.widen(row);
      out = this.table.row(this.rows.pop() as string[]);
    }
    return out + this.table.row(row);
  }

  /** The list's aligned table ('' in watch mode, where rows went out already). */
  flush(): string {
    if (this.watch || this.rows.length === 0) return '';
    return formatTable(this.rows);
  }

  private row(item: ResourceItem): string[] {
    const md = item.resource?.metadata;
    let spec: unknown;
    try {
      spec = parse(specText(item.resource));
    } catch {
      spec = undefined;
    }
    const cells = [
      item.node,
      md?.namespace ?? '',
      definitionSpec(item).displayType ?? md?.type ?? '',
      md?.id ?? '',
      md?.version ?? '',
      ...(this.columns ?? []).map((c) => columnValue(spec, c.jsonPath)),
    ];
    if (this.watch) cells.unshift(EVENT_MARK[item.event ?? 'updated']);
    return cells;
  }
}

function metadataLines(item: ResourceItem): string[] {
  const md = item.resource?.metadata;
  const lines = [
    `    namespace: ${md?.namespace ?? ''}`,
    `    type: ${md?.type ?? ''}`,
    `    id: ${md?.id ?? ''}`,
    `    version: ${md?.version ?? ''}`,
  ];
  if (md?.owner) lines.push(`    owner: ${md.owner}`);
  lines.push(`    phase: ${md?.phase ?? ''}`);
  if (md?.finalizers?.length) lines.push('    finalizers:', ...md.finalizers.map((f) => `        - ${f}`));
  return lines;
}

/**
 * One YAML document per resource. The spec is the node's YAML text indented under `spec:`, as
 * sent: MachineConfig keeps the comments of the file as written.
 */
export function resourceYaml(item: ResourceItem): string {
  const lines = [`node: ${item.node}`, 'metadata:', ...metadataLines(item)];
  const spec = specText(item.resource).replace(/\n+$/, '');
  lines.push('spec:');
  for (const line of spec.split('\n')) lines.push(line === '' ? '' : `    ${line}`);
  if (item.event) lines.push(`event: ${item.event}`);
  return `${lines.join('\n')}\n`;
}

export function resourceJson(item: ResourceItem): string {
  const md = item.resource?.metadata;
  let spec: unknown;
  try {
    spec = parse(specText(item.resource));
  } catch {
    spec = specText(item.resource);
  }
  const out: Record<string, unknown> = {
    node: item.node,
    metadata: {
      namespace: md?.namespace ?? '',
      type: md?.type ?? '',
      id: md?.id ?? '',
      version: Number(md?.version ?? 0),
      owner: md?.owner ?? '',
      phase: md?.phase ?? '',
      finalizers: md?.finalizers ?? [],
    },
    spec,
  };
  if (item.event) out['event'] = item.event;
  return `${JSON.stringify(out, null, 4)}\n`;
}

/** Writes resources in the chosen format as they come. */
export class ResourcePrinter {
  private readonly table: ResourceTable;
  private documents = 0;

  constructor(
    private readonly output: GetOutput,
    watch: boolean,
  ) {
    this.table = new ResourceTable(watch);
  }

  print(item: ResourceItem): string {
    switch (this.output) {
      case 'table':
        return this.table.render(item);
      case 'yaml':
        return (this.documents++ > 0 ? '---\n' : '') + resourceYaml(item);
      case 'json':
        return resourceJson(item);
    }
  }

  /** What is left to print at the end (a list's table). */
  flush(): string {
    return this.output === 'table' ? this.table.flush() : '';
  }
}

const EVENT_NAME: Record<number, ResourceEvent> = {
  [resource.EventType.CREATED]: 'created',
  [resource.EventType.UPDATED]: 'updated',
  [resource.EventType.DESTROYED]: 'destroyed',
};

function parseOutput(value: string): GetOutput {
  if (value === 'table' || value === 'yaml' || value === 'json') return value;
  throw new InvalidArgumentError('expected table, yaml or json');
}

interface GetOptions {
  namespace: string;
  output: GetOutput;
  watch: boolean;
}

export function registerGet(program: Command, run: CliRun): void {
  program
    .command('get')
    .argument('<type>', 'resource type: full type, display type or alias (rd, ns, svc...)')
    .argument('[id]', 'resource ID')
    .description('Get a specific resource or list of resources')
    .option('--namespace <ns>', "resource namespace (default is to use the type's default namespace)", '')
    .option('-o, --output <format>', 'output mode (table, yaml, json)', parseOutput, 'table')
    .option('-w, --watch', 'watch resource changes', false)
    .action(async (type: string, id: string | undefined, opts: GetOptions, cmd: Command) => {
      const printer = new ResourcePrinter(opts.output, opts.watch);
      const show = (item: ResourceItem): void => run.out(printer.print(item));
      const part = <
        M extends { definition?: resource.IResource | null; resource?: resource.IResource | null },
      >(
        p: NodePart<M>,
        event?: ResourceEvent,
      ): ResourceItem => ({
        node: p.node,
        definition: p.message.definition,
        resource: p.message.resource,
        event,
      });
      await run.withClient(cmd, async (client) => {
        const call = { signal: run.signal };
        try {
          if (opts.watch) {
            const stream = client.resourceWatch({ type, id, namespace: opts.namespace }, call);
            for await (const p of stream) {
              if (p.error !== undefined) run.nodeError(p.node, p.error);
              else if (p.message.resource) show(part(p, EVENT_NAME[p.message.eventType ?? 0] ?? 'updated'));
            }
          } else if (id !== undefined) {
            const parts = await client.resourceGet({ type, id, namespace: opts.namespace }, call);
            for (const p of run.answered(parts)) show(part(p));
          } else {
            for await (const p of client.resourceList({ type, namespace: opts.namespace }, call)) {
              if (p.error !== undefined) run.nodeError(p.node, p.error);
              else if (p.message.resource) show(part(p));
            }
          }
        } catch (err) {
          run.out(printer.flush());
          throw new Error(`error getting resources: ${messageOf(err)}`);
        }
        run.out(printer.flush());
      });
    });
}
