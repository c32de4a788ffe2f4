// Runs the load generator in this process or spread over N child processes (each with its share
// of the concurrency), so that the client's own CPU can be taken out of the picture. Children are
// this same script started with LOAD_WORKER_ENV set; they warm up, wait for the word, run, report.
import { fork, type ChildProcess } from 'node:child_process';
import { bindCall, type CallTarget } from './call-targets';
import { combineReports, runLoad, toReport, type LoadReport, type LoadResult } from './load-generator';

export const LOAD_WORKER_ENV = 'TALOS_BENCH_LOAD_WORKER';

export interface LoadPlan {
  target: CallTarget;
  /** Calls in flight in total, over all generators. */
  concurrency: number;
  durationMs: number;
  warmupMs: number;
}

type ToWorker = { type: 'job'; plan: LoadPlan } | { type: 'go' };
type FromWorker =
  { type: 'ready' } | { type: 'result'; report: LoadReport } | { type: 'error'; message: string };

/** Called when the warm-up is over and the measured run starts (to start CPU meters). */
export type OnMeasure = () => void;

/** Warm-up then the measured run, in this process. */
export async function runPlan(plan: LoadPlan, onMeasure?: OnMeasure): Promise<LoadResult> {
  const bound = bindCall(plan.target);
  try {
    await runLoad(bound.call, { concurrency: plan.concurrency, durationMs: plan.warmupMs });
    onMeasure?.();
    return await runLoad(bound.call, { concurrency: plan.concurrency, durationMs: plan.durationMs });
  } finally {
    bound.close();
  }
}

/** The same plan over `generators` processes started from `script`; results merged. */
export async function runPlanInWorkers(
  plan: LoadPlan,
  generators: number,
  script: string,
  onMeasure?: OnMeasure,
): Promise<LoadResult> {
  const share = Math.max(1, Math.round(plan.concurrency / generators));
  const children: ChildProcess[] = [];
  const exited: Array<Promise<void>> = [];
  try {
    const ready: Array<Promise<void>> = [];
    const results: Array<Promise<LoadReport>> = [];
    for (let i = 0; i < generators; i++) {
      const child = fork(script, [], {
        env: { ...process.env, [LOAD_WORKER_ENV]: '1' },
        stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
      });
      children.push(child);
      exited.push(new Promise((resolve) => child.once('exit', () => resolve())));
      const failed = new Promise<never>((_, reject) => {
        child.on('message', (m: FromWorker) => {
          if (m.type === 'error') reject(new Error(`error in load worker ${i + 1}: ${m.message}`));
        });
        child.once('exit', (code) => reject(new Error(`load worker ${i + 1} exited (code ${code})`)));
      });
      failed.catch(() => undefined);
      ready.push(Promise.race([waitFor(child, 'ready').then(() => undefined), failed]));
      results.push(Promise.race([waitFor(child, 'result').then((m) => m.report), failed]));
      child.send({ type: 'job', plan: { ...plan, concurrency: share } } satisfies ToWorker);
    }
    await Promise.all(ready);
    onMeasure?.();
    for (const child of children) child.send({ type: 'go' } satisfies ToWorker);
    return combineReports(await Promise.all(results));
  } finally {
    for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
    await Promise.all(exited);
  }
}

function waitFor<T extends FromWorker['type']>(
  child: ChildProcess,
  type: T,
): Promise<Extract<FromWorker, { type: T }>> {
  return new Promise((resolve) => {
    const onMessage = (m: FromWorker): void => {
      if (m.type !== type) return;
      child.off('message', onMessage);
      resolve(m as Extract<FromWorker, { type: T }>);
    };
    child.on('message', onMessage);
  });
}

/** The child side: one job, then exit. */
export function serveLoadWorker(): void {
  const send = (m: FromWorker): Promise<void> =>
    new Promise((resolve) => (process.send ? process.send(m, undefined, {}, () => resolve()) : resolve()));
  // An orphan (the parent was killed) stops at once rather than loading the node on its own.
  process.once('disconnect', () => process.exit(0));
  process.once('message', async (m: ToWorker) => {
    if (m.type !== 'job') return;
    const { plan } = m;
    const bound = bindCall(plan.target);
    try {
      await runLoad(bound.call, { concurrency: plan.concurrency, durationMs: plan.warmupMs });
      const go = new Promise<void>((resolve) => process.once('message', () => resolve()));
      await send({ type: 'ready' });
      await go;
      const result = await runLoad(bound.call, {
        concurrency: plan.concurrency,
        durationMs: plan.durationMs,
      });
      await send({ type: 'result', report: toReport(result) });
    } catch (err) {
      await send({ type: 'error', message: (err as Error).message });
    } finally {
      bound.close();
      process.exit(0);
    }
  });
}
