// The MachineConfig resource holds the config's text. The controllers that read it share one parse
// of each text, and a text machined has parsed already (fetched, read from STATE, applied) is not
// parsed again: under emulation a parse of the config costs about half a second of CPU, and at boot
// it came between the config and containerd's start.
import { configTree, parseConfig, type MachineConfig } from '@talos/config';
import { parse } from 'yaml';

let last: { text: string; document?: unknown; config?: MachineConfig } | undefined;

/** Remembers what `text` was parsed into, so that the controllers reading it do not parse it again. */
export function rememberParsedConfig(text: string, config: MachineConfig): void {
  last = { text, config, document: configTree(config) };
}

/** The parsed YAML of a MachineConfig's text (read-only: it is shared); throws on invalid YAML. */
export function machineConfigDocument(text: string): unknown {
  if (last?.text !== text) last = { text };
  last.document ??= parse(text) as unknown;
  return last.document;
}

/** The validated config of a MachineConfig's text (read-only: it is shared); throws when invalid. */
export function machineConfigOf(text: string): MachineConfig {
  if (last?.text !== text) last = { text };
  last.config ??= parseConfig(text);
  return last.config;
}
