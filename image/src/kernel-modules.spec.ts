import { filterAliases, ModuleIndex, moduleName } from './kernel-modules';

const DEP = [
  'kernel/drivers/virtio/virtio.ko: kernel/drivers/virtio/virtio_ring.ko',
  'kernel/drivers/virtio/virtio_ring.ko:',
  'kernel/drivers/net/virtio_net.ko: kernel/drivers/net/net_failover.ko kernel/net/core/failover.ko kernel/drivers/virtio/virtio.ko kernel/drivers/virtio/virtio_ring.ko',
  'kernel/drivers/net/net_failover.ko: kernel/net/core/failover.ko',
  'kernel/net/core/failover.ko:',
  'kernel/net/bridge/br_netfilter.ko: kernel/net/bridge/bridge.ko kernel/net/802/stp.ko kernel/net/llc/llc.ko',
  'kernel/net/bridge/bridge.ko: kernel/net/802/stp.ko kernel/net/llc/llc.ko',
  'kernel/net/802/stp.ko: kernel/net/llc/llc.ko',
  'kernel/net/llc/llc.ko:',
  'kernel/drivers/block/loop.ko:',
  'kernel/fs/a.ko: kernel/fs/b.ko',
  'kernel/fs/b.ko: kernel/fs/a.ko',
].join('\n');
const BUILTIN = 'kernel/crypto/crc32c_generic.ko\nkernel/fs/ext4/ext4.ko\n';

describe('ModuleIndex', () => {
  const index = new ModuleIndex(DEP, BUILTIN);

  it('puts every dependency before the module needing it, each once', () => {
    expect(index.loadOrder(['virtio_net', 'virtio', 'loop'])).toEqual([
      'kernel/net/core/failover.ko',
      'kernel/drivers/net/net_failover.ko',
      'kernel/drivers/virtio/virtio_ring.ko',
      'kernel/drivers/virtio/virtio.ko',
      'kernel/drivers/net/virtio_net.ko',
      'kernel/drivers/block/loop.ko',
    ]);
    expect(index.loadOrder(['br_netfilter'])).toEqual([
      'kernel/net/llc/llc.ko',
      'kernel/net/802/stp.ko',
      'kernel/net/bridge/bridge.ko',
      'kernel/net/bridge/br_netfilter.ko',
    ]);
  });

  it('keeps the asked order when modules do not depend on each other', () => {
    expect(index.loadOrder(['loop', 'failover'])).toEqual([
      'kernel/drivers/block/loop.ko',
      'kernel/net/core/failover.ko',
    ]);
  });

  it('skips built-in modules and fails on unknown ones', () => {
    expect(index.loadOrder(['crc32c_generic', 'ext4'])).toEqual([]);
    expect(() => index.loadOrder(['nosuch'])).toThrow(
      'kernel module nosuch is neither in modules.dep nor built in',
    );
  });

  it('reports a dependency cycle', () => {
    expect(() => index.loadOrder(['a'])).toThrow('kernel module dependency cycle: a -> b -> a');
  });

  it('writes modules.dep for exactly the chosen set', () => {
    const files = index.loadOrder(['net_failover']);
    expect(index.depLines(files)).toBe(
      'kernel/drivers/net/net_failover.ko: kernel/net/core/failover.ko\nkernel/net/core/failover.ko:\n',
    );
  });
});

describe('module names and aliases', () => {
  it('names modules as the kernel does', () => {
    expect(moduleName('kernel/drivers/virtio/virtio_pci-legacy.ko.xz')).toBe('virtio_pci_legacy');
  });

  it('keeps only the aliases of the chosen modules', () => {
    const aliases = [
      'alias fs-xfs xfs',
      'alias devname:loop-control loop',
      'alias net-pf-7 bridge',
      '# comment',
    ].join('\n');
    expect(filterAliases(aliases, ['kernel/fs/xfs/xfs.ko', 'kernel/net/bridge/bridge.ko'])).toBe(
      'alias fs-xfs xfs\nalias net-pf-7 bridge\n',
    );
  });
});
