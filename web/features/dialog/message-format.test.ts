import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, test } from 'vitest';
import { formatMessage, inlines, linkTarget } from './message-format.ts';
import { MessageBlocks } from './MessageText.tsx';

const html = (text: string) => renderToStaticMarkup(createElement(MessageBlocks, { blocks: formatMessage(text), newTab: '(new tab)' }));

describe('blocks', () => {
  test('a blank line starts a new paragraph; a single line break stays a break', () => {
    expect(formatMessage('Hei\nNAV\n\nHilsen Kari')).toEqual([
      { kind: 'paragraph', lines: [[{ kind: 'text', text: 'Hei' }], [{ kind: 'text', text: 'NAV' }]] },
      { kind: 'paragraph', lines: [[{ kind: 'text', text: 'Hilsen Kari' }]] },
    ]);
    expect(html('Hei\nNAV\n\n\n  \nHilsen')).toBe('<div class="dialog-message__text"><p class="dialog-message__paragraph">Hei<br/>NAV</p><p class="dialog-message__paragraph">Hilsen</p></div>');
  });

  test('Windows and old Mac line ends read the same', () => {
    expect(formatMessage('a\r\nb\r\rc')).toEqual(formatMessage('a\nb\n\nc'));
  });

  test('lines starting with "- " or "* " are a bullet list; "1. " a numbered list keeping its first number', () => {
    expect(html('Ta med:\n- CV\n* vitnemål\n\n3. møt opp\n4. ring')).toBe(
      '<div class="dialog-message__text"><p class="dialog-message__paragraph">Ta med:</p><ul class="dialog-message__list"><li>CV</li><li>vitnemål</li></ul>' +
        '<ol class="dialog-message__list" start="3"><li>møt opp</li><li>ring</li></ol></div>',
    );
  });

  test('a dash without a space, or a number without one, is ordinary text', () => {
    expect(formatMessage('-ikke liste\n2.5 timer')).toEqual([{ kind: 'paragraph', lines: [[{ kind: 'text', text: '-ikke liste' }], [{ kind: 'text', text: '2.5 timer' }]] }]);
  });

  test('a bullet list right after a numbered one is a list of its own', () => {
    const blocks = formatMessage('1. a\n- b');
    expect(blocks.map((b) => b.kind)).toEqual(['numbered', 'bullets']);
  });

  test('an empty message has no blocks', () => {
    expect(formatMessage('')).toEqual([]);
    expect(formatMessage(' \n\n ')).toEqual([]);
  });
});

describe('links', () => {
  test('an https address becomes a link that opens in a new tab without handing over the page', () => {
    expect(html('Se https://www.nav.no/arbeid.')).toBe(
      '<div class="dialog-message__text"><p class="dialog-message__paragraph">Se <a href="https://www.nav.no/arbeid" target="_blank" rel="noopener noreferrer" class="aksel-link dialog-message__link">https://www.nav.no/arbeid<span class="aksel-sr-only">(new tab)</span></a>.</p></div>',
    );
  });

  test('sentence punctuation and an unopened bracket after an address are not part of it', () => {
    expect(inlines('(se http://example.test/a_(b)), ok')).toEqual([
      { kind: 'text', text: '(se ' },
      { kind: 'link', text: 'http://example.test/a_(b)', href: 'http://example.test/a_(b)' },
      { kind: 'text', text: '), ok' },
    ]);
    expect(inlines('«https://nav.no/x?y=1»!')).toEqual([
      { kind: 'text', text: '«' },
      { kind: 'link', text: 'https://nav.no/x?y=1', href: 'https://nav.no/x?y=1' },
      { kind: 'text', text: '»!' },
    ]);
  });

  test('only http and https: javascript:, data: and markdown links stay text', () => {
    for (const text of ['javascript:alert(1)', 'data:text/html,<script>alert(1)</script>', '[x](javascript:alert(1))', 'JaVaScRiPt:alert(1)', 'https://', 'http:///x']) {
      expect(inlines(text).every((part) => part.kind === 'text'), text).toBe(true);
    }
    // A markdown link to a real address: the address is linked, the brackets stay text.
    expect(inlines('[x](https://nav.no)')).toEqual([
      { kind: 'text', text: '[x](' },
      { kind: 'link', text: 'https://nav.no', href: 'https://nav.no/' },
      { kind: 'text', text: ')' },
    ]);
  });

  test('an address cannot smuggle quotes or angle brackets into the href', () => {
    const out = inlines('https://x.test/"onmouseover="alert(1) and https://y.test/<script>');
    const links = out.filter((p) => p.kind === 'link');
    expect(links.map((l) => l.href)).toEqual(['https://x.test/', 'https://y.test/']);
  });

  test('linkTarget refuses everything but http(s) with a host', () => {
    expect(linkTarget('https://nav.no')).toBe('https://nav.no/');
    expect(linkTarget('ftp://nav.no')).toBeNull();
    expect(linkTarget('javascript:alert(1)')).toBeNull();
    expect(linkTarget('not a url')).toBeNull();
  });
});

describe('hostile text is shown as text', () => {
  test.each([
    '<script>window.__pwned=1</script>',
    '<img src=x onerror="window.__pwned=1">',
    '<a href="javascript:alert(1)">klikk</a>',
    '[x](javascript:alert(1))',
    '<svg onload=alert(1)>',
    '&lt;b&gt; &amp;',
  ])('%s', (text) => {
    const markup = html(text);
    // The only elements are the formatter's own.
    const tags = [...markup.matchAll(/<([a-z]+)[\s/>]/g)].map((m) => m[1]);
    expect(new Set(tags)).toEqual(new Set(['div', 'p']));
    expect(markup).not.toMatch(/<(script|img|svg|a)[\s>]/);
    // And the text reads exactly as typed once the page decodes the escapes.
    const decoded = markup
      .replace(/<[^>]+>/g, '')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&#x27;/g, "'")
      .replace(/&amp;/g, '&');
    expect(decoded).toBe(text);
  });
});
