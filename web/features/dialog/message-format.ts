/**
 * Messages are plain text. This reads the few conventions people type anyway — blank lines between
 * paragraphs, line breaks, "- " or "* " for bullets, "1. " for numbered items, and web addresses —
 * into a small tree that MessageText renders with React elements only. Nothing in the text is ever
 * read as markup: "<script>" stays the eight characters it is, and only an http(s) address becomes
 * a link (never javascript:, data: or the like, whatever the text around it pretends).
 */
export type Inline = { kind: 'text'; text: string } | { kind: 'link'; text: string; href: string };
export type Line = Inline[];
export type Block =
  | { kind: 'paragraph'; lines: Line[] }
  | { kind: 'bullets'; items: Line[] }
  | { kind: 'numbered'; start: number; items: Line[] };

const BULLET = /^\s*[-*]\s+(.*)$/;
const NUMBERED = /^\s*(\d{1,9})[.)]\s+(.*)$/;
/** An address starts at http:// or https:// and a letter or digit, and runs to the next space or a character that cannot be in one. */
const URL_START = /https?:\/\/[\p{L}\p{N}][^\s<>"'`{}|\\^]*/giu;
/** Punctuation that ends a sentence more often than it ends an address. */
const TRAILING = /[.,;:!?'"»”’]+$/;

/** The http(s) address the matched text names, or null when it is not one a browser should open. */
export function linkTarget(candidate: string): string | null {
  try {
    const url = new URL(candidate);
    if ((url.protocol !== 'http:' && url.protocol !== 'https:') || url.hostname === '') {
      return null;
    }
    return url.href;
  } catch {
    return null;
  }
}

/** Cuts what a sentence adds after an address: final punctuation, and a closing bracket it did not open. */
function trimAddress(raw: string): string {
  let text = raw;
  for (;;) {
    const before = text;
    text = text.replace(TRAILING, '');
    for (const [open, close] of [['(', ')'], ['[', ']']] as const) {
      if (text.endsWith(close) && count(text, close) > count(text, open)) {
        text = text.slice(0, -1);
      }
    }
    if (text === before) {
      return text;
    }
  }
}

const count = (text: string, char: string) => text.split(char).length - 1;

/** One line's text as plain runs and links. */
export function inlines(text: string): Line {
  const out: Line = [];
  let at = 0;
  const push = (value: string) => {
    if (value === '') {
      return;
    }
    const last = out[out.length - 1];
    if (last?.kind === 'text') {
      last.text += value;
    } else {
      out.push({ kind: 'text', text: value });
    }
  };
  for (const match of text.matchAll(URL_START)) {
    const start = match.index;
    const address = trimAddress(match[0]);
    const href = linkTarget(address);
    if (href === null) {
      continue;
    }
    push(text.slice(at, start));
    out.push({ kind: 'link', text: address, href });
    at = start + address.length;
  }
  push(text.slice(at));
  return out;
}

type LineKind = { kind: 'text'; text: string } | { kind: 'bullet'; text: string } | { kind: 'numbered'; n: number; text: string };

function classify(line: string): LineKind {
  const bullet = BULLET.exec(line);
  if (bullet) {
    return { kind: 'bullet', text: bullet[1] ?? '' };
  }
  const numbered = NUMBERED.exec(line);
  if (numbered) {
    return { kind: 'numbered', n: Number(numbered[1]), text: numbered[2] ?? '' };
  }
  return { kind: 'text', text: line };
}

/** The message as blocks: paragraphs (lines kept), bullet lists and numbered lists. */
export function formatMessage(text: string): Block[] {
  const blocks: Block[] = [];
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  let current: Block | null = null;
  const close = () => {
    if (current) {
      blocks.push(current);
      current = null;
    }
  };
  for (const raw of lines) {
    if (raw.trim() === '') {
      close();
      continue;
    }
    const line = classify(raw);
    const open = current as Block | null;
    if (line.kind === 'bullet') {
      if (open?.kind !== 'bullets') {
        close();
        current = { kind: 'bullets', items: [] };
      }
      (current as Block & { kind: 'bullets' }).items.push(inlines(line.text));
    } else if (line.kind === 'numbered') {
      if (open?.kind !== 'numbered') {
        close();
        current = { kind: 'numbered', start: line.n, items: [] };
      }
      (current as Block & { kind: 'numbered' }).items.push(inlines(line.text));
    } else {
      if (open?.kind !== 'paragraph') {
        close();
        current = { kind: 'paragraph', lines: [] };
      }
      (current as Block & { kind: 'paragraph' }).lines.push(inlines(line.text.trimEnd()));
    }
  }
  close();
  return blocks;
}
