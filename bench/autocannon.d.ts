// autocannon ships no types; only the part the benchmarks use.
declare module 'autocannon' {
  interface Result {
    requests: { average: number; total: number };
    non2xx: number;
    errors: number;
  }
  interface Options {
    url: string;
    connections?: number;
    pipelining?: number;
    duration?: number;
    method?: string;
  }
  export default function autocannon(opts: Options): Promise<Result>;
}
