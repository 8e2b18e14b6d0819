import { describe, expect, it } from 'vitest';
import { escapeHtml, renderMailbox } from './dev-mailbox.ts';

describe('the development mailbox page', () => {
  const hostile = '<script>alert("x")</script>&\'';

  it('escapes everything it received', () => {
    const html = renderMailbox({
      emails: [{ id: '"><img src=x>', receivedAt: '2026-03-02T07:00:00.000Z', from: hostile, to: hostile, subject: hostile, text: `${hostile}\nhttps://app.example.test/dialog/1?a=1&b="2"` }],
      sms: [{ id: 's1', receivedAt: '2026-03-02T07:01:00.000Z', to: hostile, text: hostile }],
    });
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<img');
    expect(html).toContain(escapeHtml(hostile));
    expect(html).toContain('<a href="https://app.example.test/dialog/1?a=1&amp;b=&quot;2&quot;">');
  });

  it('is a page with a language, a title and one main heading', () => {
    const html = renderMailbox({ emails: [], sms: [] });
    expect(html).toMatch(/^<!doctype html>\n<html lang="en">/);
    expect(html).toContain('<title>Development mailbox – Aktivitetsplan</title>');
    expect(html.match(/<h1>/g)).toHaveLength(1);
    expect(html).toContain('No e-mail yet.');
  });
});
