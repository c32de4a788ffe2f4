// Kernel build configuration (`.config`, /boot/config-*, a fragment): parsing and rendering.
// A value is what follows `=` (y, m, a number, a quoted string); `# CONFIG_X is not set` is 'n'.

/** The value an option has: 'y', 'm', 'n' (not set or absent), or a literal (number, string). */
export type KernelConfigValue = string;

export const NOT_SET = 'n';

/** Options and their values, in file order; absent options are not set. */
export type KernelConfig = Map<string, KernelConfigValue>;

const SET_LINE = /^(CONFIG_[A-Za-z0-9_]+)=(.*)$/;
const NOT_SET_LINE = /^# (CONFIG_[A-Za-z0-9_]+) is not set$/;

/** Parses kernel config text; a later line for the same option wins, as in Kconfig's merge. */
export function parseKernelConfig(text: string): KernelConfig {
  const config: KernelConfig = new Map();
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    const set = SET_LINE.exec(line);
    if (set) {
      config.set(set[1]!, set[2]!);
      continue;
    }
    const unset = NOT_SET_LINE.exec(line);
    if (unset) config.set(unset[1]!, NOT_SET);
  }
  return config;
}

/** The value of an option, 'n' when absent (Kconfig's reading of a missing option). */
export function configValue(config: KernelConfig, option: string): KernelConfigValue {
  return config.get(option) ?? NOT_SET;
}

/** One line of a config file: `CONFIG_X=v` or `# CONFIG_X is not set`. */
export function renderConfigLine(option: string, value: KernelConfigValue): string {
  return value === NOT_SET ? `# ${option} is not set` : `${option}=${value}`;
}
