// talosctl gen config NAME https://ENDPOINT:6443: the machine configs and talosconfig of a new
// cluster, with fresh secrets. Existing files are kept unless --force.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Command } from 'commander';
import { checkGenerateOptions, generateConfigs, serializeConfig } from '@talos/config';
import { parseListFlag, serializeClientConfig } from '@talos/client';
import { writeSecretFile } from '@talos/pki';
import { CliRun, collectList } from '../cli';

export const GENERATED_FILES = ['init.yaml', 'controlplane.yaml', 'join.yaml', 'talosconfig'] as const;

export interface GenConfigOptions {
  outputDir: string;
  force: boolean;
  additionalSans: string[];
}

function generatedPaths(outputDir: string): string[] {
  return GENERATED_FILES.map((f) => path.join(outputDir, f));
}

function refuseOverwrite(outputDir: string, files: readonly string[]): void {
  if (fs.existsSync(outputDir) && !fs.statSync(outputDir).isDirectory())
    throw new Error(`${outputDir}: output directory is not a directory`);
  const existing = files.filter((f) => fs.existsSync(f));
  if (existing.length > 0)
    throw new Error(`${existing.join(', ')}: file already exists, use --force to overwrite`);
}

/** Writes the four files; every one holds a key or a token, hence 0600. Returns their paths. */
export async function writeGeneratedConfigs(
  clusterName: string,
  endpoint: string,
  opts: GenConfigOptions,
): Promise<string[]> {
  const files = generatedPaths(opts.outputDir);
  checkGenerateOptions({ clusterName, endpoint });
  if (!opts.force) refuseOverwrite(opts.outputDir, files);
  const generated = generateConfigs({ clusterName, endpoint, additionalSANs: opts.additionalSans });
  fs.mkdirSync(opts.outputDir, { recursive: true });
  const contents = [
    serializeConfig(generated.init),
    serializeConfig(generated.controlplane),
    serializeConfig(generated.join),
    serializeClientConfig(generated.talosconfig),
  ];
  for (const [i, file] of files.entries()) await writeSecretFile(file, contents[i] as string);
  return files;
}

export function registerGen(program: Command, run: CliRun): void {
  const gen = program.command('gen').description('Generate CAs, certificates, and private keys');
  gen
    .command('config')
    .argument('<cluster-name>', 'cluster name')
    .argument('<cluster-endpoint>', 'Kubernetes API endpoint, https://HOST:6443')
    .description('Generates a set of configuration files for Talos cluster')
    .option('-o, --output-dir <dir>', 'destination to output generated files', '.')
    .option('--force', 'overwrite existing files', false)
    .option(
      '--additional-sans <sans>',
      'additional Subject-Alt-Names for the APIs (repeatable, comma separated)',
      collectList,
      [],
    )
    .action(
      async (
        name: string,
        endpoint: string,
        opts: { outputDir: string; force: boolean; additionalSans: string[] },
      ) => {
        // Every argument is checked before the first line of output or any key is made.
        checkGenerateOptions({ clusterName: name, endpoint });
        if (!opts.force) refuseOverwrite(opts.outputDir, generatedPaths(opts.outputDir));
        run.out('generating PKI and tokens\n');
        const files = await writeGeneratedConfigs(name, endpoint, {
          outputDir: opts.outputDir,
          force: opts.force,
          additionalSans: parseListFlag(opts.additionalSans),
        });
        for (const file of files) run.out(`created ${file}\n`);
      },
    );
}
