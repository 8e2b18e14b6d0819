import fc from 'fast-check';
import { idnr } from '@navikt/fnrvalidator';
import { isCalendarDate } from '#common/time.ts';

/**
 * Generators of hostile requests, derived from a route's OpenAPI request schema and one request
 * the route accepts: each case breaks exactly one thing (a field, the JSON, the size, the content
 * type, a path id) and says which answer that deserves. A field added to a schema gets hostile
 * values without anyone writing them.
 */
export interface JsonSchema {
  type?: string;
  enum?: unknown[];
  nullable?: boolean;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  format?: string;
  pattern?: string;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  oneOf?: JsonSchema[];
  anyOf?: JsonSchema[];
  default?: unknown;
}

export interface HostileCase {
  label: string;
  /** Path parameters to use instead of the real ones. */
  params?: Record<string, string>;
  /** The exact bytes sent; undefined sends no body at all. */
  body?: string;
  contentType?: string;
  expect: { status: number; field?: string };
}

type Path = string[];

const fieldOf = (path: Path) => ['body', ...path].join('.');

function getAt(root: unknown, path: Path): unknown {
  return path.reduce<unknown>((value, key) => (value as Record<string, unknown> | undefined)?.[key], root);
}

function setAt(root: unknown, path: Path, value: unknown): unknown {
  if (path.length === 0) {
    return value;
  }
  const copy = structuredClone(root) as Record<string, unknown>;
  const parent = getAt(copy, path.slice(0, -1)) as Record<string, unknown>;
  parent[path[path.length - 1]!] = value;
  return copy;
}

function removeAt(root: unknown, path: Path): unknown {
  const copy = structuredClone(root) as Record<string, unknown>;
  const parent = getAt(copy, path.slice(0, -1)) as Record<string, unknown>;
  delete parent[path[path.length - 1]!];
  return copy;
}

const invalid = (label: string, body: unknown, path: Path, raw?: string): HostileCase => ({
  label,
  body: raw ?? JSON.stringify(body),
  contentType: 'application/json',
  expect: { status: 400, field: fieldOf(path) },
});

/** The branch of a oneOf that this value takes; its discriminator widened to every branch's values. */
export function branchFor(schema: JsonSchema, value: unknown): { branch: JsonSchema; otherKeys: string[] } {
  const branches = schema.oneOf ?? schema.anyOf;
  if (!branches) {
    return { branch: schema, otherKeys: [] };
  }
  const record = value as Record<string, unknown>;
  const branch = branches.find((b) =>
    Object.entries(b.properties ?? {}).every(([key, s]) => !(s.enum?.length === 1) || s.enum[0] === record[key]),
  );
  if (!branch) {
    throw new Error(`no branch of the schema takes ${JSON.stringify(value)}`);
  }
  const widened = structuredClone(branch);
  for (const [key, s] of Object.entries(widened.properties ?? {})) {
    if (s.enum?.length === 1) {
      s.enum = [...new Set(branches.flatMap((b) => b.properties?.[key]?.enum ?? []))];
    }
  }
  const otherKeys = [...new Set(branches.flatMap((b) => Object.keys(b.properties ?? {})))];
  return { branch: widened, otherKeys };
}

function acceptsJsonType(schema: JsonSchema, value: unknown): boolean {
  if (value === null) {
    return schema.nullable === true;
  }
  if (Array.isArray(value)) {
    return schema.type === 'array';
  }
  switch (typeof value) {
    case 'string':
      return schema.type === 'string';
    case 'boolean':
      return schema.type === 'boolean';
    case 'number':
      return schema.type === 'number' || (schema.type === 'integer' && Number.isInteger(value));
    default:
      return schema.type === 'object';
  }
}

const WRONG_TYPES: unknown[] = [42, -7.5, 0, true, false, 'text', '', [], ['a'], {}, { value: 1 }, null];

const BAD_DATES = [
  '2026-02-30',
  '2026-02-29',
  '31.12.2026',
  '',
  ' ',
  '2026-13-01',
  '2026-00-10',
  '2026-1-1',
  '20261231',
  '2026/12/31',
  '2026-12-31T00:00:00Z',
  ' 2026-12-31',
  '1899-12-31',
  '+02026-12-31',
  'tomorrow',
  'null',
];

const BAD_DATE_TIMES = [
  '2026-02-30T10:00:00+01:00',
  '2026-12-01T10:00:00',
  '2026-12-01',
  '',
  '01.12.2026 10:00',
  '2026-12-01T24:00:00Z',
  '2026-12-01T10:00:00+25:00',
  '2026-12-01 10:00:00+01:00',
  'now',
];

const EXTRA_KEYS = ['id', 'personId', 'periodId', 'createdAt', 'agreedWithNav', 'version2', 'role', 'isAdmin', 'Title', 'title '];
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** Hostile values for one property at `path` of the accepted body `root`. */
function propertyMutations(root: unknown, path: Path, schema: JsonSchema, key: string, required: boolean, otherKeys: string[]): fc.Arbitrary<HostileCase>[] {
  const at = [...path, key];
  const field = fieldOf(at);
  const current = getAt(root, at);
  const out: fc.Arbitrary<HostileCase>[] = [];
  const set = (label: string) => (value: unknown) => invalid(`${label} ${field}=${JSON.stringify(value)?.slice(0, 60)}`, setAt(root, at, value), at);

  if (required) {
    out.push(fc.constant(invalid(`missing ${field}`, removeAt(root, at), at)));
  }
  out.push(fc.constantFrom(...WRONG_TYPES.filter((v) => !acceptsJsonType(schema, v))).map(set('wrong type')));

  if (schema.type === 'string') {
    const sample = typeof current === 'string' && current.length > 0 ? current : 'text';
    out.push(fc.nat({ max: sample.length }).map((i) => set('NUL in')(`${sample.slice(0, i)}\u0000${sample.slice(i)}`)));
    if (schema.enum) {
      const allowed = schema.enum as string[];
      const near = allowed.flatMap((v) => [v.toLowerCase(), `${v} `, ` ${v}`, `${v}_X`]);
      out.push(
        fc
          .oneof(fc.constantFrom(...near, ''), fc.string({ maxLength: 24 }))
          .filter((v) => !allowed.includes(v))
          .map(set('unknown value')),
      );
    } else if (schema.format === 'date-time') {
      const valid = schema.pattern ? new RegExp(schema.pattern) : /$^/;
      out.push(fc.oneof(fc.constantFrom(...BAD_DATE_TIMES), fc.string({ maxLength: 30 })).filter((v) => !valid.test(v)).map(set('bad date-time')));
    } else if (schema.format === 'date' || /Date$/.test(key)) {
      out.push(fc.oneof(fc.constantFrom(...BAD_DATES), fc.string({ maxLength: 12 })).filter((v) => !isCalendarDate(v)).map(set('bad date')));
    } else if (schema.pattern) {
      const valid = new RegExp(schema.pattern);
      out.push(
        fc
          .oneof(fc.constantFrom('1234567890', '123456789012', 'abcdefghijk', ' 12345678901', '12345 678901', '1234567890\u0661'), fc.string({ maxLength: 15 }))
          .filter((v) => !valid.test(v))
          .map(set('pattern broken')),
      );
      if (key === 'nationalId') {
        // Eleven digits that are no national id: refused by the checksum, past the schema.
        out.push(fc.stringMatching(/^\d{11}$/).filter((v) => idnr(v).status !== 'valid').map(set('bad checksum')));
      }
    }
    if (schema.maxLength !== undefined) {
      const max = schema.maxLength;
      // Non-blank at both ends, so that trimming cannot bring it back under the limit.
      out.push(
        fc
          .integer({ min: 1, max: 40 })
          .chain((extra) => fc.string({ minLength: max + extra - 2, maxLength: max + extra - 2, unit: fc.constantFrom('a', 'b', 'æ', 'ø', 'å', ' ', '-', '1') }))
          .map((s) => set('too long')(`x${s}x`)),
      );
    }
    if ((schema.minLength ?? 0) >= 1) {
      out.push(fc.constantFrom('', ' ', '   ', '\n\t ').map(set('blank')));
    }
  }

  if (schema.type === 'integer') {
    const min = schema.minimum !== undefined && schema.minimum > -1e15 ? schema.minimum : undefined;
    const max = schema.maximum !== undefined && schema.maximum < 1e15 ? schema.maximum : undefined;
    const values: number[] = [(min ?? 0) + 0.5, ...(min !== undefined ? [min - 1] : []), ...(max !== undefined ? [max + 1] : [])];
    out.push(fc.constantFrom(...values).map(set('out of range')));
    // 1e309 is valid JSON that parses to Infinity.
    out.push(
      fc.constantFrom('1e309', '-1e309').map((literal) => {
        const marked = setAt(root, at, '__RAW_NUMBER__');
        return invalid(`number ${field}=${literal}`, marked, at, JSON.stringify(marked).replace('"__RAW_NUMBER__"', literal));
      }),
    );
  }

  if (schema.type === 'object' && current && typeof current === 'object') {
    out.push(...objectMutations(root, at, schema, otherKeys));
  }
  return out;
}

/** Hostile values for every property of the object at `path`, and unknown fields beside them. */
export function objectMutations(root: unknown, path: Path, schema: JsonSchema, otherKeys: string[] = []): fc.Arbitrary<HostileCase>[] {
  const properties = schema.properties ?? {};
  const required = new Set(schema.required ?? []);
  const out = Object.entries(properties).flatMap(([key, s]) => propertyMutations(root, path, s, key, required.has(key), []));
  if (schema.additionalProperties === false) {
    const known = new Set(Object.keys(properties));
    const key = fc
      .oneof(fc.constantFrom(...EXTRA_KEYS, ...otherKeys), fc.stringMatching(/^[A-Za-z][A-Za-z0-9_]{0,15}$/))
      .filter((k) => !known.has(k) && !FORBIDDEN_KEYS.has(k));
    const value = fc.oneof(fc.string({ maxLength: 20 }), fc.integer(), fc.boolean(), fc.constant(null), fc.constant({ nested: true }));
    out.push(
      fc.tuple(key, value).map(([k, v]) => {
        const target = structuredClone(getAt(root, path)) as Record<string, unknown>;
        target[k] = v;
        return invalid(`unknown field ${fieldOf([...path, k])}`, setAt(root, path, target), [...path, k]);
      }),
    );
  }
  return out;
}

/** Hostile bodies for a route with a JSON body schema, starting from one accepted body. */
export function bodyMutations(schema: JsonSchema, accepted: unknown): fc.Arbitrary<HostileCase> {
  const { branch, otherKeys } = branchFor(schema, accepted);
  const whole = fc
    .constantFrom<unknown>([], [accepted], 'text', 42, true, null)
    .map((value) => invalid(`body is ${JSON.stringify(value).slice(0, 40)}`, value, []));
  return fc.oneof(whole, ...objectMutations(accepted, [], branch, otherKeys));
}

const BODY_LIMIT = 100 * 1024;

function formEncoded(value: unknown): string {
  const entries = Object.entries((value ?? {}) as Record<string, unknown>).map(([k, v]) => [k, typeof v === 'object' ? JSON.stringify(v) : String(v)]);
  return new URLSearchParams(entries).toString();
}

function multipart(value: unknown, boundary: string): string {
  const parts = Object.entries((value ?? {}) as Record<string, unknown>).map(
    ([k, v]) => `--${boundary}\r\ncontent-disposition: form-data; name="${k}"\r\n\r\n${typeof v === 'object' ? JSON.stringify(v) : String(v)}\r\n`,
  );
  return `${parts.join('')}--${boundary}--\r\n`;
}

/** Broken transport: malformed JSON, a body over the limit, a content type other than JSON, no body. */
export function transportMutations(accepted: unknown, hasBody: boolean): fc.Arbitrary<HostileCase> {
  const json = JSON.stringify(accepted ?? {});
  const malformed = fc
    .oneof(
      fc.constantFrom(
        '{',
        '}',
        '{"version":',
        "{'version': 1}",
        '{"version": 1,}',
        '{"version": 01}',
        '{version: 1}',
        '[1, 2',
        'undefined',
        'NaN',
        '{"version": NaN}',
        '{"text": "a\u0001b"}',
        '{"__proto__": {"polluted": true}}',
        '{"constructor": {"prototype": {"polluted": true}}}',
        '\u0000',
      ),
      // Every strict prefix of a JSON object is malformed.
      fc.integer({ min: 1, max: Math.max(1, json.length - 1) }).map((n) => json.slice(0, n)),
    )
    .map((body): HostileCase => ({ label: `malformed JSON ${body.slice(0, 40)}`, body, contentType: 'application/json', expect: { status: 400, field: 'body' } }));
  const huge = fc
    .integer({ min: BODY_LIMIT + 1, max: 4 * BODY_LIMIT })
    .map((n): HostileCase => {
      const body = JSON.stringify({ ...((accepted as object | undefined) ?? {}), padding: 'x'.repeat(n) });
      return { label: `huge body of ${body.length} bytes`, body, contentType: 'application/json', expect: { status: 413 } };
    });
  const wrongType = fc
    .constantFrom(
      'text/plain',
      'text/plain; charset=utf-8',
      'application/x-www-form-urlencoded',
      'multipart/form-data',
      'application/xml',
      'text/html',
      'application/octet-stream',
      'application/jsonx',
      'image/png',
    )
    .map((contentType): HostileCase => {
      const boundary = 'hostile-boundary-7MA4YWxkTrZu0gW';
      if (contentType === 'multipart/form-data') {
        return { label: contentType, body: multipart(accepted, boundary), contentType: `${contentType}; boundary=${boundary}`, expect: { status: 415 } };
      }
      const body = contentType === 'application/x-www-form-urlencoded' ? formEncoded(accepted) : json;
      return { label: `content type ${contentType}`, body, contentType, expect: { status: 415 } };
    });
  const cases = [malformed, huge, wrongType];
  if (hasBody) {
    cases.push(
      fc.constantFrom<HostileCase>(
        { label: 'no body, no content type', expect: { status: 400, field: 'body' } },
        { label: 'empty JSON body', body: '', contentType: 'application/json', expect: { status: 400, field: 'body' } },
      ),
    );
  }
  return fc.oneof(...cases);
}

const NOT_IDS = [
  'abc',
  '1',
  '0',
  '-1',
  'null',
  'undefined',
  'true',
  "' OR '1'='1",
  '1; drop table activity',
  '00000000-0000-0000-0000-00000000000g',
  '00000000-0000-0000-0000-000000000001',
  '{id}',
  ':personId',
  '%',
  '../../etc/passwd',
  '<script>alert(1)</script>',
  'ø',
  ' ',
];

/**
 * Path parameters that are not ids (400 naming the parameter), and ids of nothing: 404 for the
 * uuids of things, 403 for an office number that is not the caller's (an office is not hidden).
 */
const PARAM_KINDS: Record<string, { pattern: RegExp; nothing: fc.Arbitrary<string>; status: number }> = {
  officeId: { pattern: /^\d{4}$/, nothing: fc.constantFrom('9998', '1111', '0000'), status: 403 },
};

export function paramMutations(params: Record<string, string>, idPattern: RegExp, accepted: unknown, hasBody: boolean): fc.Arbitrary<HostileCase> | null {
  const names = Object.keys(params);
  if (names.length === 0) {
    return null;
  }
  const body = hasBody ? { body: JSON.stringify(accepted), contentType: 'application/json' } : {};
  const kind = (name: string) => PARAM_KINDS[name] ?? { pattern: idPattern, nothing: fc.uuid({ version: 4 }), status: 404 };
  const notId = (name: string) => {
    const real = params[name]!;
    return fc
      .oneof(
        fc.constantFrom(...NOT_IDS, real.replace(/-/g, ''), `${real}0`, `{${real}}`, ` ${real}`, real.slice(0, -1)),
        fc.string({ minLength: 1, maxLength: 60 }),
      )
      // Not an id, not a path step the URL parser would resolve, and within the router's length limit.
      .filter((v) => !kind(name).pattern.test(v) && v !== '.' && v !== '..' && encodeURIComponent(v).length <= 100);
  };
  return fc.oneof(
    fc.constantFrom(...names).chain((name) =>
      notId(name).map((value): HostileCase => ({
        label: `params.${name}=${JSON.stringify(value)}`,
        params: { ...params, [name]: value },
        ...body,
        expect: { status: 400, field: `params.${name}` },
      })),
    ),
    fc.constantFrom(...names).chain((name) =>
      kind(name).nothing.map((value): HostileCase => ({
        label: `params.${name} of nothing`,
        params: { ...params, [name]: value },
        ...body,
        expect: { status: kind(name).status },
      })),
    ),
  );
}
