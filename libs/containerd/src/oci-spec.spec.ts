import { systemContainerSpec } from './oci-spec';

describe('systemContainerSpec', () => {
  const base = { id: 'apid', rootfs: '/run/talos/rootfs', args: ['/usr/bin/node', 'apid/main.js'] };

  it('keeps only the listed capabilities, in every set, with no new privileges', () => {
    const spec = systemContainerSpec({
      ...base,
      capabilities: ['CAP_SYS_TIME', 'CAP_NET_ADMIN', 'CAP_SYS_TIME'],
    });
    const caps = ['CAP_NET_ADMIN', 'CAP_SYS_TIME'];
    expect(spec.process.capabilities).toEqual({ bounding: caps, effective: caps, permitted: caps });
    expect(spec.process.noNewPrivileges).toBe(true);
    expect(systemContainerSpec(base).process.capabilities.effective).toEqual([]);
  });

  it('has a read-only root, its own pid/ipc/uts/mount namespaces and the host network', () => {
    const spec = systemContainerSpec(base);
    expect(spec.root).toEqual({ path: '/run/talos/rootfs', readonly: true });
    expect(spec.linux.namespaces.map((n) => n.type).sort()).toEqual(['ipc', 'mount', 'pid', 'uts']);
    expect(spec.hostname).toBe('apid');
    const shared = systemContainerSpec({ ...base, hostUts: true });
    expect(shared.linux.namespaces.map((n) => n.type)).not.toContain('uts');
    expect(shared.hostname).toBeUndefined();
  });

  it('sets the memory limit, the cgroup path, the args, env and cwd', () => {
    const spec = systemContainerSpec({
      ...base,
      memoryLimitBytes: 128 * 1024 * 1024,
      env: { TZ: 'UTC' },
      cgroupParent: '/system',
    });
    expect(spec.linux.resources?.memory).toEqual({ limit: 134217728 });
    expect(spec.linux.cgroupsPath).toBe('/system/apid');
    expect(spec.process.args).toEqual(base.args);
    expect(spec.process.env).toContain('TZ=UTC');
    expect(spec.process.env.find((e) => e.startsWith('PATH='))).toBeDefined();
    expect(spec.process.cwd).toBe('/');
    expect(systemContainerSpec(base).linux.resources?.memory).toBeUndefined();
  });

  it('binds /sys read-only (a fresh sysfs fails with the host netns) and the listed directories', () => {
    const spec = systemContainerSpec({
      ...base,
      binds: [
        { source: '/node/system/run', destination: '/system/run', readonly: false },
        { source: '/node/system/state', destination: '/system/state', readonly: true },
      ],
    });
    const byDest = new Map(spec.mounts.map((m) => [m.destination, m]));
    expect(byDest.get('/sys')).toMatchObject({ type: 'bind', source: '/sys' });
    expect(byDest.get('/sys')!.options).toContain('ro');
    expect(byDest.get('/proc')).toMatchObject({ type: 'proc' });
    expect(byDest.get('/dev')).toMatchObject({ type: 'tmpfs' });
    expect(byDest.get('/system/run')).toEqual({
      destination: '/system/run',
      type: 'bind',
      source: '/node/system/run',
      options: ['rbind', 'rw'],
    });
    expect(byDest.get('/system/state')!.options).toEqual(['rbind', 'ro']);
    expect(spec.linux.maskedPaths).toContain('/proc/kcore');
    expect(spec.linux.readonlyPaths).toContain('/proc/sys');
  });

  it('gives udevd the host /dev and a writable /sys, with device access', () => {
    const spec = systemContainerSpec({ ...base, id: 'udevd', hostDev: true, sysWritable: true });
    const byDest = new Map(spec.mounts.map((m) => [m.destination, m]));
    expect(byDest.get('/dev')).toMatchObject({ type: 'bind', source: '/dev' });
    expect(byDest.has('/dev/pts')).toBe(false);
    expect(byDest.get('/sys')!.options).toContain('rw');
    expect(spec.linux.resources?.devices).toEqual([{ allow: true, access: 'rwm' }]);
  });

  it('carries the runc shim group as an annotation, only when given one', () => {
    expect(systemContainerSpec({ id: 'a', args: ['/x'], rootfs: '/r' }).annotations).toBeUndefined();
    expect(
      systemContainerSpec({ id: 'a', args: ['/x'], rootfs: '/r', shimGroup: 'system' }).annotations,
    ).toEqual({ 'io.containerd.runc.v2.group': 'system' });
  });

  it('serializes to the JSON runc reads', () => {
    const json = JSON.parse(JSON.stringify(systemContainerSpec(base))) as Record<string, unknown>;
    expect(Object.keys(json).sort()).toEqual([
      'hostname',
      'linux',
      'mounts',
      'ociVersion',
      'process',
      'root',
    ]);
    expect(json.ociVersion).toMatch(/^1\.0\./);
  });
});
