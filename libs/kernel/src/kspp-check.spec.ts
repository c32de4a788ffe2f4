import { checkKernelConfig, formatKsppReport } from './kspp-check';
import { parseKernelConfig } from './kernel-config';
import type { KsppRecommendation } from './kspp';

const recs: KsppRecommendation[] = [
  { option: 'CONFIG_A', want: 'y', why: 'a' },
  { option: 'CONFIG_B', want: 'y', why: 'b' },
  { option: 'CONFIG_C', want: 'n', why: 'c' },
  { option: 'CONFIG_D', want: 'n', why: 'd' },
  { option: 'CONFIG_E', want: '65536', why: 'e' },
  { option: 'CONFIG_F', want: 'y', why: 'f', appliesIf: { option: 'CONFIG_MODULES', value: 'y' } },
];

describe('parseKernelConfig', () => {
  it('reads set, not-set and literal values and skips other lines', () => {
    const c = parseKernelConfig(
      [
        '#',
        '# Automatically generated file; DO NOT EDIT.',
        'CONFIG_A=y',
        'CONFIG_B=m',
        '# CONFIG_C is not set',
        'CONFIG_NAME="cloud amd64"',
        'CONFIG_N=-1',
        '# a comment about CONFIG_X=y',
        '',
      ].join('\n'),
    );
    expect([...c.entries()]).toEqual([
      ['CONFIG_A', 'y'],
      ['CONFIG_B', 'm'],
      ['CONFIG_C', 'n'],
      ['CONFIG_NAME', '"cloud amd64"'],
      ['CONFIG_N', '-1'],
    ]);
  });

  it('lets a later line for the same option win', () => {
    expect(parseKernelConfig('CONFIG_A=y\n# CONFIG_A is not set\n').get('CONFIG_A')).toBe('n');
  });
});

describe('checkKernelConfig', () => {
  it('counts met and missed over every recommendation', () => {
    const report = checkKernelConfig(
      ['CONFIG_A=y', 'CONFIG_B=y', '# CONFIG_C is not set', 'CONFIG_E=65536'].join('\n'),
      recs,
    );
    // D absent = not set (met); F does not apply without modules (met).
    expect(report).toEqual({
      met: ['CONFIG_A', 'CONFIG_B', 'CONFIG_C', 'CONFIG_D', 'CONFIG_E', 'CONFIG_F'],
      missed: [],
      total: 6,
    });
  });

  it('does not take =m for =y, nor =m for not set', () => {
    const report = checkKernelConfig('CONFIG_A=m\nCONFIG_B=y\nCONFIG_C=m\nCONFIG_E=65536\n', recs);
    expect(report.missed).toEqual([
      { option: 'CONFIG_A', want: 'y', have: 'm' },
      { option: 'CONFIG_C', want: 'n', have: 'm' },
    ]);
    expect(report.met).toHaveLength(4);
  });

  it('reports absent wanted options as n and wrong literals as they are', () => {
    const report = checkKernelConfig('CONFIG_E=4096\nCONFIG_D=y\n', recs);
    expect(report.missed).toEqual([
      { option: 'CONFIG_A', want: 'y', have: 'n' },
      { option: 'CONFIG_B', want: 'y', have: 'n' },
      { option: 'CONFIG_D', want: 'n', have: 'y' },
      { option: 'CONFIG_E', want: '65536', have: '4096' },
    ]);
    expect(report.met.length + report.missed.length).toBe(report.total);
  });

  it('checks a conditional recommendation once its condition holds', () => {
    const missed = checkKernelConfig('CONFIG_MODULES=y\n', recs).missed.map((m) => m.option);
    expect(missed).toContain('CONFIG_F');
    const met = checkKernelConfig('CONFIG_MODULES=y\nCONFIG_F=y\n', recs).met;
    expect(met).toContain('CONFIG_F');
  });

  it('uses the KSPP list by default', () => {
    const report = checkKernelConfig('CONFIG_STRICT_KERNEL_RWX=y\n');
    expect(report.total).toBeGreaterThan(50);
    expect(report.met).toContain('CONFIG_STRICT_KERNEL_RWX');
    expect(report.met).toContain('CONFIG_DEVMEM'); // absent = not set
    expect(report.missed.map((m) => m.option)).toContain('CONFIG_HARDENED_USERCOPY');
  });
});

describe('formatKsppReport', () => {
  it('prints the figure and each miss', () => {
    const text = formatKsppReport(checkKernelConfig('CONFIG_A=m\nCONFIG_B=y\nCONFIG_E=65536\n', recs), 'x');
    expect(text.split('\n')[0]).toBe('KSPP: 5 of 6 recommendations met (x)');
    expect(text).toMatch(/CONFIG_A\s+want y, have m/);
  });

  it('has no missed section when everything is met', () => {
    const text = formatKsppReport({ met: ['CONFIG_A'], missed: [], total: 1 }, 'x');
    expect(text).toBe('KSPP: 1 of 1 recommendations met (x)\n');
  });
});
