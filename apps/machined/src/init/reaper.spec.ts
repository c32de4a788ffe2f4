import { parseProcStat } from './reaper';

describe('/proc/<pid>/stat', () => {
  it('reads state and parent after the last parenthesis of the command name', () => {
    expect(parseProcStat('42 (sleep) Z 1 42 42 0 -1 4194560')).toEqual({ pid: 42, state: 'Z', ppid: 1 });
    expect(parseProcStat('7 (a) b (c)) S 3 7 7 0')).toEqual({ pid: 7, state: 'S', ppid: 3 });
    expect(parseProcStat('garbage')).toBeUndefined();
  });
});
