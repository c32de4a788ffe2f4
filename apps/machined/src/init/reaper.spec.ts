import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { childPids, parseProcStat, zombieChildren } from './reaper';

describe('/proc/<pid>/stat', () => {
  it('reads state and parent after the last parenthesis of the command name', () => {
    expect(parseProcStat('42 (sleep) Z 1 42 42 0 -1 4194560')).toEqual({ pid: 42, state: 'Z', ppid: 1 });
    expect(parseProcStat('7 (a) b (c)) S 3 7 7 0')).toEqual({ pid: 7, state: 'S', ppid: 3 });
    expect(parseProcStat('garbage')).toBeUndefined();
  });
});

describe('zombieChildren', () => {
  let proc: string;
  const write = (file: string, text: string): void => {
    fs.mkdirSync(path.dirname(path.join(proc, file)), { recursive: true });
    fs.writeFileSync(path.join(proc, file), text);
  };
  beforeEach(() => {
    proc = fs.mkdtempSync(path.join(os.tmpdir(), 'proc-'));
    write('5/stat', '5 (shim) Z 1 5 5 0');
    write('7/stat', '7 (containerd) S 1 7 7 0');
    write('9/stat', '9 (orphan) Z 1 9 9 0');
    write('11/stat', '11 (other) Z 4 11 11 0');
  });
  afterEach(() => fs.rmSync(proc, { recursive: true, force: true }));

  it("reads only the children the kernel lists for each of the parent's threads", () => {
    write('1/task/1/children', '5 7 ');
    write('1/task/3/children', '9 ');
    expect(childPids(1, proc)).toEqual([5, 7, 9]);
    write('1/task/3/children', '');
    expect(zombieChildren(1, proc)).toEqual([5]);
  });

  it('scans every process when the kernel does not list children', () => {
    fs.mkdirSync(path.join(proc, '1', 'task', '1'), { recursive: true });
    expect(childPids(1, proc)).toBeUndefined();
    expect(zombieChildren(1, proc).sort((a, b) => a - b)).toEqual([5, 9]);
  });
});
