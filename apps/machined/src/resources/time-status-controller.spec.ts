import * as path from 'node:path';
import { TIME_SYNC_HEALTH_SERVICE } from '@talos/constants';
import { silentLogger } from '@talos/log';
import { eventuallyResource, startControllers, type ControllerRig } from '@talos/resources';
import { addStandardServices, createServer, listenUnix, shutdownServer } from '@talos/rpc';
import { makeTmpDir, type TmpDir } from '@talos/testing';
import { RUNTIME_NAMESPACE, TIME_STATUS_ID, TimeStatusKind } from './kinds';
import { TIME_STATUS_CONTROLLER, timeStatusController, timedSyncProbe } from './time-status-controller';

const TYPE = TimeStatusKind.definition.type;

// timed's side of the contract: a gRPC health service whose TIME_SYNC_HEALTH_SERVICE status says
// whether the clock is in sync (apps/timed/src/timed.spec.ts checks that timed sets it).
describe('v1alpha1.TimeStatusController', () => {
  let tmp: TmpDir;
  let rig: ControllerRig | undefined;
  beforeAll(async () => {
    tmp = await makeTmpDir('time-status-');
  });
  afterEach(async () => {
    await rig?.stop();
    rig = undefined;
  });
  afterAll(async () => {
    await tmp?.cleanup();
  });

  it('follows the sync health timed serves, and says not synced when timed is away', async () => {
    const socket = path.join(tmp.path, 'timed.sock');
    const server = createServer();
    const health = addStandardServices(server, { serviceNames: [] });
    health.setStatus(TIME_SYNC_HEALTH_SERVICE, 'NOT_SERVING');
    await listenUnix(server, socket);
    try {
      rig = startControllers([timeStatusController(timedSyncProbe(socket), 20)], {
        logger: silentLogger(),
        backoff: { initialMs: 10, maxMs: 50 },
      });
      await eventuallyResource(rig.state, RUNTIME_NAMESPACE, TYPE, TIME_STATUS_ID, {
        spec: { synced: false },
        metadata: { owner: TIME_STATUS_CONTROLLER },
      });
      health.setStatus(TIME_SYNC_HEALTH_SERVICE, 'SERVING');
      await eventuallyResource(rig.state, RUNTIME_NAMESPACE, TYPE, TIME_STATUS_ID, {
        spec: { synced: true },
      });
    } finally {
      await shutdownServer(server, 100);
    }
    await eventuallyResource(rig.state, RUNTIME_NAMESPACE, TYPE, TIME_STATUS_ID, { spec: { synced: false } });
  });

  it('writes the status only when it changes', async () => {
    rig = startControllers([timeStatusController(async () => true, 5)], {
      logger: silentLogger(),
      backoff: { initialMs: 10, maxMs: 50 },
    });
    await eventuallyResource(rig.state, RUNTIME_NAMESPACE, TYPE, TIME_STATUS_ID, { spec: { synced: true } });
    await new Promise((r) => setTimeout(r, 50));
    expect((await rig.state.get(TimeStatusKind.pointer(TIME_STATUS_ID))).metadata.version).toBe(1);
  });
});
