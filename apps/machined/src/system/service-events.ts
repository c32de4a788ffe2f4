import { SERVICE_EVENTS_KEPT } from '@talos/constants';
import type { ServiceEvent } from './service-state';

/** The last N events of one service, oldest first (Talos keeps 64). */
export class ServiceEventHistory {
  private readonly events: ServiceEvent[] = [];

  constructor(private readonly capacity: number = SERVICE_EVENTS_KEPT) {}

  push(event: ServiceEvent): void {
    this.events.push(event);
    if (this.events.length > this.capacity) this.events.splice(0, this.events.length - this.capacity);
  }

  /** The most recent `count` events (all kept when omitted), oldest first. */
  list(count?: number): ServiceEvent[] {
    if (count === undefined || count >= this.events.length) return [...this.events];
    return this.events.slice(this.events.length - count);
  }

  get length(): number {
    return this.events.length;
  }

  get last(): ServiceEvent | undefined {
    return this.events[this.events.length - 1];
  }
}
