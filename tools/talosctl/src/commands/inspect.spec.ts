import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { inspect } from '@talos/api';
import {
  decodeEdges,
  dependenciesDot,
  dependenciesWithResourcesDot,
  type GraphEdge,
  type GraphResource,
} from './inspect';

const CONFIG = 'MachineConfigs.config.talos.dev';
const TYPE = 'MachineTypes.config.talos.dev';
const SVC = 'Services.v1alpha1.talos.dev';

const EDGES: GraphEdge[] = [
  {
    controllerName: 'config.MachineTypeController',
    edgeType: 'MANAGES',
    resourceNamespace: '',
    resourceType: TYPE,
    resourceId: '',
  },
  {
    controllerName: 'config.MachineTypeController',
    edgeType: 'STRONG',
    resourceNamespace: 'config',
    resourceType: CONFIG,
    resourceId: 'v1alpha1',
  },
  {
    controllerName: 'v1alpha1.Watcher',
    edgeType: 'WEAK',
    resourceNamespace: 'runtime',
    resourceType: SVC,
    resourceId: '',
  },
];

const DOT = '/usr/bin/dot';

describe('talosctl inspect dependencies', () => {
  it('decodes the wire edges (enum numbers as Talos v0.9.3 sends them)', () => {
    const edges = decodeEdges([
      {
        edges: [
          {
            controllerName: 'c',
            edgeType: inspect.DependencyEdgeType.STRONG,
            resourceNamespace: 'config',
            resourceType: CONFIG,
            resourceId: 'v1alpha1',
          },
          { controllerName: 'c', edgeType: inspect.DependencyEdgeType.MANAGES, resourceType: TYPE },
          {
            controllerName: 'c',
            edgeType: inspect.DependencyEdgeType.WEAK,
            resourceNamespace: 'runtime',
            resourceType: SVC,
          },
        ],
      },
    ]);
    expect(edges.map((e) => e.edgeType)).toEqual(['STRONG', 'MANAGES', 'WEAK']);
    expect(edges[1]).toEqual({
      controllerName: 'c',
      edgeType: 'MANAGES',
      resourceNamespace: '',
      resourceType: TYPE,
      resourceId: '',
    });
  });

  it('draws controllers as boxes, types as notes and edges styled by kind', () => {
    expect(dependenciesDot(EDGES)).toBe(
      [
        'digraph  {',
        '\tn1[label="config.MachineTypeController",shape="box"];',
        `\tn2[fillcolor="azure2",label="${TYPE}",shape="note",style="filled"];`,
        `\tn3[fillcolor="azure2",label="${CONFIG}",shape="note",style="filled"];`,
        '\tn4[label="v1alpha1.Watcher",shape="box"];',
        `\tn5[fillcolor="azure2",label="${SVC}",shape="note",style="filled"];`,
        '\tn1->n2[style="bold"];',
        '\tn3->n1[label="v1alpha1",style="solid"];',
        '\tn5->n4[style="dotted"];',
        '}',
        '',
      ].join('\n'),
    );
  });

  it('with resources: one cluster per type, outputs only to owned resources, inputs by id', () => {
    const resources = new Map<string, GraphResource[]>([
      [
        TYPE,
        [{ namespace: 'config', type: TYPE, id: 'machine-type', owner: 'config.MachineTypeController' }],
      ],
      [
        CONFIG,
        [
          { namespace: 'config', type: CONFIG, id: 'other', owner: '' },
          { namespace: 'config', type: CONFIG, id: 'v1alpha1', owner: '' },
        ],
      ],
      [SVC, [{ namespace: 'runtime', type: SVC, id: 'apid', owner: 'someone.Else' }]],
    ]);
    const out = dependenciesWithResourcesDot(EDGES, resources);
    expect(out).toBe(
      [
        'digraph  {',
        '\tsubgraph cluster_s1 {',
        `\t\tlabel="${TYPE}";`,
        `\t\tn3[fillcolor="azure2",label="config/${TYPE}/machine-type",shape="note",style="filled"];`,
        '\t}',
        '\tsubgraph cluster_s2 {',
        `\t\tlabel="${CONFIG}";`,
        `\t\tn4[fillcolor="azure2",label="config/${CONFIG}/other",shape="note",style="filled"];`,
        `\t\tn5[fillcolor="azure2",label="config/${CONFIG}/v1alpha1",shape="note",style="filled"];`,
        '\t}',
        '\tsubgraph cluster_s3 {',
        `\t\tlabel="${SVC}";`,
        `\t\tn6[fillcolor="azure2",label="runtime/${SVC}/apid",shape="note",style="filled"];`,
        '\t}',
        '\tn1[label="config.MachineTypeController",shape="box"];',
        '\tn2[label="v1alpha1.Watcher",shape="box"];',
        '\tn1->n3[style="solid"];',
        '\tn5->n1[style="solid"];',
        '\tn6->n2[style="dotted"];',
        '}',
        '',
      ].join('\n'),
    );
  });

  it('quotes labels so any name stays valid dot', () => {
    const out = dependenciesDot([
      {
        controllerName: 'a "quoted" \\ name',
        edgeType: 'WEAK',
        resourceNamespace: 'n',
        resourceType: 'T',
        resourceId: 'x"y',
      },
    ]);
    expect(out).toContain('label="a \\"quoted\\" \\\\ name"');
    expect(out).toContain('label="x\\"y"');
  });

  (existsSync(DOT) ? it : it.skip)('renders with graphviz, with and without resources', () => {
    const empty = dependenciesDot([]);
    expect(empty).toBe('digraph  {\n}\n');
    for (const text of [
      empty,
      dependenciesDot(EDGES),
      dependenciesWithResourcesDot(
        EDGES,
        new Map([
          [
            TYPE,
            [{ namespace: 'config', type: TYPE, id: 'machine-type', owner: 'config.MachineTypeController' }],
          ],
        ]),
      ),
    ]) {
      const png = execFileSync(DOT, ['-Tpng'], { input: text });
      expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    }
  });
});
