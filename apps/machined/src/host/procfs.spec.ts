import { parseCpuInfo } from './cpuinfo';
import { formatKernelMessage, parseKmsgRecord } from './kmsg';
import { parseLoadAvg } from './loadavg';
import { parseMemInfo } from './meminfo';
import { parseMounts } from './mounts';
import { parseProcStat } from './processes';
import { parseSystemStat } from './system-stat';

describe('procfs parsers', () => {
  it('maps /proc/meminfo keys to MemInfo fields', () => {
    const m = parseMemInfo(
      [
        'MemTotal:       24668920 kB',
        'MemFree:         1000000 kB',
        'Active(anon):     123456 kB',
        'NFS_Unstable:          0 kB',
        'Committed_AS:    5555555 kB',
        'HugePages_Total:       4',
        'DirectMap2M:    9999999 kB',
        'Zswap:               12 kB',
      ].join('\n'),
    );
    expect(m).toEqual({
      memtotal: 24668920,
      memfree: 1000000,
      activeanon: 123456,
      nfsunstable: 0,
      committedas: 5555555,
      hugepagestotal: 4,
      directmap2m: 9999999,
    });
  });

  it('parses /proc/loadavg and rejects garbage', () => {
    expect(parseLoadAvg('0.52 0.58 0.59 2/345 12345\n')).toEqual({ load1: 0.52, load5: 0.58, load15: 0.59 });
    expect(() => parseLoadAvg('')).toThrow('error parsing loadavg');
  });

  it('parses /proc/stat, CPU times in seconds', () => {
    const s = parseSystemStat(
      [
        'cpu  23190 0 5346 232184 439 0 69 94 0 0',
        'cpu0 10570 0 2228 117726 56 0 17 44 0 0',
        'cpu1 12619 0 3118 114458 383 0 51 49 0 0',
        'intr 428954 0 7 3',
        'ctxt 930713',
        'btime 1795495753',
        'processes 10853',
        'procs_running 2',
        'procs_blocked 1',
        'softirq 213367 0 33073 4 13628 37808 0 3 70219 0 58632',
      ].join('\n'),
    );
    expect(s.cpuTotal).toMatchObject({
      user: 231.9,
      system: 53.46,
      idle: 2321.84,
      softIrq: 0.69,
      steal: 0.94,
    });
    expect(s.cpu).toHaveLength(2);
    expect(s.irqTotal).toBe(428954);
    expect(s.irq).toEqual([0, 7, 3]);
    expect(s).toMatchObject({ contextSwitches: 930713, bootTime: 1795495753, processCreated: 10853 });
    expect(s).toMatchObject({ processRunning: 2, processBlocked: 1, softIrqTotal: 213367 });
    expect(s.softIrq).toMatchObject({ timer: 33073, netTx: 4, rcu: 58632, hrtimer: 0 });
  });

  it('parses /proc/cpuinfo blocks', () => {
    const block = (n: number) =>
      [
        `processor\t: ${n}`,
        'vendor_id\t: AuthenticAMD',
        'model name\t: AMD EPYC',
        'cpu MHz\t\t: 2596.136',
        'cpu cores\t: 2',
        'flags\t\t: fpu vme de',
        'bogomips\t: 5192.27',
        'power management:',
      ].join('\n');
    const cpus = parseCpuInfo(`${block(0)}\n\n${block(1)}\n`);
    expect(cpus).toHaveLength(2);
    expect(cpus[1]).toMatchObject({
      processor: 1,
      vendorId: 'AuthenticAMD',
      modelName: 'AMD EPYC',
      cpuMhz: 2596.136,
      cpuCores: 2,
      flags: ['fpu', 'vme', 'de'],
      bogoMips: 5192.27,
      powerManagement: '',
    });
  });

  it('parses /proc/<pid>/stat with a command holding spaces and parentheses', () => {
    const fields = Array.from({ length: 50 }, (_, i) => String(i + 3));
    fields[0] = 'S'; // state (3)
    fields[1] = '1'; // ppid (4)
    fields[11] = '150'; // utime (14)
    fields[12] = '50'; // stime (15)
    fields[17] = '7'; // num_threads (20)
    fields[20] = '1048576'; // vsize (23)
    fields[21] = '10'; // rss pages (24)
    const p = parseProcStat(`42 (my (odd) cmd) ${fields.join(' ')}`);
    expect(p).toEqual({
      pid: 42,
      command: 'my (odd) cmd',
      state: 'S',
      ppid: 1,
      cpuTime: 2,
      threads: 7,
      virtualMemory: 1048576,
      residentMemory: 40960,
    });
  });

  it('unescapes mount points', () => {
    expect(parseMounts('proc /proc proc rw 0 0\n/dev/sda1 /mnt/my\\040disk ext4 rw 0 0\n')).toEqual([
      { filesystem: 'proc', mountedOn: '/proc' },
      { filesystem: '/dev/sda1', mountedOn: '/mnt/my disk' },
    ]);
  });

  it('parses and formats kernel log records as Talos prints them', () => {
    const boot = Date.parse('2021-03-10T12:00:00.000Z');
    const m = parseKmsgRecord('6,1234,1500000,-;eth0: link up\n SUBSYSTEM=net\n', boot)!;
    expect(m).toMatchObject({ facility: 'kern', priority: 'info', sequence: 1234, message: 'eth0: link up' });
    expect(formatKernelMessage(m)).toBe('kern:    info: [2021-03-10T12:00:01.500Z]: eth0: link up\n');
    const daemonErr = parseKmsgRecord('27,1,0,-;boom', boot)!;
    expect([daemonErr.facility, daemonErr.priority]).toEqual(['daemon', 'err']);
    expect(parseKmsgRecord('garbage', boot)).toBeUndefined();
  });
});
