// machine.Events: what happened on the node (sequences, service state changes), kept in a bounded
// history so that a client can replay the recent past and then follow.
import { randomBytes } from 'node:crypto';
import { MACHINE_EVENTS_KEPT } from '@talos/constants';
import type { HealthStatus, ServiceState } from '../system/service-state';
import { AsyncQueue } from '../util/async-queue';

export type MachineEventPayload =
  | { type: 'sequence'; sequence: string; action: 'start' | 'stop'; error?: string }
  | { type: 'service'; service: string; state: ServiceState; msg: string; health?: HealthStatus };

export interface MachineEvent {
  /** Unique and increasing within this machined (20 hex digits, like Talos's xid in length). */
  id: string;
  ts: Date;
  payload: MachineEventPayload;
}

export interface EventReplayOptions {
  /** Replay this many past events; negative: all kept. */
  tailEvents?: number;
  /** Replay the events after this one. */
  tailId?: string;
  /** Replay the events of the last N seconds. */
  tailSeconds?: number;
  signal?: AbortSignal;
}

export class MachineEventBus {
  private readonly history: MachineEvent[] = [];
  private readonly subscribers = new Set<(e: MachineEvent) => void>();
  private readonly instance = randomBytes(3).toString('hex');
  private counter = 0;

  constructor(
    private readonly capacity: number = MACHINE_EVENTS_KEPT,
    private readonly now: () => Date = () => new Date(),
  ) {}

  publish(payload: MachineEventPayload): MachineEvent {
    const ts = this.now();
    const event: MachineEvent = { id: this.nextId(ts), ts, payload };
    this.history.push(event);
    if (this.history.length > this.capacity) this.history.splice(0, this.history.length - this.capacity);
    for (const s of [...this.subscribers]) s(event);
    return event;
  }

  /** Events kept, oldest first. */
  recent(): MachineEvent[] {
    return [...this.history];
  }

  get subscriberCount(): number {
    return this.subscribers.size;
  }

  /** Replays what the options select, then follows until `signal` aborts. */
  subscribe(opts: EventReplayOptions = {}): AsyncIterable<MachineEvent> {
    let unsubscribe = (): void => {};
    const queue = new AsyncQueue<MachineEvent>({ signal: opts.signal, onEnd: () => unsubscribe() });
    for (const e of this.replay(opts)) queue.push(e);
    const listener = (e: MachineEvent): void => queue.push(e);
    this.subscribers.add(listener);
    unsubscribe = () => this.subscribers.delete(listener);
    if (queue.isClosed) unsubscribe();
    return queue;
  }

  private replay(opts: EventReplayOptions): MachineEvent[] {
    if (opts.tailId) {
      const at = this.history.findIndex((e) => e.id === opts.tailId);
      return at === -1 ? [] : this.history.slice(at + 1);
    }
    if (opts.tailSeconds && opts.tailSeconds > 0) {
      const since = this.now().getTime() - opts.tailSeconds * 1000;
      return this.history.filter((e) => e.ts.getTime() >= since);
    }
    const n = opts.tailEvents ?? 0;
    if (n < 0) return [...this.history];
    return n === 0 ? [] : this.history.slice(-n);
  }

  private nextId(ts: Date): string {
    const secs = Math.floor(ts.getTime() / 1000) >>> 0;
    this.counter = (this.counter + 1) & 0xffffff;
    return secs.toString(16).padStart(8, '0') + this.instance + this.counter.toString(16).padStart(6, '0');
  }
}
