import {
  NODE_FLAGS,
  IMAGE_BUNDLE_DIR,
  IMAGE_CONTAINERD,
  IMAGE_LOADER,
  IMAGE_NODE,
  SYSTEM_CONTAINERS_SHIM_GROUP,
} from '@talos/constants';
import { RUNC_SHIM_GROUP_ANNOTATION } from '@talos/containerd';
import { LogBuffer } from '../system/log-buffer';
import { daemonContainerSpec } from './daemon-container';
import { systemServices } from './system-services';

const opts = (machineType: 'init' | 'join') => ({
  root: '/',
  address: '0.0.0.0',
  configPath: '/system/state/config.yaml',
  machineType,
  osCA: () => '',
  bundleDir: IMAGE_BUNDLE_DIR,
  machinedLog: new LogBuffer(),
});

describe('systemServices', () => {
  it('runs machined, containerd, and every daemon after containerd with dev mode dependencies', () => {
    const cp = systemServices(opts('init'));
    expect(cp.map((s) => s.id)).toEqual([
      'machined',
      'containerd',
      'udevd',
      'routerd',
      'networkd',
      'timed',
      'trustd',
      'apid',
    ]);
    const deps = Object.fromEntries(cp.map((s) => [s.id, s.dependsOn ?? []]));
    expect(deps.containerd).toEqual([]);
    expect(deps.udevd).toEqual(['containerd']);
    expect(deps.apid).toEqual(['containerd']);
    expect(deps.timed).toEqual(['containerd', 'networkd']);
    const worker = systemServices(opts('join'));
    expect(worker.map((s) => s.id)).not.toContain('trustd');
    expect(worker.find((s) => s.id === 'apid')!.dependsOn).toEqual(['containerd']);
  });

  it('names the containerd process and the daemon containers like Talos', () => {
    const services = systemServices(opts('init'));
    expect(String(services.find((s) => s.id === 'containerd')!.runner())).toContain(
      `"${IMAGE_CONTAINERD}" "--config"`,
    );
    expect(String(services.find((s) => s.id === 'apid')!.runner())).toBe(
      'Restart(forever, Containerd(system/apid))',
    );
    for (const s of services) expect(s.log).toBeDefined();
  });
});

describe('daemonContainerSpec', () => {
  const base = {
    root: '/node',
    rootfs: '/node/run/talos/rootfs',
    address: '0.0.0.0',
    configPath: '/node/system/state/config.yaml',
  };

  it('runs the image node on the bundle (through the loader) with --root / and the config as the container sees it', () => {
    const spec = daemonContainerSpec('apid', base);
    expect(spec.process.args).toEqual([
      IMAGE_NODE,
      ...NODE_FLAGS,
      IMAGE_LOADER,
      `${IMAGE_BUNDLE_DIR}/apid/main.js`,
      '--root',
      '/',
      '--address',
      '0.0.0.0',
      '--config',
      '/system/state/config.yaml',
    ]);
    expect(spec.root).toEqual({ path: '/node/run/talos/rootfs', readonly: true });
  });

  it('binds run rw, state ro, its secrets rw; etc rw for networkd only', () => {
    const binds = (d: 'apid' | 'networkd') =>
      Object.fromEntries(
        daemonContainerSpec(d, base)
          .mounts.filter((m) => m.source.startsWith('/node/'))
          .map((m) => [m.destination, `${m.source} ${m.options!.join(',')}`]),
      );
    expect(binds('apid')).toEqual({
      '/system/run': '/node/system/run rbind,rw',
      '/system/state': '/node/system/state rbind,ro',
      '/system/secrets/apid': '/node/system/secrets/apid rbind,rw',
      '/system/etc': '/node/system/etc rbind,ro',
    });
    expect(binds('networkd')['/system/etc']).toBe('/node/system/etc rbind,rw');
  });

  it('gives each daemon its capabilities and memory limit from the table', () => {
    expect(daemonContainerSpec('networkd', base).process.capabilities.effective).toEqual([
      'CAP_NET_ADMIN',
      'CAP_NET_RAW',
      'CAP_SYS_ADMIN',
    ]);
    expect(daemonContainerSpec('timed', base).process.capabilities.effective).toEqual(['CAP_SYS_TIME']);
    expect(daemonContainerSpec('apid', base).process.capabilities.effective).toEqual([]);
    expect(daemonContainerSpec('apid', base).linux.resources?.memory?.limit).toBe(256 * 1024 * 1024);
    expect(daemonContainerSpec('networkd', base).linux.namespaces.map((n) => n.type)).not.toContain('uts');
    expect(daemonContainerSpec('udevd', base).mounts.find((m) => m.destination === '/dev')!.type).toBe(
      'bind',
    );
  });

  it('puts every daemon in one runc shim group', () => {
    for (const daemon of ['apid', 'routerd', 'trustd', 'networkd', 'timed', 'udevd'] as const) {
      expect(daemonContainerSpec(daemon, base).annotations).toEqual({
        [RUNC_SHIM_GROUP_ANNOTATION]: SYSTEM_CONTAINERS_SHIM_GROUP,
      });
    }
  });
});
