// talosctl events: the runtime event stream (sequences, phases, tasks, service states).
import { Command, InvalidArgumentError } from 'commander';
import { machine, unpackEvent } from '@talos/api';
import type { NodePart } from '@talos/client';
import { CliRun, messageOf } from '../cli';
import { formatTable } from '../output/table';

export const EVENTS_HEADER = ['NODE', 'ID', 'EVENT', 'SOURCE', 'MESSAGE'];

/** The row for one event, or undefined for event types this client does not know. */
export function eventRow(part: NodePart<machine.IEvent>): string[] | undefined {
  const payload = unpackEvent(part.message.data);
  if (!payload) return undefined;
  let source: string;
  let message: string;
  switch (payload.type) {
    case 'machine.SequenceEvent': {
      const e = payload.event;
      source = e.sequence;
      message = e.error ? `error: ${e.error.message ?? ''}` : machine.SequenceEvent.Action[e.action];
      break;
    }
    case 'machine.PhaseEvent':
      source = payload.event.phase;
      message = machine.PhaseEvent.Action[payload.event.action];
      break;
    case 'machine.TaskEvent':
      source = payload.event.task;
      message = machine.TaskEvent.Action[payload.event.action];
      break;
    case 'machine.ServiceStateEvent':
      source = payload.event.service;
      message = `${machine.ServiceStateEvent.Action[payload.event.action]}: ${payload.event.message}`;
      break;
    default:
      return undefined;
  }
  const typeUrl = part.message.data?.typeUrl ?? '';
  return [part.node, part.message.id ?? '', typeUrl, source ?? '', message ?? ''];
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
    .option('--tail <n>', 'show specified number of past events (use -1 to show full history, default is to show no history)', parseInteger, 0)
    .option('--duration <duration>', 'show events for the past duration interval (one second resolution)', parseDurationSeconds, 0)
    .option('--since <id>', 'show events after the specified event ID', '')
    .action(async (opts: { tail: number; duration: number; since: string }, cmd: Command) => {
      await run.withClient(cmd, async (client) => {
        const stream = client.events({ tailEvents: opts.tail, tailSeconds: opts.duration, tailId: opts.since }, { signal: run.signal });
        // Events trickle in: the header is aligned with the first event, then each line stands
        // alone (as Talos's tabwriter flushes per event).
        let header = true;
        try {
          for await (const part of stream) {
            if (part.error !== undefined) {
              run.nodeError(part.node, part.error);
              continue;
            }
            const row = eventRow(part);
            if (!row) continue;
            run.out(formatTable(header ? [EVENTS_HEADER, row] : [row]));
            header = false;
          }
        } catch (err) {
          throw new Error(`error watching events: ${messageOf(err)}`);
        }
        if (header) run.out(formatTable([EVENTS_HEADER]));
      });
    });
}
