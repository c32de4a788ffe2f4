// talosctl config endpoint|node|context|contexts|merge: edit the talosconfig.
import { Command } from 'commander';
import {
  ClientConfig,
  loadClientConfig,
  mergeClientConfig,
  parseListFlag,
  selectContext,
} from '@talos/client';
import { CliRun, globalsOf } from '../cli';
import { Table } from '../output/table';

export function renderContexts(config: ClientConfig): string {
  const table = new Table(['CURRENT', 'NAME', 'ENDPOINTS', 'NODES']);
  for (const name of Object.keys(config.contexts).sort()) {
    const ctx = config.contexts[name]!;
    const nodes = ctx.nodes ?? [];
    const shown = nodes.length > 3 ? `${nodes.slice(0, 3).join(',')}...` : nodes.join(',');
    table.add([name === config.context ? '*' : '', name, ctx.endpoints.join(','), shown]);
  }
  return table.toString();
}

export function registerConfig(program: Command, run: CliRun): void {
  const config = program.command('config').description('Manage the client configuration file (talosconfig)');

  /** Loads the config and the context the command edits (`--context` or the current one). */
  const open = (cmd: Command): { cfg: ClientConfig; name: string } => {
    const globals = globalsOf(cmd);
    const cfg = run.loadConfig(globals);
    const { name } = selectContext(cfg, globals.context);
    return { cfg, name };
  };

  config
    .command('endpoint')
    .alias('endpoints')
    .argument('<endpoints...>', 'endpoints (repeatable, comma separated)')
    .description('Set the endpoint(s) for the current context')
    .action((values: string[], _opts: unknown, cmd: Command) => {
      const { cfg, name } = open(cmd);
      const endpoints = parseListFlag(values);
      if (endpoints.length === 0) throw new Error('at least one endpoint is required');
      cfg.contexts[name]!.endpoints = endpoints;
      run.saveConfig(globalsOf(cmd), cfg);
    });

  config
    .command('node')
    .alias('nodes')
    .argument('[nodes...]', 'nodes (repeatable, comma separated; none clears them)')
    .description('Set the node(s) for the current context')
    .action((values: string[], _opts: unknown, cmd: Command) => {
      const { cfg, name } = open(cmd);
      const nodes = parseListFlag(values);
      const ctx = cfg.contexts[name]!;
      if (nodes.length > 0) ctx.nodes = nodes;
      else delete ctx.nodes;
      run.saveConfig(globalsOf(cmd), cfg);
    });

  config
    .command('context')
    .alias('use-context')
    .argument('<context>', 'context name')
    .description('Set the current context')
    .action((name: string, _opts: unknown, cmd: Command) => {
      const globals = globalsOf(cmd);
      const cfg = run.loadConfig(globals);
      selectContext(cfg, name);
      cfg.context = name;
      run.saveConfig(globals, cfg);
    });

  config
    .command('contexts')
    .alias('get-contexts')
    .description('List defined contexts')
    .action((_opts: unknown, cmd: Command) => {
      run.out(renderContexts(run.loadConfig(globalsOf(cmd))));
    });

  config
    .command('merge')
    .argument('<from>', 'talosconfig to merge')
    .option('--force', 'overwrite contexts with the same name instead of renaming', false)
    .description(
      'Merge additional contexts from another client configuration file (clashing names are renamed)',
    )
    .action((from: string, opts: { force: boolean }, cmd: Command) => {
      const globals = globalsOf(cmd);
      const cfg = run.loadConfig(globals);
      const other = loadClientConfig(from);
      if (Object.keys(other.contexts).length === 0)
        throw new Error(`error reading config: ${from} has no contexts`);
      for (const rename of mergeClientConfig(cfg, other, { force: opts.force })) {
        run.err(`renamed talosconfig context "${rename.from}" -> "${rename.to}"\n`);
      }
      run.saveConfig(globals, cfg);
    });
}
