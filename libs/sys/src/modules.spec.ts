import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { SyscallError } from './errno';
import { loadModule, moduleLoadOrder, moduleName, parseModulesDep } from './modules';
import { finitModule } from './syscalls';

const DEP = `kernel/fs/overlayfs/overlay.ko:
kernel/net/bridge/br_netfilter.ko: kernel/net/bridge/bridge.ko kernel/net/802/stp.ko kernel/net/llc/llc.ko
kernel/net/bridge/bridge.ko: kernel/net/802/stp.ko kernel/net/llc/llc.ko
kernel/net/802/stp.ko: kernel/net/llc/llc.ko
kernel/net/llc/llc.ko:
kernel/drivers/net/virtio_net.ko: kernel/drivers/net/net_failover.ko kernel/net/core/failover.ko
kernel/drivers/net/net_failover.ko: kernel/net/core/failover.ko
kernel/net/core/failover.ko:
kernel/drivers/md/dm-mod.ko.xz:
kernel/broken/needs-missing.ko: kernel/gone/missing.ko
`;

describe('modules.dep', () => {
  it('names modules the way the kernel does', () => {
    expect(moduleName('kernel/drivers/md/dm-mod.ko.xz')).toBe('dm_mod');
    expect(moduleName('kernel/fs/overlayfs/overlay.ko')).toBe('overlay');
  });

  it('parses files and dependencies', () => {
    const mods = parseModulesDep(DEP);
    expect(mods.get('br_netfilter')).toEqual({
      file: 'kernel/net/bridge/br_netfilter.ko',
      deps: ['bridge', 'stp', 'llc'],
    });
    expect(mods.get('overlay')?.deps).toEqual([]);
  });

  it('orders dependencies before the modules that need them', () => {
    const mods = parseModulesDep(DEP);
    expect(moduleLoadOrder('br_netfilter', mods)).toEqual(['llc', 'stp', 'bridge', 'br_netfilter']);
    expect(moduleLoadOrder('virtio-net', mods)).toEqual(['failover', 'net_failover', 'virtio_net']);
  });

  it('names a missing module and a missing dependency', () => {
    const mods = parseModulesDep(DEP);
    expect(() => moduleLoadOrder('nosuch', mods)).toThrow('error loading module nosuch: not in modules.dep');
    expect(() => moduleLoadOrder('needs-missing', mods)).toThrow(
      'missing (needed by needs_missing) is not in modules.dep',
    );
  });
});

describe('loadModule', () => {
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'modules-'));
    fs.mkdirSync(path.join(dir, '6.1.0-test'));
    fs.writeFileSync(path.join(dir, '6.1.0-test', 'modules.dep'), DEP);
    fs.writeFileSync(path.join(dir, '6.1.0-test', 'modules.builtin'), 'kernel/fs/ext4/ext4.ko\n');
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('loads the files of the release, dependencies first, and skips ones already loaded', async () => {
    const calls: string[] = [];
    const loaded = await loadModule('br_netfilter', '6.1.0-test', {
      modulesRoot: dir,
      load: (file, name) => {
        calls.push(file);
        if (name === 'llc') throw new SyscallError('finit_module llc', 17); // EEXIST
      },
    });
    expect(calls).toEqual(
      ['llc/llc', '802/stp', 'bridge/bridge', 'bridge/br_netfilter'].map((f) =>
        path.join(dir, '6.1.0-test', 'kernel', 'net', `${f}.ko`),
      ),
    );
    expect(loaded).toEqual(['stp', 'bridge', 'br_netfilter']);
  });

  it('does nothing for a built-in module and fails on other errors', async () => {
    const load = jest.fn();
    await expect(loadModule('ext4', '6.1.0-test', { modulesRoot: dir, load })).resolves.toEqual([]);
    expect(load).not.toHaveBeenCalled();
    await expect(
      loadModule('overlay', '6.1.0-test', {
        modulesRoot: dir,
        load: () => Promise.reject(new SyscallError('finit_module overlay', 1)),
      }),
    ).rejects.toThrow('finit_module overlay: EPERM');
    await expect(loadModule('overlay', '9.9.9', { modulesRoot: dir, load })).rejects.toThrow(
      /error loading module overlay: ENOENT/,
    );
  });
});

describe('finit_module', () => {
  (process.getuid?.() === 0 ? it : it.skip)(
    'reaches the kernel from a worker thread and maps its error',
    async () => {
      // A closed descriptor: the kernel refuses it before loading anything. A kernel built without
      // module support (some VM kernels: no /proc/modules) has no such call at all.
      const expected = fs.existsSync('/proc/modules')
        ? 'finit_module nothing: EBADF (bad file descriptor)'
        : 'finit_module nothing: ENOSYS (function not implemented)';
      await expect(finitModule(-1, '', 'nothing')).rejects.toThrow(expected);
    },
  );
});
