// talosctl events: the runtime event stream (sequences, phases, tasks, service states).
import { Command, InvalidArgumentError } from 'commander';
import { EVENT_TYPE_URL_PREFIX, machine } from '@talos/api';
import type { NodePart } from '@talos/client';
import { CliRun, messageOf } from '../cli';
import { StreamingTable } from '../output/table';

export const EVENTS_HEADER = ['NODE', 'ID', 'EVENT', 'SOURCE', 'MESSAGE'];

/** Any's type URL; the generated class keeps the proto field name (`type_url`). */
export function eventTypeUrl(event: machine.IEvent): string {
  const data = event.data as { type_url?: string | null; typeUrl?: string | null } | null | undefined;
  return data?.type_url ?? data?.typeUrl ?? '';
}

/** SOURCE and MESSAGE of an event, or undefined for event types this client does not know. */
export function describeEvent(
  typeUrl: string,
  value: Uint8Array,
): [source: string, message: string] | undefined {
  switch (typeUrl.slice(EVENT_TYPE_URL_PREFIX.length)) {
    case 'machine.SequenceEvent': {
      const e = machine.SequenceEvent.decode(value);
      return [
        e.sequence,
        e.error ? `error: ${e.error.message ?? ''}` : machine.SequenceEvent.Action[e.action],
      ];
    }
    case 'machine.PhaseEvent': {
      const e = machine.PhaseEvent.decode(value);
      return [e.phase, machine.PhaseEvent.Action[e.action]];
    }
    case 'machine.TaskEvent': {
      const e = machine.TaskEvent.decode(value);
      return [e.task, machine.TaskEvent.Action[e.action]];
    }
    case 'machine.ServiceStateEvent': {
      const e = machine.ServiceStateEvent.decode(value);
      return [e.service, `${machine.ServiceStateEvent.Action[e.action]}: ${e.message}`];
    }
    default:
      return undefined;
  }
}

/** The row for one event, or undefined for event types this client does not know. */
export function eventRow(part: NodePart<machine.IEvent>): string[] | undefined {
  const typeUrl = eventTypeUrl(part.message);
  if (!typeUrl.startsWith(EVENT_TYPE_URL_PREFIX)) return undefined;
  const described = describeEvent(typeUrl, part.message.data?.value ?? new Uint8Array());
  if (!described) return undefined;
  return [part.node, part.message.id ?? '', typeUrl, described[0] ?? '', described[1] ?? ''];
}

function parseInteger(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n)) throw new InvalidArgumentError('expected an integer');
  return n;
}

function parseDurationSeconds(value: string): number {
  const m = /^(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s)?$/.exec(value);
  if (!m || value === '') throw new InvalidArgumentError('expected a duration like 30s, 5m or 1h30m');
  return Number(m[1] ?? 0) * 3600 + Number(m[2] ?? 0) * 60 + Number(m[3] ?? 0);
}

export function registerEvents(program: Command, run: CliRun): void {
  program
    .command('events')
    .description('Stream runtime events')
    .option(
      '--tail <n>',
      'show specified number of past events (use -1 to show full history, default is to show no history)',
      parseInteger,
      0,
    )
    .option(
      '--duration <duration>',
      'show events for the past duration interval (one second resolution)',
      parseDurationSeconds,
      0,
    )
    .option('--since <id>', 'show events after the specified event ID', '')
    .action(async (opts: { tail: number; duration: number; since: string }, cmd: Command) => {
      await run.withClient(cmd, async (client) => {
        const stream = client.events(
          { tailEvents: opts.tail, tailSeconds: opts.duration, tailId: opts.since },
          { signal: run.signal },
        );
        // Events trickle in: each row is printed as it comes, aligned with the rows before it.
        const table = new StreamingTable();
        let header = true;
        try {
          for await (const part of stream) {
            if (part.error !== undefined) {
              run.nodeError(part.node, part.error);
              continue;
            }
            const row = eventRow(part);
            if (!row) continue;
            if (header) {
              table.widen(row);
              run.out(table.row(EVENTS_HEADER));
            }
            run.out(table.row(row));
            header = false;
          }
        } catch (err) {
          throw new Error(`error watching events: ${messageOf(err)}`);
        }
        if (header) run.out(table.row(EVENTS_HEADER));
      });
    });
}
