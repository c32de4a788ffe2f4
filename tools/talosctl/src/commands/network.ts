// talosctl interfaces / routes: networkd's view of links and routes per node.
import { Command } from 'commander';
import type { network } from '@talos/api';
import type { NodePart } from '@talos/client';
import { CliRun, messageOf } from '../cli';
import { Table } from '../output/table';

export function renderInterfaces(parts: readonly NodePart<network.IInterfaces>[]): string {
  const table = new Table(['NODE', 'INDEX', 'NAME', 'MAC', 'MTU', 'ADDRESS']);
  for (const { node, message } of parts) {
    for (const link of message.interfaces ?? []) {
      // One row per address, as Talos prints it.
      for (const address of link.ipaddress ?? []) {
        table.add([node, link.index ?? 0, link.name ?? '', link.hardwareaddr ?? '', link.mtu ?? 0, address]);
      }
    }
  }
  return table.toString();
}

export function renderRoutes(parts: readonly NodePart<network.IRoutes>[]): string {
  const table = new Table(['NODE', 'INTERFACE', 'DESTINATION', 'GATEWAY', 'METRIC']);
  for (const { node, message } of parts) {
    for (const route of message.routes ?? []) {
      table.add([
        node,
        route.interface ?? '',
        route.destination ?? '',
        route.gateway ?? '',
        route.metric ?? 0,
      ]);
    }
  }
  return table.toString();
}

export function registerNetwork(program: Command, run: CliRun): void {
  program
    .command('interfaces')
    .description('List network interfaces')
    .action(async (_opts: unknown, cmd: Command) => {
      await run.withClient(cmd, async (client) => {
        const parts = await client.interfaces({ signal: run.signal }).catch((err: unknown) => {
          throw new Error(`error getting interfaces: ${messageOf(err)}`);
        });
        run.out(renderInterfaces(run.answered(parts)));
      });
    });

  program
    .command('routes')
    .alias('route')
    .description('List network routes')
    .action(async (_opts: unknown, cmd: Command) => {
      await run.withClient(cmd, async (client) => {
        const parts = await client.routes({ signal: run.signal }).catch((err: unknown) => {
          throw new Error(`error getting routes: ${messageOf(err)}`);
        });
        run.out(renderRoutes(run.answered(parts)));
      });
    });
}
