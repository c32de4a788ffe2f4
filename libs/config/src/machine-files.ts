// `machine.files`, `machine.env` and `machine.sysctls`: what is written onto the node as given.
import { absolutePathProblem } from './field-checks';
import type { FieldReader } from './validation';

export const FILE_OPS = ['create', 'append', 'overwrite'] as const;

export interface MachineFile {
  content: string;
  /** Mode bits (0o644 is written 0o644 or 420 in YAML). */
  permissions: number;
  path: string;
  op: (typeof FILE_OPS)[number];
}

function readFile(at: FieldReader, value: unknown): MachineFile | undefined {
  const raw = at.mapping(value, ['content', 'permissions', 'path', 'op']);
  if (!raw) return undefined;
  const content = at.at('content').string(raw.content, { required: true, allowEmpty: true });
  const permissions = at.at('permissions').integer(raw.permissions, { required: true, min: 0, max: 0o7777 });
  const path = at.at('path').checked(raw.path, absolutePathProblem, { required: true });
  const op = at.at('op').oneOf(raw.op, FILE_OPS, { required: true });
  if (content === undefined || permissions === undefined || path === undefined || op === undefined)
    return undefined;
  return { content, permissions, path, op };
}

export function readFiles(at: FieldReader, value: unknown): MachineFile[] | undefined {
  return at.list(value, readFile);
}

export function readEnv(at: FieldReader, value: unknown): Record<string, string> | undefined {
  const env = at.stringMap(value);
  for (const name of Object.keys(env ?? {})) {
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name))
      at.at(name).problem('is not a valid environment variable name');
  }
  return env;
}

export function readSysctls(at: FieldReader, value: unknown): Record<string, string> | undefined {
  const sysctls = at.stringMap(value);
  for (const name of Object.keys(sysctls ?? {})) {
    if (!/^[A-Za-z0-9_\-.*/]+$/.test(name)) at.at(name).problem('is not a valid sysctl name');
  }
  return sysctls;
}
