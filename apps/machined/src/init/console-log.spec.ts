import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createLogger } from '@talos/log';
import { consoleLine, consoleStream } from './console-log';

describe('console lines', () => {
  it('shortens a pino record to "machined: msg", with the error and service', () => {
    expect(consoleLine('{"level":30,"msg":"mounted /system","daemon":"machined"}')).toEqual({
      level: 6,
      text: 'machined: mounted /system',
    });
    expect(consoleLine('{"level":50,"msg":"boot failed","err":"EBUSY"}')).toEqual({
      level: 3,
      text: 'machined: boot failed: EBUSY',
    });
    expect(consoleLine('{"level":40,"msg":"Running","service":"apid"}')).toEqual({
      level: 4,
      text: 'machined: [apid] Running',
    });
    expect(consoleLine('{"level":20,"msg":"noise"}')).toBeUndefined();
  });

  it('writes one line per record to a plain file (kmsg records carry a level prefix)', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'console-'));
    try {
      const file = path.join(dir, 'console');
      fs.writeFileSync(file, '');
      const stream = consoleStream(file);
      const logger = createLogger({ name: 'machined', destination: stream });
      logger.info('starting containerd');
      logger.debug('not shown');
      logger.warn({ err: 'ENOENT' }, 'error setting sysctl');
      await new Promise<void>((resolve) => stream.end(resolve));
      expect(fs.readFileSync(file, 'utf8')).toBe(
        'machined: starting containerd\nmachined: error setting sysctl: ENOENT\n',
      );
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
