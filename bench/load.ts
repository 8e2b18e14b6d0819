/**
 * Load models. Open: requests start at a fixed rate whatever the answers do, and latency counts
 * from each request's scheduled start (a slow answer cannot hide the queue behind it). Closed: a
 * fixed number of workers, each sending its next request when the previous one is answered;
 * stepping their number up finds the saturation throughput (the highest with no errors).
 */
export type Operation = () => Promise<string | null>;

export interface Stats {
  requests: number;
  errors: number;
  seconds: number;
  throughput: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
  mean: number;
  errorSamples: string[];
  /** Open model: the slowest answer in each second of the measured window, to show stalls. */
  maxPerSecond?: number[];
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) {
    return NaN;
  }
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

export function summarize(latencies: number[], errors: string[], seconds: number): Stats {
  const sorted = Float64Array.from(latencies).sort();
  const list = Array.from(sorted);
  const round = (x: number) => Math.round(x * 100) / 100;
  return {
    requests: latencies.length + errors.length,
    errors: errors.length,
    seconds: round(seconds),
    throughput: Math.round(latencies.length / seconds),
    p50: round(percentile(list, 50)),
    p90: round(percentile(list, 90)),
    p99: round(percentile(list, 99)),
    max: round(list.at(-1) ?? NaN),
    mean: round(list.reduce((a, b) => a + b, 0) / (list.length || 1)),
    errorSamples: [...new Set(errors)].slice(0, 5),
  };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Operations return null on success, or a short description of what went wrong. */
async function timed(operation: Operation): Promise<string | null> {
  try {
    return await operation();
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

export async function openModel(operation: Operation, options: { rate: number; warmupSeconds: number; seconds: number }): Promise<Stats> {
  const latencies: number[] = [];
  const errors: string[] = [];
  const interval = 1000 / options.rate;
  const start = performance.now() + 5;
  const measureFrom = start + options.warmupSeconds * 1000;
  const end = measureFrom + options.seconds * 1000;
  const inFlight = new Set<Promise<void>>();
  const maxPerSecond = Array.from({ length: Math.ceil(options.seconds) }, () => 0);
  for (let i = 0; ; i++) {
    const scheduled = start + i * interval;
    if (scheduled >= end) {
      break;
    }
    const wait = scheduled - performance.now();
    if (wait > 1) {
      await sleep(wait - 0.5);
    }
    const measured = scheduled >= measureFrom;
    const done: Promise<void> = timed(operation).then((error) => {
      if (measured) {
        if (error) {
          errors.push(error);
        } else {
          const latency = performance.now() - scheduled;
          latencies.push(latency);
          const second = Math.floor((scheduled - measureFrom) / 1000);
          maxPerSecond[second] = Math.max(maxPerSecond[second] ?? 0, Math.round(latency * 10) / 10);
        }
      }
      inFlight.delete(done);
    });
    inFlight.add(done);
  }
  await Promise.all(inFlight);
  return { ...summarize(latencies, errors, options.seconds), maxPerSecond };
}

export async function closedModel(operation: Operation, options: { concurrency: number; warmupSeconds: number; seconds: number }): Promise<Stats> {
  const latencies: number[] = [];
  const errors: string[] = [];
  const measureFrom = performance.now() + options.warmupSeconds * 1000;
  const end = measureFrom + options.seconds * 1000;
  const worker = async () => {
    while (performance.now() < end) {
      const started = performance.now();
      const error = await timed(operation);
      if (started >= measureFrom && started < end) {
        if (error) {
          errors.push(error);
        } else {
          latencies.push(performance.now() - started);
        }
      }
    }
  };
  await Promise.all(Array.from({ length: options.concurrency }, worker));
  return summarize(latencies, errors, options.seconds);
}

export interface SaturationStep extends Stats {
  concurrency: number;
}

export interface Saturation {
  /** The highest throughput of a step without errors. */
  best: SaturationStep | null;
  steps: SaturationStep[];
}

export const CONCURRENCY_STEPS = [1, 2, 4, 8, 16, 32, 64];

export async function saturation(
  operation: Operation,
  options: { warmupSeconds: number; seconds: number; onStep?: (step: SaturationStep) => void },
): Promise<Saturation> {
  const steps: SaturationStep[] = [];
  for (const concurrency of CONCURRENCY_STEPS) {
    const step = { concurrency, ...(await closedModel(operation, { concurrency, ...options })) };
    steps.push(step);
    options.onStep?.(step);
  }
  const clean = steps.filter((s) => s.errors === 0);
  const best = clean.reduce<SaturationStep | null>((a, s) => (!a || s.throughput > a.throughput ? s : a), null);
  return { best, steps };
}
