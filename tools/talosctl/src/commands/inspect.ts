// talosctl inspect dependencies: the controller runtime's graph in graphviz's dot language, as
// Talos draws it: controllers are boxes, resource types (or, with --with-resources, the resources
// themselves, grouped by type) are filled notes; outputs are bold arrows controller -> type,
// strong inputs solid and weak inputs dotted arrows type -> controller, labelled with the input's id.
import { Command } from 'commander';
import { inspect } from '@talos/api';
import { CliRun, messageOf } from '../cli';

export type EdgeKind = 'MANAGES' | 'STRONG' | 'WEAK';

export interface GraphEdge {
  controllerName: string;
  edgeType: EdgeKind;
  resourceNamespace: string;
  resourceType: string;
  resourceId: string;
}

/** A live resource, for --with-resources. */
export interface GraphResource {
  namespace: string;
  type: string;
  id: string;
  owner: string;
}

const EDGE_KIND: Record<number, EdgeKind> = {
  [inspect.DependencyEdgeType.MANAGES]: 'MANAGES',
  [inspect.DependencyEdgeType.STRONG]: 'STRONG',
  [inspect.DependencyEdgeType.WEAK]: 'WEAK',
};

export function decodeEdges(messages: readonly inspect.IControllerRuntimeDependency[]): GraphEdge[] {
  return messages.flatMap((m) =>
    (m.edges ?? []).map((e) => ({
      controllerName: e.controllerName ?? '',
      edgeType: EDGE_KIND[e.edgeType ?? 0] ?? 'MANAGES',
      resourceNamespace: e.resourceNamespace ?? '',
      resourceType: e.resourceType ?? '',
      resourceId: e.resourceId ?? '',
    })),
  );
}

type Attrs = Record<string, string>;

const quote = (s: string): string => `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
const attrList = (a: Attrs): string =>
  `[${Object.keys(a)
    .sort()
    .map((k) => `${k}=${quote(a[k] ?? '')}`)
    .join(',')}]`;

const CONTROLLER: Attrs = { shape: 'box' };
const RESOURCE: Attrs = { shape: 'note', fillcolor: 'azure2', style: 'filled' };

/** A directed graph written in dot; nodes get ids n1, n2... in the order they are first named. */
class DotGraph {
  private readonly ids = new Map<string, string>();
  private readonly nodes: string[] = [];
  private readonly clusters = new Map<string, string[]>();
  private readonly edges: string[] = [];

  node(name: string, attrs: Attrs, cluster?: string): string {
    const known = this.ids.get(name);
    if (known) return known;
    const id = `n${this.ids.size + 1}`;
    this.ids.set(name, id);
    const line = `${id}${attrList({ label: name, ...attrs })};`;
    if (cluster === undefined) this.nodes.push(line);
    else {
      const members = this.clusters.get(cluster) ?? [];
      members.push(line);
      this.clusters.set(cluster, members);
    }
    return id;
  }

  edge(from: string, to: string, attrs: Attrs): void {
    this.edges.push(`${from}->${to}${attrList(attrs)};`);
  }

  write(): string {
    const out = ['digraph  {'];
    let n = 0;
    for (const [label, members] of this.clusters) {
      out.push(`\tsubgraph cluster_s${++n} {`, `\t\tlabel=${quote(label)};`);
      for (const m of members) out.push(`\t\t${m}`);
      out.push('\t}');
    }
    for (const line of [...this.nodes, ...this.edges]) out.push(`\t${line}`);
    out.push('}', '');
    return out.join('\n');
  }
}

const INPUT_STYLE: Record<EdgeKind, string> = { MANAGES: 'bold', STRONG: 'solid', WEAK: 'dotted' };

/** The graph of controllers and resource types. */
export function dependenciesDot(edges: readonly GraphEdge[]): string {
  const g = new DotGraph();
  for (const e of edges) {
    g.node(e.controllerName, CONTROLLER);
    g.node(e.resourceType, RESOURCE);
  }
  for (const e of edges) {
    const ctrl = g.node(e.controllerName, CONTROLLER);
    const res = g.node(e.resourceType, RESOURCE);
    if (e.edgeType === 'MANAGES') g.edge(ctrl, res, { style: 'bold' });
    else {
      const attrs: Attrs = { style: INPUT_STYLE[e.edgeType] };
      if (e.resourceId) attrs['label'] = e.resourceId;
      g.edge(res, ctrl, attrs);
    }
  }
  return g.write();
}

/**
 * The graph with each resource type replaced by its live resources (`resources`, keyed by type),
 * one cluster per type; an output edge goes only to the resources the controller owns, an input
 * edge with an id only from that resource.
 */
export function dependenciesWithResourcesDot(
  edges: readonly GraphEdge[],
  resources: ReadonlyMap<string, readonly GraphResource[]>,
): string {
  const g = new DotGraph();
  const name = (r: GraphResource): string => `${r.namespace}/${r.type}/${r.id}`;
  for (const e of edges) g.node(e.controllerName, CONTROLLER);
  for (const [type, list] of resources) for (const r of list) g.node(name(r), RESOURCE, type);
  for (const e of edges) {
    const ctrl = g.node(e.controllerName, CONTROLLER);
    for (const r of resources.get(e.resourceType) ?? []) {
      if (e.resourceId && r.id !== e.resourceId) continue;
      const res = g.node(name(r), RESOURCE, e.resourceType);
      if (e.edgeType === 'MANAGES') {
        if (r.owner === e.controllerName) g.edge(ctrl, res, { style: 'solid' });
      } else g.edge(res, ctrl, { style: INPUT_STYLE[e.edgeType] });
    }
  }
  return g.write();
}

export function registerInspect(program: Command, run: CliRun): void {
  const cmd = program.command('inspect').description('Inspect internals of Talos');
  cmd
    .command('dependencies')
    .description(
      'Inspect controller-resource dependencies as graphviz graph.\n\n' +
        'Pipe the output through "dot" (graphviz) to render it:\n\n' +
        '  talosctl inspect dependencies | dot -Tpng > graph.png',
    )
    .option('--with-resources', 'display live resource information with dependencies', false)
    .action(async (opts: { withResources: boolean }, sub: Command) => {
      await run.withClient(sub, async (client) => {
        if (client.nodes.length > 1) {
          throw new Error('command "inspect dependencies" is not supported with multiple nodes');
        }
        let edges: GraphEdge[];
        try {
          const parts = run.answered(await client.inspectDependencies({ signal: run.signal }));
          edges = decodeEdges(parts.map((p) => p.message));
        } catch (err) {
          throw new Error(`error getting controller runtime dependencies: ${messageOf(err)}`);
        }
        if (!opts.withResources) {
          run.out(dependenciesDot(edges));
          return;
        }
        const resources = new Map<string, GraphResource[]>();
        for (const e of edges) {
          if (resources.has(e.resourceType)) continue;
          const list: GraphResource[] = [];
          resources.set(e.resourceType, list);
          try {
            const stream = client.resourceList(
              { type: e.resourceType, namespace: e.resourceNamespace },
              { signal: run.signal },
            );
            for await (const p of stream) {
              if (p.error !== undefined) throw new Error(p.error);
              const md = p.message.resource?.metadata;
              if (!md) continue;
              list.push({
                namespace: md.namespace ?? '',
                type: md.type ?? '',
                id: md.id ?? '',
                owner: md.owner ?? '',
              });
            }
          } catch (err) {
            throw new Error(`error listing resources: ${messageOf(err)}`);
          }
        }
        run.out(dependenciesWithResourcesDot(edges, resources));
      });
    });
}
