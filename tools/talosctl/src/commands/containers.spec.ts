import { common } from '@talos/api';
import { containersRequest, renderContainers } from './containers';

describe('talosctl containers', () => {
  it('asks for the system namespace, or k8s.io through CRI with -k', () => {
    expect(containersRequest(false)).toEqual({
      namespace: 'system',
      driver: common.ContainerDriver.CONTAINERD,
    });
    expect(containersRequest(true)).toEqual({ namespace: 'k8s.io', driver: common.ContainerDriver.CRI });
  });

  it('prints NODE NAMESPACE ID IMAGE PID STATUS, one row per container of each node', () => {
    const out = renderContainers([
      {
        node: '10.5.0.2',
        message: {
          containers: [
            { namespace: 'system', id: 'apid', image: 'talos/apid', pid: 1234, status: 'RUNNING' },
            { namespace: 'system', id: 'udevd', image: '', pid: 0, status: 'STOPPED' },
          ],
        },
      },
      { node: '10.5.0.3', message: {} },
    ]);
    expect(out).toBe(
      'NODE       NAMESPACE   ID      IMAGE        PID    STATUS\n' +
        '10.5.0.2   system      apid    talos/apid   1234   RUNNING\n' +
        '10.5.0.2   system      udevd                0      STOPPED\n',
    );
  });
});
