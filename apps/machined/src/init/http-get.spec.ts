import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { HttpStatusError, MAX_REDIRECTS, httpGetText } from './http-get';

describe('httpGetText', () => {
  let server: http.Server;
  let base: string;
  let stalled: http.ServerResponse | undefined;

  beforeAll(async () => {
    server = http.createServer((req, res) => {
      const url = new URL(req.url ?? '/', 'http://x');
      if (url.pathname === '/doc') return res.end('machine:\n  type: join\n');
      if (url.pathname === '/hop') {
        // /hop?n=3 redirects to /hop?n=2 ... then /doc (relative Location).
        const n = Number(url.searchParams.get('n'));
        res.writeHead(n > 0 ? 302 : 301, { location: n > 0 ? `/hop?n=${n - 1}` : 'doc' });
        return res.end();
      }
      if (url.pathname === '/ftp') {
        res.writeHead(302, { location: 'ftp://example.invalid/x' });
        return res.end();
      }
      if (url.pathname === '/stall') {
        stalled = res;
        return res.writeHead(200).write('partial');
      }
      res.writeHead(404, 'Not Found');
      res.end('nope');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    stalled?.destroy();
    server.closeAllConnections();
    await new Promise((r) => server.close(r));
  });

  it('reads a document, following relative redirects', async () => {
    await expect(httpGetText(`${base}/doc`)).resolves.toBe('machine:\n  type: join\n');
    await expect(httpGetText(`${base}/hop?n=${MAX_REDIRECTS - 1}`)).resolves.toContain('type: join');
  });

  it('says what went wrong: status, redirect loops, schemes, refused connections, aborts', async () => {
    const notFound = httpGetText(`${base}/missing`);
    await expect(notFound).rejects.toThrow('HTTP 404 Not Found');
    await expect(notFound).rejects.toBeInstanceOf(HttpStatusError);
    await expect(httpGetText(`${base}/hop?n=${MAX_REDIRECTS + 1}`)).rejects.toThrow(
      `too many redirects (more than ${MAX_REDIRECTS})`,
    );
    await expect(httpGetText(`${base}/ftp`)).rejects.toThrow('redirected to an unsupported scheme ftp:');
    // A port nothing listens on (the server's, once closed, is not reused this quickly).
    const closed = http.createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((r) => closed.close(r));
    await expect(httpGetText(`http://127.0.0.1:${port}/doc`)).rejects.toThrow(/ECONNREFUSED/);
    const abort = new AbortController();
    const pending = httpGetText(`${base}/stall`, abort.signal);
    setTimeout(() => abort.abort(new Error('timed out')), 50);
    await expect(pending).rejects.toThrow('timed out');
  });
});
