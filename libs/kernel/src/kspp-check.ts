// Measures a kernel config against the KSPP recommendations: the figure "N of M met" and what
// is missed. Built-in vs module matters: '=m' does not meet '=y' (a module can be left unloaded).
import { configValue, parseKernelConfig, type KernelConfig } from './kernel-config';
import { KSPP_RECOMMENDATIONS, type KsppRecommendation } from './kspp';

export interface KsppMiss {
  option: string;
  want: string;
  /** What the config has: 'y', 'm', 'n' (not set or absent) or a literal. */
  have: string;
}

export interface KsppReport {
  /** Options whose recommendation is met (or does not apply to this config). */
  met: string[];
  missed: KsppMiss[];
  total: number;
}

function meets(config: KernelConfig, rec: KsppRecommendation): boolean {
  if (rec.appliesIf && configValue(config, rec.appliesIf.option) !== rec.appliesIf.value) return true;
  return configValue(config, rec.option) === rec.want;
}

/** Checks kernel config text (a .config or /boot/config-*) against the recommendations. */
export function checkKernelConfig(
  text: string,
  recommendations: readonly KsppRecommendation[] = KSPP_RECOMMENDATIONS,
): KsppReport {
  const config = parseKernelConfig(text);
  const report: KsppReport = { met: [], missed: [], total: recommendations.length };
  for (const rec of recommendations) {
    if (meets(config, rec)) report.met.push(rec.option);
    else report.missed.push({ option: rec.option, want: rec.want, have: configValue(config, rec.option) });
  }
  return report;
}

/** The report as the `kernel:check` target prints it. */
export function formatKsppReport(report: KsppReport, source: string): string {
  const lines = [`KSPP: ${report.met.length} of ${report.total} recommendations met (${source})`];
  if (report.missed.length > 0) {
    lines.push('missed:');
    const width = Math.max(...report.missed.map((m) => m.option.length));
    for (const m of report.missed) lines.push(`  ${m.option.padEnd(width)}  want ${m.want}, have ${m.have}`);
  }
  return `${lines.join('\n')}\n`;
}
