// The answers of time.TimeService: the configured servers (Time) or a given one (TimeCheck)
// compared with the local clock. Transport-free, so tests call it directly.
import type { google, time } from '@talos/api';
import { queryFirst, type NtpQuery } from './time-syncer';
import type { NtpResult } from './sntp-client';

export function toTimestamp(ms: number): google.protobuf.ITimestamp {
  const seconds = Math.floor(ms / 1000);
  return { seconds, nanos: Math.min(Math.round((ms - seconds * 1000) * 1e6), 999_999_999) };
}

export function toTimeResponse(res: NtpResult): time.ITimeResponse {
  return {
    messages: [
      {
        server: res.server,
        localtime: toTimestamp(res.localTimeMs),
        remotetime: toTimestamp(res.remoteTimeMs),
      },
    ],
  };
}

export interface TimeApiOptions {
  servers: () => readonly string[];
  query: NtpQuery;
}

export class TimeApi {
  constructor(private readonly opts: TimeApiOptions) {}

  /** The first configured server that answers. */
  async time(signal?: AbortSignal): Promise<time.ITimeResponse> {
    return toTimeResponse(await queryFirst(this.opts.servers(), this.opts.query, signal));
  }

  /** The given server; an empty name means the configured ones. */
  async timeCheck(server: string, signal?: AbortSignal): Promise<time.ITimeResponse> {
    if (!server.trim()) return this.time(signal);
    return toTimeResponse(await this.opts.query(server.trim(), signal));
  }
}
