import { stringify } from 'yaml';
import { columnValue, ResourcePrinter, type ResourceItem } from './get';

const svcDefinition = {
  metadata: {
    namespace: 'meta',
    type: 'ResourceDefinitions.meta.cosi.dev',
    id: 'services.v1alpha1.talos.dev',
    version: '1',
  },
  spec: {
    yaml: Buffer.from(
      stringify({
        type: 'Services.v1alpha1.talos.dev',
        displayType: 'Service',
        printColumns: [
          { name: 'Running', jsonPath: '{.running}' },
          { name: 'Healthy', jsonPath: '{.healthy}' },
        ],
      }),
    ),
  },
};

function service(id: string, version: number, healthy: boolean, event?: ResourceItem['event']): ResourceItem {
  return {
    node: '10.5.0.2',
    definition: svcDefinition,
    resource: {
      metadata: {
        namespace: 'runtime',
        type: 'Services.v1alpha1.talos.dev',
        id,
        version: String(version),
        phase: 'running',
      },
      spec: { yaml: Buffer.from(stringify({ running: true, healthy, unknown: false })) },
    },
    event,
  };
}

describe('talosctl get output', () => {
  it('prints a table with the definition display type and print columns', () => {
    const p = new ResourcePrinter('table', false);
    const out = p.print(service('apid', 1, true)) + p.print(service('machined', 3, false)) + p.flush();
    expect(out).toBe(
      'NODE       NAMESPACE   TYPE      ID         VERSION   RUNNING   HEALTHY\n' +
        '10.5.0.2   runtime     Service   apid       1         true      true\n' +
        '10.5.0.2   runtime     Service   machined   3         true      false\n',
    );
  });

  it('marks watch events in the * column: + created, - destroyed, blank updated', () => {
    const p = new ResourcePrinter('table', true);
    const lines = [
      p.print(service('apid', 1, true, 'created')),
      p.print(service('apid', 1, true, 'destroyed')),
      p.print(service('apid', 2, false, 'updated')),
    ]
      .join('')
      .split('\n');
    expect(lines[0]).toMatch(/^\* +NODE +NAMESPACE/);
    expect(lines[1]).toMatch(/^\+ +10\.5\.0\.2 /);
    expect(lines[2]).toMatch(/^- +10\.5\.0\.2 /);
    expect(lines[3]).toMatch(/^ {2,}10\.5\.0\.2 .* 2 +true +false$/);
  });

  it('prints YAML documents with the spec text as sent (comments kept) and the event in watch mode', () => {
    const config: ResourceItem = {
      node: 'n1',
      definition: svcDefinition,
      resource: {
        metadata: {
          namespace: 'config',
          type: 'MachineConfigs.config.talos.dev',
          id: 'v1alpha1',
          version: '1',
          phase: 'running',
        },
        spec: { yaml: Buffer.from('# hand written\nmachine:\n  type: join # worker\n') },
      },
    };
    const p = new ResourcePrinter('yaml', false);
    const out = p.print(config) + p.print({ ...config, event: 'created' });
    expect(
      out.startsWith(
        [
          'node: n1',
          'metadata:',
          '    namespace: config',
          '    type: MachineConfigs.config.talos.dev',
          '    id: v1alpha1',
          '    version: 1',
          '    phase: running',
          'spec:',
          '    # hand written',
          '    machine:',
          '      type: join # worker',
          '---',
          'node: n1',
        ].join('\n') + '\n',
      ),
    ).toBe(true);
    expect(out).toMatch(/event: created\n$/);
  });

  it('prints JSON with the spec decoded and the event', () => {
    const out = JSON.parse(new ResourcePrinter('json', true).print(service('apid', 2, true, 'updated')));
    expect(out).toMatchObject({
      node: '10.5.0.2',
      metadata: { id: 'apid', version: 2 },
      spec: { running: true, healthy: true },
      event: 'updated',
    });
  });

  it('reads print column paths, nested or missing', () => {
    expect(columnValue({ a: { b: 3 } }, '{.a.b}')).toBe('3');
    expect(columnValue({ a: 1 }, '{.missing}')).toBe('');
    expect(columnValue('text', '{.a}')).toBe('');
  });
});
