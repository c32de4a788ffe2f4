// ApplyConfiguration as machined does it: the new document is validated in full before anything
// changes, a change of machine type is refused (Talos cannot change it on a running node), then the
// text is stored atomically and published as the MachineConfig resource.
import { ConfigError, parseConfig, type ConfigMode, type MachineConfig } from '@talos/config';
import type { NodeConfigSource } from '../resources/node-resources';
import { writeFileAtomic } from './atomic-file';

/** Why an ApplyConfiguration request was refused; nothing was changed. */
export class ConfigApplyError extends Error {
  override name = 'ConfigApplyError';
  constructor(
    readonly reason: 'invalid' | 'precondition',
    message: string,
    readonly problems: string[] = [],
  ) {
    super(message);
  }
}

/** A submitted config document, parsed and validated in full; ConfigApplyError lists every problem. */
export function parseSubmitted(data: Uint8Array, mode?: ConfigMode): { text: string; config: MachineConfig } {
  const text = Buffer.from(data).toString('utf8');
  try {
    return { text, config: parseConfig(text, { mode }) };
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err;
    throw new ConfigApplyError(
      'invalid',
      new ConfigError(err.problems, 'configuration is invalid').message,
      err.problems,
    );
  }
}

export interface ApplyRequest {
  data: Uint8Array;
  onReboot?: boolean;
  immediate?: boolean;
}

/** `stored`: takes effect at the next boot; `reboot`: the caller restarts the services now. */
export type ApplyOutcome = 'stored' | 'reboot';

export interface ConfigApplierOptions {
  configPath: string;
  /** The config machined loaded from `configPath`. */
  stored: MachineConfig;
  /** Publishes the new text (the MachineConfig resource). */
  publish: (config: NodeConfigSource) => Promise<void>;
  /** Validation rules of a runtime mode; none = schema only, as the node loads its config at boot. */
  mode?: ConfigMode;
  /** Replaces the atomic writer (tests). */
  write?: (file: string, data: string) => Promise<void>;
}

export class ConfigApplier {
  private stored: MachineConfig;
  /** Applies run one at a time, so the machine-type check sees the config the previous one stored. */
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly opts: ConfigApplierOptions) {
    this.stored = opts.stored;
  }

  /** The latest accepted config (what the node boots with next). */
  current(): MachineConfig {
    return this.stored;
  }

  apply(req: ApplyRequest): Promise<{ outcome: ApplyOutcome; config: MachineConfig }> {
    const run = this.queue.then(() => this.applyNow(req));
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async applyNow(req: ApplyRequest): Promise<{ outcome: ApplyOutcome; config: MachineConfig }> {
    if (req.onReboot && req.immediate) {
      throw new ConfigApplyError('invalid', 'on_reboot and immediate cannot both be set');
    }
    const { text, config } = parseSubmitted(req.data, this.opts.mode);
    const was = this.stored.machine.type;
    if (config.machine.type !== was) {
      throw new ConfigApplyError(
        'precondition',
        `machine.type cannot be changed on a running node: "${was}" to "${config.machine.type}"`,
      );
    }
    await (this.opts.write ?? writeFileAtomic)(this.opts.configPath, text);
    this.stored = config;
    await this.opts.publish({ text, config });
    return { outcome: req.onReboot ? 'stored' : 'reboot', config };
  }
}
