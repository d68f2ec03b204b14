// The part of autocannon's API the benchmark uses (the package ships no types).
declare module "autocannon" {
  type Histogram = { average: number; p50: number; p99: number; max: number; min: number };

  export type AutocannonResult = {
    url: string;
    requests: Histogram & { total: number };
    latency: Histogram;
    duration: number;
    errors: number;
    timeouts: number;
    non2xx: number;
  };

  export type AutocannonRequest = {
    method?: string;
    path?: string;
    headers?: Record<string, string>;
    /** Called for every request; what it returns is sent. */
    setupRequest?: (request: AutocannonRequest) => AutocannonRequest;
  };

  export type AutocannonOptions = {
    url: string;
    connections?: number;
    duration?: number;
    /** Stop after this many requests instead of after `duration`. */
    amount?: number;
    headers?: Record<string, string>;
    requests?: AutocannonRequest[];
  };

  /** A running load: a promise of its result that also reports each response. */
  export type AutocannonInstance = Promise<AutocannonResult> & {
    on(
      event: "response",
      listener: (client: unknown, statusCode: number, bytes: number, ms: number) => void,
    ): void;
    on(event: "reqError", listener: (error: Error) => void): void;
  };

  export default function autocannon(options: AutocannonOptions): AutocannonInstance;
}
