import { generateConfigs, parseConfig, serializeConfig } from '@talos/config';
import type { NodeConfigSource } from '../resources/node-resources';
import { ConfigApplier } from './config-applier';

const BASE = serializeConfig(
  generateConfigs({ clusterName: 'unit', endpoint: 'https://10.5.0.2:6443' }).join,
);

describe('ConfigApplier', () => {
  it('publishes nothing and keeps the stored config when the write fails', async () => {
    const published: NodeConfigSource[] = [];
    const stored = parseConfig(BASE);
    const applier = new ConfigApplier({
      configPath: '/nowhere/config.yaml',
      stored,
      publish: async (c) => void published.push(c),
      write: () => Promise.reject(new Error('disk full')),
    });
    await expect(applier.apply({ data: Buffer.from(`${BASE}# next\n`) })).rejects.toThrow('disk full');
    expect(published).toEqual([]);
    expect(applier.current()).toBe(stored);
  });

  it('applies one request at a time, in order', async () => {
    const writes: string[] = [];
    const applier = new ConfigApplier({
      configPath: '/x',
      stored: parseConfig(BASE),
      publish: async () => undefined,
      write: async (_f, text) => {
        await new Promise((r) => setTimeout(r, text.includes('first') ? 30 : 0));
        writes.push(text.includes('first') ? 'first' : 'second');
      },
    });
    await Promise.all([
      applier.apply({ data: Buffer.from(`${BASE}# first\n`), onReboot: true }),
      applier.apply({ data: Buffer.from(`${BASE}# second\n`), onReboot: true }),
    ]);
    expect(writes).toEqual(['first', 'second']);
  });
});
