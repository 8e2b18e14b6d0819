import { describe, expect, it } from 'vitest';
import { safeReturnTo } from './auth.routes.ts';

describe('safeReturnTo', () => {
  const site = 'https://aktivitetsplan.example';

  it('keeps a path on this site, with its query and fragment', () => {
    expect(safeReturnTo('/plan/activity?tab=history#top', site)).toBe('/plan/activity?tab=history#top');
  });

  it.each([
    ['missing', undefined],
    ['absolute URL', 'https://evil.example/'],
    ['protocol-relative', '//evil.example/x'],
    ['backslash trick', '/\\evil.example'],
    ['control character', '/\tevil'],
    ['javascript scheme', 'javascript:alert(1)'],
    ['relative without slash', 'plan'],
  ])('turns %s into /', (_name, value) => {
    expect(safeReturnTo(value, site)).toBe('/');
  });
});
