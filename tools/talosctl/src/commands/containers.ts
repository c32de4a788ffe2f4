// talosctl containers [-k]: the containers of each node's containerd, Talos's system services by
// default, Kubernetes' (namespace k8s.io, CRI driver) with -k.
import { Command } from 'commander';
import { common, type machine } from '@talos/api';
import type { NodePart } from '@talos/client';
import { K8S_CONTAINERD_NAMESPACE, SYSTEM_CONTAINERD_NAMESPACE } from '@talos/constants';
import { CliRun, messageOf } from '../cli';
import { Table } from '../output/table';

export function containersRequest(kubernetes: boolean): machine.ContainersRequest.$Properties {
  return kubernetes
    ? { namespace: K8S_CONTAINERD_NAMESPACE, driver: common.ContainerDriver.CRI }
    : { namespace: SYSTEM_CONTAINERD_NAMESPACE, driver: common.ContainerDriver.CONTAINERD };
}

export function renderContainers(parts: readonly NodePart<machine.IContainer>[]): string {
  const table = new Table(['NODE', 'NAMESPACE', 'ID', 'IMAGE', 'PID', 'STATUS']);
  for (const { node, message } of parts) {
    for (const c of message.containers ?? []) {
      table.add([node, c.namespace ?? '', c.id ?? '', c.image ?? '', String(c.pid ?? 0), c.status ?? '']);
    }
  }
  return table.toString();
}

export function registerContainers(program: Command, run: CliRun): void {
  program
    .command('containers')
    .alias('c')
    .description('List containers')
    .option('-k, --kubernetes', 'use the k8s.io containerd namespace', false)
    .action(async (opts: { kubernetes: boolean }, cmd: Command) => {
      await run.withClient(cmd, async (client) => {
        const parts = await client
          .containers(containersRequest(opts.kubernetes), { signal: run.signal })
          .catch((err: unknown) => {
            throw new Error(`error getting container list: ${messageOf(err)}`);
          });
        run.out(renderContainers(run.answered(parts)));
      });
    });
}
