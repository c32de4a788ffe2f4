// Sequences of the dev-mode node, announced on the event bus as Talos does (SequenceEvent start/stop):
// boot (start every service, done when all are up), reboot (stop the node's services, boot again) and
// shutdown (stop everything). One sequence at a time: a new one cancels the running one.
import type { Logger } from '@talos/log';
import { silentLogger } from '@talos/log';
import type { MachineEventBus } from '../events/machine-event-bus';
import { errorMessage } from '../system/health';
import type { ServiceDefinition } from '../system/service';
import type { ServiceSupervisor } from '../system/service-supervisor';

export interface SequencerOptions {
  supervisor: ServiceSupervisor;
  bus: MachineEventBus;
  /** The node's services, evaluated at each boot. */
  services: () => ServiceDefinition[];
  /** Services that live with machined and survive a dev-mode reboot. */
  keep?: readonly string[];
  logger?: Logger;
}

export class Sequencer {
  private current: AbortController | undefined;
  private readonly logger: Logger;

  constructor(private readonly opts: SequencerOptions) {
    this.logger = opts.logger ?? silentLogger();
  }

  /** Loads and starts the services; resolves when all are up. */
  boot(): Promise<void> {
    return this.sequence('boot', async (signal) => {
      const { supervisor } = this.opts;
      supervisor.resume();
      const ids = supervisor.load(...this.opts.services());
      supervisor.start(...ids);
      await supervisor.waitForUp(ids, signal);
    });
  }

  /** Dev-mode reboot: the node's daemons stop and boot again; machined stays. */
  async reboot(): Promise<void> {
    await this.sequence('reboot', async () => {
      const keep = new Set(this.opts.keep ?? ['machined']);
      const ids = this.opts.supervisor
        .list()
        .map((s) => s.id)
        .filter((id) => !keep.has(id));
      await this.opts.supervisor.stopInOrder(ids);
    });
    await this.boot();
  }

  /** Stops every service for good. */
  shutdown(): Promise<void> {
    return this.sequence('shutdown', () => this.opts.supervisor.shutdown());
  }

  private async sequence(name: string, body: (signal: AbortSignal) => Promise<void>): Promise<void> {
    this.current?.abort();
    const abort = new AbortController();
    this.current = abort;
    const { bus } = this.opts;
    bus.publish({ type: 'sequence', sequence: name, action: 'start' });
    this.logger.info({ sequence: name }, `${name} sequence started`);
    try {
      await body(abort.signal);
      bus.publish({ type: 'sequence', sequence: name, action: 'stop' });
      this.logger.info({ sequence: name }, `${name} sequence finished`);
    } catch (err) {
      const error = abort.signal.aborted ? 'sequence canceled' : errorMessage(err);
      bus.publish({ type: 'sequence', sequence: name, action: 'stop', error });
      this.logger.warn({ sequence: name }, `${name} sequence failed: ${error}`);
      if (!abort.signal.aborted) throw err;
    } finally {
      if (this.current === abort) this.current = undefined;
    }
  }
}
