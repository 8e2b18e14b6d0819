import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, test } from 'vitest';

/**
 * The catalogues are the only source of text (common brief, issue 3):
 * - nn and en have exactly the keys nb has, every value a non-empty string, the same {{placeholders}};
 * - a nn or en text identical to the bokmål one is a deliberate copy, listed in
 *   web/i18n/identical-allowed/<ns>.json as { "nn": [keys], "en": [keys] }; a listed key that is
 *   gone or no longer identical fails too, so the list stays reviewed;
 * - the same for the `domain` namespace (common/i18n/locales/<lang>.json, allowlist domain.json);
 * - every literal key in the web code (`t('ns:key'`, `i18nKey="ns:key"`) exists in bokmål;
 * - no .tsx file shows text of its own (JSX text, or a literal in a prop a person reads).
 */
const ROOT = path.resolve(import.meta.dirname, '..', '..');
const PAGES = path.join(ROOT, 'web/i18n/locales');
const DOMAIN = path.join(ROOT, 'common/i18n/locales');
const ALLOWED = path.join(ROOT, 'web/i18n/identical-allowed');
const OTHERS = ['nn', 'en'] as const;
type Other = (typeof OTHERS)[number];
type Flat = Map<string, unknown>;

const readJson = (file: string): unknown => JSON.parse(readFileSync(file, 'utf8'));

/** Dotted key → value; objects are walked, anything else is a leaf (checked to be a string later). */
function flatten(node: unknown, prefix = '', into: Flat = new Map()): Flat {
  if (typeof node === 'object' && node !== null && !Array.isArray(node)) {
    for (const [key, value] of Object.entries(node)) {
      flatten(value, prefix ? `${prefix}.${key}` : key, into);
    }
  } else {
    into.set(prefix, node);
  }
  return into;
}

const placeholders = (value: unknown): string[] =>
  typeof value === 'string' ? [...new Set([...value.matchAll(/\{\{\s*([\w.]+)\s*(?:,[^}]*)?\}\}/g)].map((m) => m[1]!))].sort() : [];

interface Namespace {
  name: string;
  files: Record<'nb' | Other, string>;
}

const pageNamespaces: Namespace[] = readdirSync(path.join(PAGES, 'nb'))
  .filter((f) => f.endsWith('.json'))
  .map((f) => f.replace(/\.json$/, ''))
  .sort()
  .map((name) => ({ name, files: { nb: path.join(PAGES, 'nb', `${name}.json`), nn: path.join(PAGES, 'nn', `${name}.json`), en: path.join(PAGES, 'en', `${name}.json`) } }));
const domainNamespace: Namespace = {
  name: 'domain',
  files: { nb: path.join(DOMAIN, 'nb.json'), nn: path.join(DOMAIN, 'nn.json'), en: path.join(DOMAIN, 'en.json') },
};
const namespaces = [...pageNamespaces, domainNamespace];

function load(ns: Namespace, language: 'nb' | Other): Flat {
  const file = ns.files[language];
  if (!existsSync(file)) {
    throw new Error(`${path.relative(ROOT, file)} is missing: every namespace needs nb, nn and en`);
  }
  return flatten(readJson(file));
}

function allowlist(ns: string): Record<Other, string[]> {
  const file = path.join(ALLOWED, `${ns}.json`);
  if (!existsSync(file)) {
    return { nn: [], en: [] };
  }
  const parsed = readJson(file) as Partial<Record<Other, unknown>>;
  const list = (language: Other): string[] => {
    const value = parsed[language] ?? [];
    if (!Array.isArray(value) || value.some((v) => typeof v !== 'string')) {
      throw new Error(`${path.relative(ROOT, file)}: "${language}" must be a list of keys`);
    }
    return value as string[];
  };
  const unknown = Object.keys(parsed).filter((k) => !(OTHERS as readonly string[]).includes(k));
  if (unknown.length > 0) {
    throw new Error(`${path.relative(ROOT, file)}: only "nn" and "en" are allowed, not ${unknown.join(', ')}`);
  }
  return { nn: list('nn'), en: list('en') };
}

describe.each(namespaces)('catalogue $name', (ns) => {
  const nb = load(ns, 'nb');

  test.each(OTHERS)('%s has exactly the keys of nb', (language) => {
    const other = load(ns, language);
    const missing = [...nb.keys()].filter((k) => !other.has(k));
    const extra = [...other.keys()].filter((k) => !nb.has(k));
    expect({ missing, extra }, `${ns.name}/${language}: keys missing (in nb, not ${language}) and extra (in ${language}, not nb)`).toEqual({ missing: [], extra: [] });
  });

  test('every text is a non-empty string', () => {
    const bad = (['nb', ...OTHERS] as const).flatMap((language) =>
      [...load(ns, language)].filter(([, v]) => typeof v !== 'string' || v.trim() === '').map(([k, v]) => `${language}:${k} = ${JSON.stringify(v)}`),
    );
    expect(bad, `${ns.name}: texts that are not non-empty strings`).toEqual([]);
  });

  test.each(OTHERS)('%s has the same {{placeholders}} as nb', (language) => {
    const other = load(ns, language);
    const differ = [...nb]
      .filter(([k]) => other.has(k))
      .filter(([k, v]) => placeholders(v).join(',') !== placeholders(other.get(k)).join(','))
      .map(([k, v]) => `${k}: nb {${placeholders(v).join(', ')}} ≠ ${language} {${placeholders(other.get(k)).join(', ')}}`);
    expect(differ, `${ns.name}/${language}: placeholders differ`).toEqual([]);
  });

  test.each(OTHERS)(`%s copies nb only where web/i18n/identical-allowed/${ns.name}.json says so`, (language) => {
    const other = load(ns, language);
    const allowed = new Set(allowlist(ns.name)[language]);
    const identical = [...nb].filter(([k, v]) => typeof v === 'string' && other.get(k) === v).map(([k]) => k);
    const unlisted = identical.filter((k) => !allowed.has(k)).map((k) => `${k} = ${JSON.stringify(nb.get(k))}`);
    const stale = [...allowed].filter((k) => !identical.includes(k)).map((k) => (nb.has(k) ? `${k} (no longer identical)` : `${k} (no such key)`));
    expect(
      { unlisted, stale },
      `${ns.name}/${language}: "unlisted" are identical to bokmål but not in the allowlist (translate them, or list them if the copy is right); "stale" are listed but not identical`,
    ).toEqual({ unlisted: [], stale: [] });
  });
});

test('every allowlist belongs to a namespace', () => {
  const known = new Set(namespaces.map((ns) => ns.name));
  const orphans = existsSync(ALLOWED) ? readdirSync(ALLOWED).filter((f) => !f.endsWith('.json') || !known.has(f.replace(/\.json$/, ''))) : [];
  expect(orphans, 'files in web/i18n/identical-allowed/ without a namespace of that name').toEqual([]);
});

// --- The web code ---------------------------------------------------------------------------

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      return sourceFiles(full);
    }
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts') ? [full] : [];
  });
}
const webFiles = sourceFiles(path.join(ROOT, 'web'));
const rel = (file: string) => path.relative(ROOT, file);

function keyExists(flat: Flat, key: string): boolean {
  // A key used with { count } may exist only in its plural forms (key_one, key_other).
  return flat.has(key) || [...flat.keys()].some((k) => k.startsWith(`${key}_`) && /_(zero|one|two|few|many|other)$/.test(k));
}

/** The string a node holds when it is a literal without substitutions ('…', "…", `…`). */
function literalText(node: ts.Node | undefined): string | null {
  if (node && (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node))) {
    return node.text;
  }
  if (node && ts.isJsxExpression(node)) {
    return literalText(node.expression);
  }
  return null;
}

function parse(file: string): ts.SourceFile {
  return ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true, file.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
}

function lineOf(source: ts.SourceFile, node: ts.Node): string {
  return `${rel(source.fileName)}:${source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1}`;
}

test('every literal key in the web code exists in bokmål', () => {
  const catalogues = new Map(namespaces.map((ns) => [ns.name, load(ns, 'nb')]));
  const problems: string[] = [];
  const check = (source: ts.SourceFile, node: ts.Node, key: string) => {
    const where = lineOf(source, node);
    const colon = key.indexOf(':');
    if (colon < 0) {
      problems.push(`${where}: "${key}" has no namespace (write t('ns:${key}'))`);
      return;
    }
    const [ns, name] = [key.slice(0, colon), key.slice(colon + 1)];
    const flat = catalogues.get(ns);
    if (!flat) {
      problems.push(`${where}: "${key}": there is no namespace ${ns}`);
    } else if (!keyExists(flat, name)) {
      problems.push(`${where}: "${key}" is not in the bokmål catalogue`);
    }
  };
  for (const file of webFiles) {
    const source = parse(file);
    const visit = (node: ts.Node): void => {
      // t('ns:key', …) and i18n.t('ns:key', …); keys built at run time (`ns:${x}`) are not checked here.
      if (ts.isCallExpression(node)) {
        const callee = node.expression;
        const named = ts.isIdentifier(callee) ? callee.text : ts.isPropertyAccessExpression(callee) ? callee.name.text : '';
        const key = named === 't' ? literalText(node.arguments[0]) : null;
        if (key !== null) {
          check(source, node, key);
        }
      } else if (ts.isJsxAttribute(node) && node.name.getText(source) === 'i18nKey') {
        const key = literalText(node.initializer);
        if (key !== null) {
          check(source, node, key);
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  expect(problems).toEqual([]);
});

/** Props whose string literal a person reads (or hears from a screen reader). */
const TEXT_PROPS = new Set([
  'label',
  'title',
  'description',
  'placeholder',
  'aria-label',
  'aria-valuetext',
  'alt',
  'legend',
  'heading',
  'header',
  'helpText',
  'error',
  'loadingText',
  'closeButtonLabel',
  'content',
  'children',
]);
const LETTERS = /[A-Za-zÆØÅæøåÉéÜü]{2,}/;

test('no .tsx file shows text of its own: it all comes from the catalogues', () => {
  const problems: string[] = [];
  for (const file of webFiles.filter((f) => f.endsWith('.tsx'))) {
    const source = parse(file);
    const visit = (node: ts.Node): void => {
      if (ts.isJsxText(node)) {
        // HTML entities (&nbsp;) are not words.
        const text = node.text.replace(/&[a-z]+;/g, ' ').trim();
        if (LETTERS.test(text)) {
          problems.push(`${lineOf(source, node)}: text between tags: ${JSON.stringify(text)}`);
        }
      } else if (ts.isJsxAttribute(node) && TEXT_PROPS.has(node.name.getText(source))) {
        const text = literalText(node.initializer);
        if (text !== null && LETTERS.test(text)) {
          problems.push(`${lineOf(source, node)}: ${node.name.getText(source)}=${JSON.stringify(text)}`);
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  expect(problems, 'untranslated text in the web code: put it in a catalogue and use t()').toEqual([]);
});
