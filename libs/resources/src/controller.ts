// What a controller declares: its inputs (resources it reads and is woken by) and its outputs
// (the types it writes), plus its reconcile step. The runtime enforces the declarations.
import type { Logger } from '@talos/log';
import type { ControllerState } from './controller-state';

/** strong: the controller depends on the input's lifetime (it may hold finalizers on it). */
export type InputKind = 'weak' | 'strong';
/** exclusive: no other controller writes this type; shared: several may, each its own resources. */
export type OutputKind = 'exclusive' | 'shared';

export interface ControllerInput {
  readonly namespace: string;
  readonly type: string;
  /** Only this resource wakes the controller; every resource of the type when absent. */
  readonly id?: string;
  readonly kind: InputKind;
}

export interface ControllerOutput {
  readonly type: string;
  readonly kind: OutputKind;
}

export interface Controller {
  /** Unique in a runtime, and the owner stamped on every resource the controller writes. */
  readonly name: string;
  readonly inputs: readonly ControllerInput[];
  readonly outputs: readonly ControllerOutput[];
  /**
   * Brings the outputs in line with the inputs. Called once when the inputs have been listed and
   * again after they change (a burst of changes gives one call). A throw is logged and the call
   * retried after an exponential back-off.
   */
  reconcile(r: ReconcileContext): Promise<void>;
}

export interface ReconcileContext {
  /** Reads and writes limited to the declared inputs and outputs, stamped with the controller's name. */
  readonly state: ControllerState;
  readonly logger: Logger;
  /** Aborted when the runtime stops. */
  readonly signal: AbortSignal;
}
