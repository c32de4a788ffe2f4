import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseKernelConfig } from './kernel-config';
import { KSPP_RECOMMENDATIONS, ksppFragment } from './kspp';

const FRAGMENT = path.resolve(__dirname, '..', '..', '..', 'kernel', 'kspp.fragment');

describe('KSPP data', () => {
  it('names each option once', () => {
    const options = KSPP_RECOMMENDATIONS.map((r) => r.option);
    expect(new Set(options).size).toBe(options.length);
    for (const o of options) expect(o).toMatch(/^CONFIG_[A-Z0-9_]+$/);
  });

  it('includes the core recommendations', () => {
    const want = Object.fromEntries(KSPP_RECOMMENDATIONS.map((r) => [r.option, r.want]));
    expect(want).toMatchObject({
      CONFIG_BUG_ON_DATA_CORRUPTION: 'y',
      CONFIG_STRICT_KERNEL_RWX: 'y',
      CONFIG_RANDOMIZE_BASE: 'y',
      CONFIG_HARDENED_USERCOPY: 'y',
      CONFIG_SLAB_FREELIST_HARDENED: 'y',
      CONFIG_STACKPROTECTOR_STRONG: 'y',
      CONFIG_DEVMEM: 'n',
      CONFIG_MODULES: 'n',
    });
  });
});

describe('kernel/kspp.fragment', () => {
  const text = fs.readFileSync(FRAGMENT, 'utf8');

  it('is what the TypeScript data renders (regenerate: nx run kernel:fragment)', () => {
    expect(text).toBe(ksppFragment());
  });

  it('parses back to the unconditional recommendations, in order', () => {
    const parsed = [...parseKernelConfig(text).entries()];
    const data = KSPP_RECOMMENDATIONS.filter((r) => !r.appliesIf).map((r) => [r.option, r.want]);
    expect(parsed).toEqual(data);
  });

  it('lists each conditional recommendation as a comment a merge ignores', () => {
    for (const r of KSPP_RECOMMENDATIONS.filter((x) => x.appliesIf)) {
      expect(text).toContain(`if ${r.appliesIf!.option}=${r.appliesIf!.value}: ${r.option}=${r.want}\n`);
      expect(parseKernelConfig(text).has(r.option)).toBe(false);
    }
  });

  it('does not contradict itself: a conditional never hangs on an option the fragment disables', () => {
    // The guarded option is disabled by the fragment, so merge_config would only warn on these.
    const parsed = parseKernelConfig(text);
    for (const r of KSPP_RECOMMENDATIONS.filter((x) => x.appliesIf)) {
      expect(parsed.get(r.appliesIf!.option)).toBe('n');
    }
  });
});
