import { BOOT_SYSCTLS, KSPP_SYSCTLS, NODE_SYSCTLS, sysctlPath, sysctlWrites } from './sysctls';

describe('sysctls', () => {
  it('carries the KSPP set and the node settings', () => {
    const values = Object.fromEntries(BOOT_SYSCTLS.map((s) => [s.name, s.value]));
    expect(values).toMatchObject({
      'kernel.kptr_restrict': '2',
      'kernel.dmesg_restrict': '1',
      'kernel.yama.ptrace_scope': '2',
      'net.core.bpf_jit_harden': '2',
      'dev.tty.ldisc_autoload': '0',
      'net.ipv4.ip_forward': '1',
      'kernel.panic': '10',
    });
    expect(KSPP_SYSCTLS).toHaveLength(14);
    expect(BOOT_SYSCTLS).toHaveLength(KSPP_SYSCTLS.length + NODE_SYSCTLS.length);
    expect(new Set(BOOT_SYSCTLS.map((s) => s.name)).size).toBe(BOOT_SYSCTLS.length);
  });

  it('maps a name to its /proc/sys file', () => {
    expect(sysctlPath('kernel.yama.ptrace_scope')).toBe('/proc/sys/kernel/yama/ptrace_scope');
    expect(sysctlPath('net.ipv4.ip_forward', '/tmp/r/proc')).toBe('/tmp/r/proc/sys/net/ipv4/ip_forward');
  });

  it('reads a slash as a dot inside one level (interface names)', () => {
    expect(sysctlPath('net.ipv4.conf.eth0/100.forwarding')).toBe(
      '/proc/sys/net/ipv4/conf/eth0.100/forwarding',
    );
  });

  it('refuses names that would leave /proc/sys', () => {
    for (const bad of ['', 'kernel..panic', 'kernel.', '.kernel', 'net.//.x', 'net./.x']) {
      expect(() => sysctlPath(bad)).toThrow(/invalid sysctl name/);
    }
  });

  it('gives one write per boot sysctl', () => {
    const writes = sysctlWrites();
    expect(writes).toHaveLength(BOOT_SYSCTLS.length);
    expect(writes).toContainEqual({ path: '/proc/sys/kernel/panic', value: '10' });
  });
});
