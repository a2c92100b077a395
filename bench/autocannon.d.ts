// autocannon ships no types; the benchmark uses only this part of its result.
declare module 'autocannon' {
  interface Result {
    requests: { average: number };
    latency: { p99: number; average: number };
    errors: number;
    non2xx: number;
    timeouts: number;
  }
  export default function autocannon(opts: { url: string; connections?: number; duration?: number; amount?: number; headers?: Record<string, string>; requests?: { path: string }[] }): Promise<Result>;
}
