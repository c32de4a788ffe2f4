// What a control plane must carry beyond the schema: the cluster's CA keys and secrets, without which
// it cannot run the API server, etcd or sign service-account tokens. Workers carry none of the keys.
import { isControlPlane, type MachineType } from './machine';
import type { FieldReader } from './validation';

/** Paths under `cluster` that init and controlplane machines must set, leaf last. */
const REQUIRED_ON_CONTROL_PLANES: readonly (readonly string[])[] = [
  ['token'],
  ['aescbcEncryptionSecret'],
  ['ca', 'key'],
  ['aggregatorCA', 'key'],
  ['serviceAccount', 'key'],
  ['etcd', 'ca', 'key'],
];

function isMapping(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Adds one problem per missing secret, named at the first missing step of its path
 * (`cluster.etcd.ca: is required on init machines`). A step that is present but of the wrong type was
 * already reported by the schema and is skipped here, as is a field already reported missing.
 */
export function checkControlPlaneSecrets(cluster: FieldReader, type: MachineType, raw: unknown): void {
  if (!isControlPlane(type) || !isMapping(raw)) return;
  for (const path of REQUIRED_ON_CONTROL_PLANES) {
    let at = cluster;
    let value: unknown = raw;
    for (const step of path) {
      if (!isMapping(value)) break;
      at = at.at(step);
      value = value[step];
      if (value === undefined || value === null) {
        // The section's own reader may have said so already (serviceAccount.key is always required).
        const reported = at.problems.some((p) => p.startsWith(`${at.path}: is required`));
        if (!reported) at.problem(`is required on ${type} machines`);
        break;
      }
    }
  }
}
