import { formatTable, StreamingTable, Table } from './table';
import { goDuration, goTime, humanizeBytes } from './format';
import { NodeLines } from './lines';

describe('formatTable', () => {
  it('pads every column but the last to its widest cell plus three spaces', () => {
    const out = formatTable([
      ['NODE', 'TOTAL', 'USED'],
      ['node01', '7938', '871'],
      ['n2', '257844', '14408'],
    ]);
    expect(out).toBe(
      ['NODE     TOTAL    USED', 'node01   7938     871', 'n2       257844   14408', ''].join('\n'),
    );
  });

  it('does not let a long last cell widen anything', () => {
    const t = new Table(['A', 'LAST']);
    t.add(['x', 'a very long last cell']);
    expect(t.toString()).toBe('A   LAST\nx   a very long last cell\n');
  });

  it('uses the given gap (columnize style)', () => {
    expect(
      formatTable(
        [
          ['a', 'b'],
          ['ccc', 'd'],
        ],
        2,
      ),
    ).toBe('a    b\nccc  d\n');
  });
});

describe('value formats', () => {
  it('prints bytes like go-humanize', () => {
    expect(humanizeBytes(0)).toBe('0 B');
    expect(humanizeBytes(9)).toBe('9 B');
    expect(humanizeBytes(8200)).toBe('8.2 kB');
    expect(humanizeBytes(12_345_678)).toBe('12 MB');
    expect(humanizeBytes(1_500_000_000)).toBe('1.5 GB');
  });

  it('prints durations like Go', () => {
    expect(goDuration(0)).toBe('0s');
    expect(goDuration(44_600)).toBe('45s');
    expect(goDuration(125_000)).toBe('2m5s');
    expect(goDuration(3_603_000)).toBe('1h0m3s');
  });

  it('prints timestamps like Go Time.String in UTC', () => {
    expect(goTime({ seconds: 1_614_852_672, nanos: 500_000_000 })).toBe('2021-03-04 10:11:12.5 +0000 UTC');
    expect(goTime({ seconds: 1_614_852_672, nanos: 0 })).toBe('2021-03-04 10:11:12 +0000 UTC');
  });
});

describe('NodeLines', () => {
  it('prints whole lines per node even when chunks split them', () => {
    const lines: string[] = [];
    const splitter = new NodeLines((node, line) => lines.push(`${node}: ${line}`));
    splitter.push('a', 'hel');
    splitter.push('b', 'one\ntw');
    splitter.push('a', 'lo\nwor');
    splitter.flush();
    expect(lines).toEqual(['b: one', 'a: hello', 'a: wor', 'b: tw']);
  });
});

describe('StreamingTable', () => {
  it('keeps columns aligned with earlier rows and only ever widens them', () => {
    const t = new StreamingTable();
    t.widen(['node', 'x']);
    expect(t.row(['N', 'LAST'])).toBe('N      LAST\n');
    expect(t.row(['n', 'a'])).toBe('n      a\n');
    expect(t.row(['longer-node', 'b'])).toBe('longer-node   b\n');
    expect(t.row(['n', 'c'])).toBe('n             c\n');
  });
});
