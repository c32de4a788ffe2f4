import * as path from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import type { MachineConfig } from '@talos/config';
import { NodePaths } from '@talos/constants';
import { silentLogger } from '@talos/log';
import { makeTmpDir, type TmpDir } from '@talos/testing';
import { MachineNode } from './node';
import { InProcessRunner } from './system/in-process-runner';
import { LogBuffer } from './system/log-buffer';
import { ServiceState } from './system/service-state';

describe('MachineNode.startEarly', () => {
  let tmp: TmpDir;
  beforeAll(async () => {
    tmp = await makeTmpDir('machined-node-');
  });
  afterAll(() => tmp.cleanup());

  it('resolves once the services it starts run, and leaves the others alone', async () => {
    const root = path.join(tmp.path, 'node');
    const node = new MachineNode({
      root,
      address: '127.0.0.1',
      configPath: new NodePaths(root).configFile,
      config: { machine: { type: 'join' } } as unknown as MachineConfig,
      bundleDir: tmp.path,
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
