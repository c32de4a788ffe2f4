import { InMemoryState } from './in-memory-state';
import {
  META_NAMESPACE,
  NAMESPACE_TYPE,
  NamespaceKind,
  RESOURCE_DEFINITION_TYPE,
  ResourceDefinitionKind,
  defineResourceKind,
  findResourceDefinition,
  registerMeta,
  registerNamespace,
  registerResourceDefinition,
  type ResourceDefinitionSpec,
} from './meta';

describe('meta resources', () => {
  it('derives the aliases Talos lists for ResourceDefinition', () => {
    expect(ResourceDefinitionKind.definition).toEqual({
      type: 'ResourceDefinitions.meta.cosi.dev',
      displayType: 'ResourceDefinition',
      aliases: [
        'resourcedefinitions',
        'resourcedefinition',
        'resourcedefinitions.meta',
        'resourcedefinitions.meta.cosi',
        'rd',
        'rds',
      ],
      printColumns: [],
      defaultNamespace: 'meta',
    });
  });

  it('makes typed pointers in the default namespace, or another', () => {
    const svc = defineResourceKind<{ running: boolean }>({
      type: 'Services.v1alpha1.talos.dev',
      displayType: 'Service',
      defaultNamespace: 'runtime',
      aliases: ['svc'],
      printColumns: [{ name: 'RUNNING', jsonPath: '{.running}' }],
    });
    expect(svc.pointer('apid')).toEqual({
      namespace: 'runtime',
      type: 'Services.v1alpha1.talos.dev',
      id: 'apid',
    });
    expect(svc.pointer('x', 'other').namespace).toBe('other');
    expect(svc.definition.aliases).toEqual([
      'services',
      'service',
      'services.v1alpha1',
      'services.v1alpha1.talos',
      'svc',
    ]);
  });

  it('registers the meta namespace and its two definitions, once', async () => {
    const state = new InMemoryState();
    await registerMeta(state, { owner: 'machined' });
    await registerMeta(state, { owner: 'machined' });
    const defs = await state.list<ResourceDefinitionSpec>(META_NAMESPACE, RESOURCE_DEFINITION_TYPE);
    expect(defs.map((d) => [d.metadata.id, d.metadata.version, d.metadata.owner])).toEqual([
      ['namespaces.meta.cosi.dev', 1, 'machined'],
      ['resourcedefinitions.meta.cosi.dev', 1, 'machined'],
    ]);
    const ns = await state.get(NamespaceKind.pointer('meta'));
    expect(ns.metadata.type).toBe(NAMESPACE_TYPE);
    expect(ns.spec.description).not.toBe('');
  });

  it('updates a definition or namespace that changed', async () => {
    const state = new InMemoryState();
    await registerNamespace(state, 'runtime', 'old');
    const r = await registerNamespace(state, 'runtime', 'new');
    expect([r.metadata.version, r.spec.description]).toEqual([2, 'new']);
    const def = defineResourceKind({ type: 'A.b.c', displayType: 'A', defaultNamespace: 'x' }).definition;
    await registerResourceDefinition(state, def);
    const d = await registerResourceDefinition(state, { ...def, aliases: [...def.aliases, 'aa'] });
    expect(d.metadata.version).toBe(2);
  });

  it('finds a definition by type, display type or alias, in any case', () => {
    const defs = [ResourceDefinitionKind.definition, NamespaceKind.definition];
    expect(findResourceDefinition(defs, 'ns')?.type).toBe(NAMESPACE_TYPE);
    expect(findResourceDefinition(defs, 'Namespace')?.type).toBe(NAMESPACE_TYPE);
    expect(findResourceDefinition(defs, 'RD')?.type).toBe(RESOURCE_DEFINITION_TYPE);
    expect(findResourceDefinition(defs, 'resourcedefinitions.meta.cosi.dev')?.type).toBe(
      RESOURCE_DEFINITION_TYPE,
    );
    expect(findResourceDefinition(defs, 'services')).toBeUndefined();
  });
});
