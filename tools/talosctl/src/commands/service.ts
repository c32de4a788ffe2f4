// talosctl service [ID [start|stop|restart|status]] (alias services): list services, show one
// service with its events, or change its state.
import { Command } from 'commander';
import type { machine } from '@talos/api';
import type { NodePart } from '@talos/client';
import { CliRun, messageOf } from '../cli';
import { goDuration } from '../output/format';
import { Table } from '../output/table';

type Timestamp = { seconds?: number | null; nanos?: number | null };

function millis(ts: Timestamp | null | undefined): number {
  return ts ? Number(ts.seconds ?? 0) * 1000 + Math.floor(Number(ts.nanos ?? 0) / 1e6) : 0;
}

export function healthStatus(svc: machine.IServiceInfo): string {
  if (!svc.health || svc.health.unknown) return '?';
  return svc.health.healthy ? 'OK' : 'Fail';
}

function lastEvent(svc: machine.IServiceInfo): machine.IServiceEvent | undefined {
  const events = svc.events?.events ?? [];
  return events[events.length - 1];
}

export function renderServiceList(
  parts: readonly NodePart<machine.IServiceList>[],
  now: number = Date.now(),
): string {
  const table = new Table(['NODE', 'SERVICE', 'STATE', 'HEALTH', 'LAST CHANGE', 'LAST EVENT']);
  for (const { node, message } of parts) {
    for (const svc of message.services ?? []) {
      const last = lastEvent(svc);
      const change = last ? goDuration(now - millis(last.ts as Timestamp)) : '';
      table.add([
        node,
        svc.id ?? '',
        svc.state ?? '',
        healthStatus(svc),
        `${change} ago`,
        last?.msg ?? '<none>',
      ]);
    }
  }
  return table.toString();
}

/** One service in detail, newest event first; undefined when no node has it. */
export function renderServiceInfo(
  parts: readonly NodePart<machine.IServiceList>[],
  id: string,
  now: number = Date.now(),
): string | undefined {
  const rows: string[][] = [];
  for (const { node, message } of parts) {
    const svc = (message.services ?? []).find((s) => s.id === id);
    if (!svc) continue;
    rows.push(
      ['NODE', node],
      ['ID', svc.id ?? ''],
      ['STATE', svc.state ?? ''],
      ['HEALTH', healthStatus(svc)],
    );
    if (svc.health?.lastMessage) rows.push(['LAST HEALTH MESSAGE', svc.health.lastMessage]);
    let label = 'EVENTS';
    for (const event of [...(svc.events?.events ?? [])].reverse()) {
      const ago = goDuration(now - millis(event.ts as Timestamp));
      rows.push([label, `[${event.state ?? ''}]: ${event.msg ?? ''} (${ago} ago)`]);
      label = '';
    }
  }
  if (rows.length === 0) return undefined;
  const table = new Table(rows[0] as string[]);
  for (const row of rows.slice(1)) table.add(row);
  return table.toString();
}

export function renderServiceAction(parts: readonly NodePart<{ resp?: string | null }>[]): string {
  const table = new Table(['NODE', 'RESPONSE']);
  for (const { node, message } of parts) table.add([node, message.resp ?? '']);
  return table.toString();
}

const ACTIONS = ['status', 'start', 'stop', 'restart'] as const;
type Action = (typeof ACTIONS)[number];

export function registerService(program: Command, run: CliRun): void {
  program
    .command('service')
    .alias('services')
    .argument('[id]', 'service ID')
    .argument('[action]', 'start, stop, restart or status', 'status')
    .description('Retrieve the state of a service (or all services), control service state')
    .action(async (id: string | undefined, action: string, _opts: unknown, cmd: Command) => {
      if (!ACTIONS.includes(action as Action)) throw new Error(`unsupported service action: "${action}"`);
      if (action !== 'status' && !id) throw new Error(`service ${action}: a service ID is required`);
      await run.withClient(cmd, async (client) => {
        const call = { signal: run.signal };
        switch (action as Action) {
          case 'status': {
            const parts = await client.serviceList(call).catch((err: unknown) => {
              throw new Error(`error listing services: ${messageOf(err)}`);
            });
            const good = run.answered(parts);
            if (!id) {
              run.out(renderServiceList(good));
              return;
            }
            const info = renderServiceInfo(good, id);
            if (info === undefined) throw new Error(`service "${id}" is not registered on any nodes`);
            run.out(info);
            return;
          }
          case 'start':
          case 'stop':
          case 'restart': {
            const invoke = {
              start: client.serviceStart,
              stop: client.serviceStop,
              restart: client.serviceRestart,
            }[action as 'start'];
            const parts = await invoke.call(client, id as string, call).catch((err: unknown) => {
              throw new Error(
                `error ${action === 'stop' ? 'stopping' : action === 'start' ? 'starting' : 'restarting'} service: ${messageOf(err)}`,
              );
            });
            run.out(renderServiceAction(run.answered(parts)));
            return;
          }
        }
      });
    });
}
