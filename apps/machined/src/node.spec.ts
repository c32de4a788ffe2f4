import { mkdtemp, rm } from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import type { MachineConfig } from '@talos/config';
import { NodePaths } from '@talos/constants';
import { silentLogger } from '@talos/log';
import { MachineNode } from './node';
import { InProcessRunner } from './system/in-process-runner';
import { LogBuffer } from './system/log-buffer';
import { ServiceState } from './system/service-state';

describe('MachineNode.startEarly', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'machined-node-'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('resolves once the services it starts run, and leaves the others alone', async () => {
    const root = path.join(dir, 'node');
    const node = new MachineNode({
      root,
      address: '127.0.0.1',
      configPath: new NodePaths(root).configFile,
      config: { machine: { type: 'join' } } as unknown as MachineConfig,
      bundleDir: dir,
      machinedLog: new LogBuffer(),
      logger: silentLogger(),
      services: () => [
        // A slow pre step: what machined's thread must not hold up (containerd's config and bind).
        { id: 'containerd', pre: () => delay(200), runner: () => new InProcessRunner('containerd') },
        { id: 'other', runner: () => new InProcessRunner('other') },
      ],
    });
    try {
      await node.startEarly('containerd', 'not-in-the-list');
      expect(node.supervisor.get('containerd').state).toBe(ServiceState.Running);
      expect(node.supervisor.get('other').state).toBe(ServiceState.Initialized);
    } finally {
      await node.stop();
    }
  });
});
