import type { Cost } from './observe.ts';
import type { Saturation, Stats } from './load.ts';
import type { StreamResult } from './streams.ts';

/** The printed table and the JSON shape of a run. */
export type Measured<T> = T & { cost: Cost };

export interface ModeResults {
  planSteady?: Measured<Stats>;
  planSaturation?: Measured<Saturation>;
  rawSaturation?: Measured<Saturation>;
  rawUnnamedSaturation?: Measured<Saturation>;
  bareSaturation?: Measured<Saturation>;
  createSteady?: Measured<Stats>;
  createSaturation?: Measured<Saturation>;
  statusSteady?: Measured<Stats>;
  statusSaturation?: Measured<Saturation>;
  threadListSteady?: Measured<Stats>;
  messageSteady?: Measured<Stats>;
  messageSaturation?: Measured<Saturation>;
  streamDelivery?: Measured<StreamResult>;
  /** The workspace list of the 5,000-person office at 20/s, per filter ('NONE': no filter). */
  workspaceSteady?: Record<string, Measured<Stats>>;
  advisorPlanSteady?: Measured<Stats>;
  advisorPlanSaturation?: Measured<Saturation>;
  /** Advisor plan reads answered 200 in those phases, and the audit records they added. */
  advisorPlanAudit?: { reads: number; records: number };
}

export const TARGETS = {
  planP99Ms: 5,
  planReadsPerSecond: 2000,
  apiRawRatio: 0.6,
  writeP99Ms: 10,
  writesPerSecond: 1000,
  threadListP99Ms: 10,
  messageP99Ms: 10,
  streamArrivalP99Ms: 100,
  workspaceP99Ms: 50,
  advisorPlanP99Ms: 10,
  advisorPlanReadsPerSecond: 1000,
};

const n = (x: number | undefined, digits = 0) =>
  x === undefined || Number.isNaN(x) ? '—' : x.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
const ok = (pass: boolean | undefined) => (pass === undefined ? '' : pass ? 'met' : 'MISSED');
const best = (s?: Saturation) => s?.best ?? undefined;
const sat = (s?: Saturation) => (best(s) ? `${n(best(s)!.throughput)}/s (c=${best(s)!.concurrency}, p99 ${n(best(s)!.p99, 1)} ms)` : 'no clean step');

export function ratio(results: ModeResults): number | undefined {
  const api = best(results.planSaturation)?.throughput;
  const raw = best(results.rawSaturation)?.throughput;
  return api && raw ? Math.round((api / raw) * 100) / 100 : undefined;
}

function table(rows: string[][]): string {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  const line = (r: string[]) => `| ${r.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
  return [line(rows[0]!), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...rows.slice(1).map(line)].join('\n');
}

export function headline(r: ModeResults): string {
  const steady = (s: Stats | undefined, rate: number) =>
    s ? `p50 ${n(s.p50, 2)} ms, p99 ${n(s.p99, 2)} ms at ${rate}/s${s.errors ? ` (${s.errors} errors)` : ''}` : '—';
  const k = ratio(r);
  return table([
    ['Measure', 'Result', 'Target', ''],
    ['Plan read GET /api/persons/:id/plan', steady(r.planSteady, 200), `p99 ≤ ${TARGETS.planP99Ms} ms`, ok(r.planSteady && r.planSteady.errors === 0 && r.planSteady.p99 <= TARGETS.planP99Ms)],
    ['Plan read, saturation', sat(r.planSaturation), `≥ ${n(TARGETS.planReadsPerSecond)}/s`, ok(best(r.planSaturation) && best(r.planSaturation)!.throughput >= TARGETS.planReadsPerSecond)],
    ['Same statement raw (pg, pool 10, prepared as the app does)', sat(r.rawSaturation), '', ''],
    ['API / raw', n(k, 2), `≥ ${TARGETS.apiRawRatio}`, ok(k === undefined ? undefined : k >= TARGETS.apiRawRatio)],
    ['(for comparison) raw unnamed, planned every time', sat(r.rawUnnamedSaturation), '', ''],
    [
      '(for comparison) bare Fastify route + pg, same statement; bare / raw',
      `${sat(r.bareSaturation)}${best(r.bareSaturation) && best(r.rawSaturation) ? `; ${n(best(r.bareSaturation)!.throughput / best(r.rawSaturation)!.throughput, 2)}` : ''}`,
      '',
      '',
    ],
    ['Create JOB_APPLICATION (citizen)', steady(r.createSteady, 100), `p99 ≤ ${TARGETS.writeP99Ms} ms`, ok(r.createSteady && r.createSteady.errors === 0 && r.createSteady.p99 <= TARGETS.writeP99Ms)],
    ['Create, saturation', sat(r.createSaturation), `≥ ${n(TARGETS.writesPerSecond)}/s`, ok(best(r.createSaturation) && best(r.createSaturation)!.throughput >= TARGETS.writesPerSecond)],
    ['Status change PUT …/status', steady(r.statusSteady, 100), `p99 ≤ ${TARGETS.writeP99Ms} ms`, ok(r.statusSteady && r.statusSteady.errors === 0 && r.statusSteady.p99 <= TARGETS.writeP99Ms)],
    ['Status change, saturation', sat(r.statusSaturation), `≥ ${n(TARGETS.writesPerSecond)}/s`, ok(best(r.statusSaturation) && best(r.statusSaturation)!.throughput >= TARGETS.writesPerSecond)],
    ['Thread list, person with 203 messages', steady(r.threadListSteady, 200), `p99 ≤ ${TARGETS.threadListP99Ms} ms`, ok(r.threadListSteady && r.threadListSteady.errors === 0 && r.threadListSteady.p99 <= TARGETS.threadListP99Ms)],
    ['Message send (citizen) POST …/messages', steady(r.messageSteady, 50), `p99 ≤ ${TARGETS.messageP99Ms} ms`, ok(r.messageSteady && r.messageSteady.errors === 0 && r.messageSteady.p99 <= TARGETS.messageP99Ms)],
    ['Message send, saturation', sat(r.messageSaturation), '', ''],
    [`Send → arrival on the other party's stream (${r.streamDelivery?.streams ?? '—'} open streams)`, r.streamDelivery ? `p50 ${n(r.streamDelivery.p50, 2)} ms, p99 ${n(r.streamDelivery.p99, 2)} ms at 50/s, ${r.streamDelivery.lost} lost; the send itself p99 ${n(r.streamDelivery.send.p99, 2)} ms` : '—', `p99 ≤ ${TARGETS.streamArrivalP99Ms} ms`, ok(r.streamDelivery && r.streamDelivery.lost === 0 && r.streamDelivery.send.errors === 0 && r.streamDelivery.p99 <= TARGETS.streamArrivalP99Ms)],
  ]);
}

/** The measured phases of a mode, a record of them (the workspace's filters) flattened to one row each. */
function phases(r: ModeResults): [string, Measured<Stats | Saturation>][] {
  const isMeasured = (m: unknown): m is Measured<Stats | Saturation> => typeof m === 'object' && m !== null && 'cost' in m;
  return Object.entries(r).flatMap(([name, m]): [string, Measured<Stats | Saturation>][] => {
    if (isMeasured(m)) {
      return [[name, m]];
    }
    const nested = typeof m === 'object' && m !== null ? Object.entries(m as Record<string, unknown>) : [];
    return nested.length > 0 && nested.every(([, v]) => isMeasured(v)) ? nested.map(([k, v]) => [`${name} ${k}`, v as Measured<Stats>]) : [];
  });
}

export function costs(r: ModeResults): string {
  const rows = [['Phase', 'CPU cores app/db/gen/regs/other', 'CPU ms per request app/db/gen', 'DB xacts/req', 'buffer hits/reads per req', 'app GC ms/s, major, pauses ≥10/≥20 ms', 'generator GC pauses ≥10 ms (longest)']];
  for (const [name, m] of phases(r)) {
    const c = m.cost;
    rows.push([
      name,
      `${n(c.cores.app, 2)} / ${n(c.cores.db, 2)} / ${n(c.cores.bench, 2)} / ${n(c.cores.registers, 2)} / ${n(Math.max(0, c.cores.machine - c.cores.app - c.cores.db - c.cores.bench - c.cores.registers), 2)}`,
      `${n(c.cpuMsPerRequest.app, 3)} / ${n(c.cpuMsPerRequest.db, 3)} / ${n(c.cpuMsPerRequest.bench, 3)}`,
      n(c.perRequest.xacts, 2),
      `${n(c.perRequest.blksHit, 1)} / ${n(c.perRequest.blksRead, 2)}`,
      c.gc ? `${n(c.gc.msPerSecond, 1)}, ${c.gc.major}, ${c.gc.atLeast10ms} / ${c.gc.atLeast20ms}` : '—',
      c.generatorGc ? `${c.generatorGc.atLeast10ms}${c.generatorGc.atLeast10ms ? ` (${n(c.generatorGc.maxMs, 1)} ms)` : ''}` : '—',
    ]);
  }
  return table(rows);
}

/** The advisor's phases (issue 5): the workspace list per filter, and the audited plan read. */
export function advisorTable(r: ModeResults): string {
  const rows = [['Measure', 'Result', 'Target', '']];
  for (const [variant, s] of Object.entries(r.workspaceSteady ?? {})) {
    rows.push([
      `Workspace list, office of 5,000, ${variant === 'NONE' ? 'no filter' : variant}`,
      `p50 ${n(s.p50, 2)} ms, p99 ${n(s.p99, 2)} ms at 20/s${s.errors ? ` (${s.errors} errors)` : ''}`,
      `p99 ≤ ${TARGETS.workspaceP99Ms} ms`,
      ok(s.errors === 0 && s.p99 <= TARGETS.workspaceP99Ms),
    ]);
  }
  const p = r.advisorPlanSteady;
  rows.push([
    'Advisor plan read (access check, audit record committed)',
    p ? `p50 ${n(p.p50, 2)} ms, p99 ${n(p.p99, 2)} ms at 200/s${p.errors ? ` (${p.errors} errors)` : ''}` : '—',
    `p99 ≤ ${TARGETS.advisorPlanP99Ms} ms`,
    ok(p && p.errors === 0 && p.p99 <= TARGETS.advisorPlanP99Ms),
  ]);
  rows.push(['Advisor plan read, saturation', sat(r.advisorPlanSaturation), `≥ ${n(TARGETS.advisorPlanReadsPerSecond)}/s`, ok(best(r.advisorPlanSaturation) && best(r.advisorPlanSaturation)!.throughput >= TARGETS.advisorPlanReadsPerSecond)]);
  const a = r.advisorPlanAudit;
  rows.push(['Audit records added by those reads', a ? `${n(a.records)} for ${n(a.reads)} answered reads` : '—', 'one per read', ok(a && a.records === a.reads)]);
  return table(rows);
}

export function steps(name: string, s: Saturation | undefined): string {
  if (!s) {
    return '';
  }
  const rows = [['concurrency', `${name} /s`, 'p50 ms', 'p99 ms', 'errors']];
  for (const step of s.steps) {
    rows.push([String(step.concurrency), n(step.throughput), n(step.p50, 2), n(step.p99, 2), step.errors ? `${step.errors} ${step.errorSamples[0] ?? ''}`.slice(0, 80) : '0']);
  }
  return table(rows);
}

export function comparison(production: ModeResults, development: ModeResults): string {
  const rows = [['Measure', 'NODE_ENV=production', 'NODE_ENV=development (zod-validated responses)', 'difference']];
  const add = (label: string, a: number | undefined, b: number | undefined, unit: string) => {
    const diff = a !== undefined && b !== undefined ? `${b >= a ? '+' : ''}${n(((b - a) / a) * 100, 0)} %` : '—';
    rows.push([label, `${n(a, unit === '/s' ? 0 : 2)} ${unit}`, `${n(b, unit === '/s' ? 0 : 2)} ${unit}`, diff]);
  };
  add('plan read p50 at 200/s', production.planSteady?.p50, development.planSteady?.p50, 'ms');
  add('plan read p99 at 200/s', production.planSteady?.p99, development.planSteady?.p99, 'ms');
  add('plan read app CPU per request', production.planSteady?.cost.cpuMsPerRequest.app, development.planSteady?.cost.cpuMsPerRequest.app, 'ms');
  add('plan read saturation', best(production.planSaturation)?.throughput, best(development.planSaturation)?.throughput, '/s');
  add('create p99 at 100/s', production.createSteady?.p99, development.createSteady?.p99, 'ms');
  add('status change p99 at 100/s', production.statusSteady?.p99, development.statusSteady?.p99, 'ms');
  return table(rows);
}
