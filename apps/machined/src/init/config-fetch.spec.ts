import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { generateConfigs, serializeConfig } from '@talos/config';
import { silentLogger } from '@talos/log';
import { fetchConfig, InvalidConfigError, redactUrl } from './config-fetch';

const CONFIG = serializeConfig(
  generateConfigs({ clusterName: 'boot', endpoint: 'https://10.5.0.2:6443' }).join,
);

/** Serves one response per request from `replies`, in order (the last repeats). */
async function serve(
  replies: ((res: http.ServerResponse) => void)[],
): Promise<{ url: string; hits: () => number; close: () => Promise<void> }> {
  let hits = 0;
  const server = http.createServer((_req, res) => {
    const reply = replies[Math.min(hits, replies.length - 1)]!;
    hits++;
    reply(res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/configs/node.yaml?token=s3cret`,
    hits: () => hits,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

const ok = (body: string) => (res: http.ServerResponse) => res.end(body);
const status = (code: number) => (res: http.ServerResponse) => {
  res.statusCode = code;
  res.end('nope');
};

function recordingLogger(): { logger: ReturnType<typeof silentLogger>; lines: string[] } {
  const lines: string[] = [];
  const logger = silentLogger();
  for (const level of ['info', 'warn', 'error'] as const) {
    (logger as unknown as Record<string, unknown>)[level] = (...args: unknown[]) =>
      lines.push(args.map((a) => (typeof a === 'string' ? a : JSON.stringify(a))).join(' '));
  }
  return { logger, lines };
}

const noSleep = async (): Promise<void> => undefined;

describe('fetchConfig', () => {
  it('downloads and validates the config, logging the URL without its token', async () => {
    const srv = await serve([ok(CONFIG)]);
    const { logger, lines } = recordingLogger();
    try {
      const got = await fetchConfig(srv.url, { logger, sleep: noSleep });
      expect(got.text).toBe(CONFIG);
      expect(got.config.cluster?.clusterName).toBe('boot');
      expect(lines.join('\n')).toContain('/configs/node.yaml?…');
      expect(lines.join('\n')).not.toContain('s3cret');
    } finally {
      await srv.close();
    }
  });

  it('retries a 404 with back-off and succeeds once the file is there', async () => {
    const srv = await serve([status(404), status(404), ok(CONFIG)]);
    const { logger, lines } = recordingLogger();
    const waits: number[] = [];
    try {
      const got = await fetchConfig(srv.url, {
        logger,
        backoffMs: 100,
        sleep: async (ms) => void waits.push(ms),
      });
      expect(got.config.machine.type).toBe('join');
      expect(srv.hits()).toBe(3);
      expect(waits).toEqual([100, 200]);
      expect(lines.join('\n')).toContain('HTTP 404 Not Found');
    } finally {
      await srv.close();
    }
  });

  it('tries again as soon as the network is ready, not at the end of the back-off', async () => {
    const srv = await serve([status(503), ok(CONFIG)]);
    let networkUp!: () => void;
    const networkReady = new Promise<void>((resolve) => (networkUp = resolve));
    try {
      const started = Date.now();
      const fetched = fetchConfig(srv.url, { logger: silentLogger(), backoffMs: 60_000, networkReady });
      // The first attempt failed; the second waits for the minute of back-off, or the network.
      while (srv.hits() < 1) await new Promise((r) => setTimeout(r, 10));
      networkUp();
      await expect(fetched).resolves.toMatchObject({ text: CONFIG });
      expect(srv.hits()).toBe(2);
      expect(Date.now() - started).toBeLessThan(10_000);
    } finally {
      await srv.close();
    }
  });

  it('gives up after the last attempt with a clear error', async () => {
    const srv = await serve([status(404)]);
    try {
      await expect(
        fetchConfig(srv.url, { logger: silentLogger(), attempts: 3, sleep: noSleep }),
      ).rejects.toThrow(
        /error fetching machine config from http:\/\/127\.0\.0\.1:\d+\/configs\/node\.yaml\?…: HTTP 404 Not Found \(after 3 attempts\)/,
      );
      expect(srv.hits()).toBe(3);
    } finally {
      await srv.close();
    }
  });

  it('names the line of a YAML error and does not retry it', async () => {
    const srv = await serve([ok('version: v1alpha1\nmachine:\n  type: join\n   bad: [1\n')]);
    try {
      const err = await fetchConfig(srv.url, { logger: silentLogger(), sleep: noSleep }).catch(
        (e: Error) => e,
      );
      expect(err).toBeInstanceOf(InvalidConfigError);
      expect((err as Error).message).toMatch(/^invalid machine config from .*: .* at line 3, column 9$/);
      expect(srv.hits()).toBe(1);
    } finally {
      await srv.close();
    }
  });

  it('rejects a config that parses but does not validate', async () => {
    const srv = await serve([ok('version: v1alpha1\nmachine:\n  type: sandwich\n')]);
    try {
      await expect(fetchConfig(srv.url, { logger: silentLogger(), sleep: noSleep })).rejects.toThrow(
        /machine config from .*: invalid machine config: [\s\S]*machine\.type: "sandwich"/,
      );
    } finally {
      await srv.close();
    }
  });

  it('times out a server that never answers', async () => {
    const srv = await serve([() => undefined]);
    try {
      const started = Date.now();
      await expect(
        fetchConfig(srv.url, { logger: silentLogger(), attempts: 2, timeoutMs: 200, sleep: noSleep }),
      ).rejects.toThrow('timed out after 200 ms (after 2 attempts)');
      expect(Date.now() - started).toBeLessThan(3000);
      expect(srv.hits()).toBe(2);
    } finally {
      await srv.close();
    }
  });

  it('refuses schemes other than http(s)', async () => {
    await expect(fetchConfig('file:///etc/passwd', { logger: silentLogger() })).rejects.toThrow(
      'unsupported scheme file:',
    );
  });

  it('redacts user info and query', () => {
    expect(redactUrl('https://user:pw@example.com/a.yaml?k=v')).toBe('https://example.com/a.yaml?…');
    expect(redactUrl('not a url')).toBe('<invalid url>');
  });
});
