// Value formats that match what Talos's Go tooling prints (humanize.Bytes, time.Duration,
// time.Time), so that output reads the same as the reference CLI's.

const SI_SIZES = ['B', 'kB', 'MB', 'GB', 'TB', 'PB', 'EB'];

/** Bytes in SI units, like go-humanize's Bytes: "0 B", "8.2 kB", "12 MB". */
export function humanizeBytes(bytes: number): string {
  if (bytes < 10) return `${bytes} B`;
  const e = Math.floor(Math.log(bytes) / Math.log(1000));
  const suffix = SI_SIZES[e] ?? 'EB';
  const value = Math.floor((bytes / Math.pow(1000, e)) * 10 + 0.5) / 10;
  return value < 10 ? `${value.toFixed(1)} ${suffix}` : `${value.toFixed(0)} ${suffix}`;
}

/** A duration rounded to seconds, like Go's Duration.String(): "0s", "45s", "2m5s", "1h0m3s". */
export function goDuration(ms: number): string {
  const total = Math.max(0, Math.round(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  if (h > 0) return `${h}h${m}m${s}s`;
  if (m > 0) return `${m}m${s}s`;
  return `${s}s`;
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

/**
 * A timestamp the way Go's Time.String() prints a UTC time:
 * "2021-03-04 10:11:12.5 +0000 UTC" (fraction without trailing zeros, none when zero).
 */
export function goTime(ts: { seconds?: number | null; nanos?: number | null } | null | undefined): string {
  if (!ts) return '0001-01-01 00:00:00 +0000 UTC';
  const seconds = Number(ts.seconds ?? 0);
  const nanos = Number(ts.nanos ?? 0);
  const d = new Date(seconds * 1000);
  const date = `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
  const clock = `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
  const fraction = nanos > 0 ? `.${String(nanos).padStart(9, '0').replace(/0+$/, '')}` : '';
  return `${date} ${clock}${fraction} +0000 UTC`;
}
