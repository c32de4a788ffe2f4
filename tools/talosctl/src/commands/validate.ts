// talosctl validate --config FILE --mode metal|container|cloud: checks a machine config offline and
// lists every problem, one per line, so a whole file can be fixed in one pass.
import { promises as fs } from 'node:fs';
import { Command, Option } from 'commander';
import { CONFIG_MODES, ConfigError, type ConfigMode, parseConfig } from '@talos/config';
import { CliRun } from '../cli';

/** Returns the lines to print: the verdict when valid, else one "path: reason" per problem. */
export async function validateFile(
  file: string,
  mode: ConfigMode,
): Promise<{ valid: boolean; lines: string[] }> {
  let text: string;
  try {
    text = await fs.readFile(file, 'utf8');
  } catch (err) {
    throw new Error(`error reading config: ${(err as Error).message}`);
  }
  try {
    parseConfig(text, { mode });
  } catch (err) {
    if (err instanceof ConfigError) return { valid: false, lines: err.problems };
    throw err;
  }
  return { valid: true, lines: [`${file} is valid for ${mode} mode`] };
}

export function registerValidate(program: Command, run: CliRun): void {
  program
    .command('validate')
    .description('Validate config')
    .requiredOption('-c, --config <file>', 'the path of the config file')
    .addOption(
      new Option('-m, --mode <mode>', 'the mode to validate the config for')
        .choices(CONFIG_MODES)
        .makeOptionMandatory(),
    )
    .action(async (opts: { config: string; mode: ConfigMode }) => {
      const result = await validateFile(opts.config, opts.mode);
      if (result.valid) {
        run.out(`${result.lines.join('\n')}\n`);
        return;
      }
      run.failed = true;
      run.err(`${result.lines.join('\n')}\n`);
    });
}
