// Service states and events as Talos names them (ServiceInfo.state is the state's name).

export enum ServiceState {
  Initialized = 'Initialized',
  Preparing = 'Preparing',
  Waiting = 'Waiting',
  Running = 'Running',
  Stopping = 'Stopping',
  Finished = 'Finished',
  Failed = 'Failed',
  Skipped = 'Skipped',
}

/** Order of machine.ServiceStateEvent.Action: the enum number of each state on the wire. */
export const SERVICE_STATE_ACTION: Readonly<Record<ServiceState, number>> = {
  [ServiceState.Initialized]: 0,
  [ServiceState.Preparing]: 1,
  [ServiceState.Waiting]: 2,
  [ServiceState.Running]: 3,
  [ServiceState.Stopping]: 4,
  [ServiceState.Finished]: 5,
  [ServiceState.Failed]: 6,
  [ServiceState.Skipped]: 7,
};

/** Health of a service: `healthy` is undefined until the first check ran (`?` in `talosctl services`). */
export interface HealthStatus {
  healthy: boolean | undefined;
  lastMessage: string;
  lastChange: Date | undefined;
}

export interface ServiceEvent {
  msg: string;
  state: ServiceState;
  ts: Date;
  /** Set on health transitions. */
  health?: HealthStatus;
}

/** Receives state changes from a runner, e.g. (Running, "Process ... started with PID 42"). */
export type EventSink = (state: ServiceState, msg: string) => void;
