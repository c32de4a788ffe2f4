// talosctl config add|endpoint|node|context|contexts|merge|info|new: edit and describe the talosconfig.
import * as fs from 'node:fs';
import { Command } from 'commander';
import {
  addContext,
  ClientConfig,
  contextInfo,
  type ContextInfo,
  loadClientConfig,
  mergeClientConfig,
  parseListFlag,
  saveClientConfig,
  selectContext,
} from '@talos/client';
import { CLIENT_CERT_LIFETIME_DAYS, isRole, ROLES_ORDERED } from '@talos/constants';
import { issueCertificate } from '@talos/pki';
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

const DAY_MS = 86_400_000;

/** "1 year from now", "23 days from now", "5 hours from now", "expired 2 days ago": how long is left. */
export function describeExpiry(notAfter: Date, now: Date): string {
  const left = notAfter.getTime() - now.getTime();
  const span = Math.abs(left);
  const unit = (n: number, name: string): string => `${n} ${name}${n === 1 ? '' : 's'}`;
  const amount =
    span >= 365 * DAY_MS
      ? unit(Math.floor(span / (365 * DAY_MS)), 'year')
      : span >= DAY_MS
        ? unit(Math.floor(span / DAY_MS), 'day')
        : span >= 3_600_000
          ? unit(Math.floor(span / 3_600_000), 'hour')
          : unit(Math.floor(span / 60_000), 'minute');
  return left >= 0 ? `${amount} from now` : `expired ${amount} ago`;
}

export function renderContextInfo(info: ContextInfo, now: Date = new Date()): string {
  const list = (items: string[]): string => (items.length > 0 ? items.join(', ') : 'not defined');
  const lines: Array<[string, string]> = [
    ['Current context', info.name],
    ['Nodes', list(info.nodes)],
    ['Endpoints', list(info.endpoints)],
  ];
  const cert = info.certificate;
  if (cert) {
    lines.push(['Client', cert.commonName || 'not named']);
    lines.push(['Roles', cert.roles.length > 0 ? cert.roles.join(', ') : 'none']);
    const day = cert.notAfter.toISOString().slice(0, 10);
    lines.push(['Certificate expires', `${describeExpiry(cert.notAfter, now)} (${day})`]);
  } else {
    lines.push(['Client', 'no client certificate']);
  }
  // One column for every context, with or without a certificate: 'Certificate expires: ' is the longest.
  const width = 'Certificate expires: '.length;
  return lines.map(([label, value]) => `${`${label}:`.padEnd(width)}${value}\n`).join('');
}

function readPemFile(flag: string, file: string): string {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch (err) {
    throw new Error(`error reading --${flag} ${file}: ${(err as Error).message}`);
  }
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
    .command('add')
    .argument('<context>', 'context name')
    .requiredOption('--ca <file>', 'the path to the CA certificate')
    .requiredOption('--crt <file>', 'the path to the client certificate')
    .requiredOption('--key <file>', 'the path to the client key')
    .description('Add a new context')
    .action((name: string, opts: { ca: string; crt: string; key: string }, cmd: Command) => {
      const globals = globalsOf(cmd);
      const pem = {
        ca: readPemFile('ca', opts.ca),
        crt: readPemFile('crt', opts.crt),
        key: readPemFile('key', opts.key),
      };
      const cfg = run.loadConfig(globals);
      addContext(cfg, name, pem);
      run.saveConfig(globals, cfg);
    });

  config
    .command('info')
    .description('Show information about the current context')
    .action((_opts: unknown, cmd: Command) => {
      const globals = globalsOf(cmd);
      run.out(renderContextInfo(contextInfo(run.loadConfig(globals), globals.context)));
    });

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

  config
    .command('new')
    .argument('<file>', 'where to write the new talosconfig')
    .requiredOption('--ca-crt <file>', 'the OS CA certificate (from the generated secrets)')
    .requiredOption('--ca-key <file>', 'the OS CA private key')
    .option('--roles <roles>', `roles, comma separated (${ROLES_ORDERED.join(', ')})`, 'os:admin')
    .option('--crt-ttl <hours>', 'certificate lifetime in hours', String(CLIENT_CERT_LIFETIME_DAYS * 24))
    .description(
      'Write a talosconfig with a new client certificate for the given roles (endpoints and nodes from the current context)',
    )
    .action(
      (file: string, opts: { caCrt: string; caKey: string; roles: string; crtTtl: string }, cmd: Command) => {
        const roles = parseListFlag(opts.roles);
        const bad = roles.filter((r) => !isRole(r));
        if (roles.length === 0 || bad.length > 0)
          throw new Error(
            `error creating talosconfig: unknown role(s) "${bad.join(',')}"; expected ${ROLES_ORDERED.join(', ')}`,
          );
        const hours = Number(opts.crtTtl);
        if (!Number.isFinite(hours) || hours <= 0)
          throw new Error(
            `error creating talosconfig: --crt-ttl must be a positive number of hours, got "${opts.crtTtl}"`,
          );
        const ca = { crt: readPemFile('ca-crt', opts.caCrt), key: readPemFile('ca-key', opts.caKey) };
        const cert = issueCertificate(ca, {
          commonName: roles.join(','),
          organization: roles,
          validityHours: hours,
          usage: 'client',
        });
        const { cfg: current, name } = open(cmd);
        const base = current.contexts[name]!;
        const created: ClientConfig = { context: '', contexts: {} };
        created.contexts[name] = {
          endpoints: [...base.endpoints],
          ...(base.nodes ? { nodes: [...base.nodes] } : {}),
        };
        addContext(created, name, { ca: ca.crt, crt: cert.crt, key: cert.key });
        saveClientConfig(file, created);
      },
    );
}
