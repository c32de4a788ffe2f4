// The MachineConfig resource holds the config's YAML text. The controllers that read a field of it
// share one parse of each text: the first parse of a config costs a third of a second of CPU under
// emulation, at boot, when every controller reconciles at once.
import { parse } from 'yaml';

let last: { text: string; document: unknown } | undefined;

/** The parsed YAML of a MachineConfig's text (read-only: it is shared); throws on invalid YAML. */
export function machineConfigDocument(text: string): unknown {
  if (last?.text !== text) last = { text, document: parse(text) as unknown };
  return last.document;
}
