import { configTree, generateConfigs, parseConfig, serializeConfig } from '@talos/config';
import { machineConfigDocument, machineConfigOf, rememberParsedConfig } from './machine-config-cache';

describe('the MachineConfig parse the controllers share', () => {
  const text = serializeConfig(
    generateConfigs({ clusterName: 'cache', endpoint: 'https://10.5.0.2:6443' }).controlplane,
  );

  it('reuses what machined parsed the text into, instead of parsing it again', () => {
    const parsed = parseConfig(text);
    rememberParsedConfig(text, parsed);
    expect(machineConfigOf(text)).toBe(parsed);
    expect(machineConfigDocument(text)).toBe(configTree(parsed));
    expect((machineConfigDocument(text) as { machine: { type: string } }).machine.type).toBe('controlplane');
  });

  it('parses a text it was not given once, and shares that parse', () => {
    const other = text.replace('type: controlplane', 'type: join');
    const config = machineConfigOf(other);
    expect(config.machine.type).toBe('join');
    expect(machineConfigOf(other)).toBe(config);
    expect(machineConfigDocument(other)).toBe(machineConfigDocument(other));
    expect((machineConfigDocument(other) as { machine: { type: string } }).machine.type).toBe('join');
    // The text remembered before is no longer the one shared.
    expect(machineConfigOf(text).machine.type).toBe('controlplane');
  });

  it('throws on a text that is not a valid config, as parsing does', () => {
    expect(() => machineConfigOf('machine: [')).toThrow(/yaml/);
    expect(() => machineConfigDocument('machine: [')).toThrow();
  });
});
