// talosctl gen config NAME https://ENDPOINT:6443: the machine configs and talosconfig of a new
// cluster, with fresh secrets. Existing files are kept unless --force.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Command } from 'commander';
import { checkGenerateOptions, generateConfigs, serializeConfig, type GenerateOptions } from '@talos/config';
import { parseListFlag, serializeClientConfig } from '@talos/client';
import { GENERATED_CONFIG_FILES } from '@talos/constants';
import { writeSecretFile } from '@talos/pki';
import { CliRun, collectList } from '../cli';

export const GENERATED_FILES = Object.values(GENERATED_CONFIG_FILES);

/** What `gen config` passes on to generation, besides the cluster name and endpoint. */
export type GenConfigSettings = Pick<
  GenerateOptions,
  'additionalSANs' | 'installDisk' | 'dnsDomain' | 'kubernetesVersion' | 'registryMirrors' | 'persist'
>;

export interface GenConfigOptions extends GenConfigSettings {
  outputDir: string;
  force: boolean;
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

/**
 * `--registry-mirror docker.io=http://10.5.0.1:5000` (repeatable; a host given twice gets both
 * endpoints, in order) as host -> endpoints.
 */
export function parseRegistryMirrors(values: readonly string[]): Record<string, string[]> {
  const mirrors: Record<string, string[]> = {};
  for (const value of values) {
    const eq = value.indexOf('=');
    const host = eq < 0 ? '' : value.slice(0, eq).trim();
    const url = eq < 0 ? '' : value.slice(eq + 1).trim();
    if (!host || !url) throw new Error(`invalid registry mirror "${value}": expected HOST=URL`);
    (mirrors[host] ??= []).push(url);
  }
  return mirrors;
}

/** Talos's `--persist` is a Go bool: bare means true, `--persist=false` turns it off. */
export function parseBoolFlag(value: string | boolean): boolean {
  if (typeof value === 'boolean') return value;
  if (['true', '1', 't'].includes(value.toLowerCase())) return true;
  if (['false', '0', 'f'].includes(value.toLowerCase())) return false;
  throw new Error(`invalid boolean value "${value}"`);
}

function settingsOf(opts: GenConfigOptions): GenConfigSettings {
  const settings: GenConfigSettings = {};
  for (const key of [
    'additionalSANs',
    'installDisk',
    'dnsDomain',
    'kubernetesVersion',
    'registryMirrors',
    'persist',
  ] as const) {
    if (opts[key] !== undefined) Object.assign(settings, { [key]: opts[key] });
  }
  return settings;
}

/** Writes the four files; every one holds a key or a token, hence 0600. Returns their paths. */
export async function writeGeneratedConfigs(
  clusterName: string,
  endpoint: string,
  opts: GenConfigOptions,
): Promise<string[]> {
  const files = generatedPaths(opts.outputDir);
  const settings = settingsOf(opts);
  checkGenerateOptions({ clusterName, endpoint, ...settings });
  if (!opts.force) refuseOverwrite(opts.outputDir, files);
  const generated = generateConfigs({ clusterName, endpoint, ...settings });
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

interface GenConfigFlags {
  outputDir: string;
  force: boolean;
  additionalSans: string[];
  installDisk?: string;
  dnsDomain?: string;
  kubernetesVersion?: string;
  registryMirror: string[];
  persist: string | boolean;
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
      'additional Subject-Alt-Names for the APIServer certificate (repeatable, comma separated)',
      collectList,
      [],
    )
    .option('--install-disk <disk>', 'the disk to install to (default "/dev/sda")')
    .option('--dns-domain <domain>', 'the dns domain to use for cluster (default "cluster.local")')
    .option('--kubernetes-version <version>', 'desired kubernetes version to run (default "1.20.5")')
    .option(
      '--registry-mirror <host=url>',
      'list of registry mirrors to use in format: <registry host>=<mirror URL> (repeatable)',
      (value: string, previous: string[] = []) => [...previous, value],
      [],
    )
    .option('--persist [bool]', 'the desired persist value for configs', true)
    .action(async (name: string, endpoint: string, flags: GenConfigFlags) => {
      const opts: GenConfigOptions = {
        outputDir: flags.outputDir,
        force: flags.force,
        additionalSANs: parseListFlag(flags.additionalSans),
        registryMirrors: parseRegistryMirrors(flags.registryMirror),
        persist: parseBoolFlag(flags.persist),
      };
      if (flags.installDisk !== undefined) opts.installDisk = flags.installDisk;
      if (flags.dnsDomain !== undefined) opts.dnsDomain = flags.dnsDomain;
      if (flags.kubernetesVersion !== undefined) opts.kubernetesVersion = flags.kubernetesVersion;
      // Every argument is checked before the first line of output or any key is made.
      checkGenerateOptions({ clusterName: name, endpoint, ...settingsOf(opts) });
      if (!opts.force) refuseOverwrite(opts.outputDir, generatedPaths(opts.outputDir));
      run.out('generating PKI and tokens\n');
      const files = await writeGeneratedConfigs(name, endpoint, opts);
      for (const file of files) run.out(`created ${file}\n`);
    });
}
