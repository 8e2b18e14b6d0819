import type { TFunction } from 'i18next';
import { describe, expect, test } from 'vitest';
import { ApiError } from '#web/lib/api-client.ts';
import { sendFailureKey } from './send-failure.ts';
import { senderName } from './sender.ts';

const t = ((key: string) => `[${key}]`) as unknown as TFunction;
const nav = { side: 'NAV' as const, senderIdent: 'Z990001', office: { id: '0219', name: 'NAV Bærum' } };
const citizen = { side: 'CITIZEN' as const, senderIdent: null, office: null };

describe('who wrote a message', () => {
  test('the citizen reads "you" and the NAV office, never which advisor', () => {
    expect(senderName(t, 'citizen', citizen, 'Kari Nordmann')).toBe('[dialog:sender.you]');
    expect(senderName(t, 'citizen', nav, null)).toBe('NAV Bærum');
    // Even if an ident reached the page, the citizen's view leaves it out.
    expect(senderName(t, 'citizen', { ...nav, senderIdent: 'Z990001' }, null)).not.toContain('Z990001');
  });

  test('the advisor reads the citizen’s name, and the office with the colleague’s ident', () => {
    expect(senderName(t, 'advisor', citizen, 'Kari Nordmann')).toBe('Kari Nordmann');
    expect(senderName(t, 'advisor', citizen, null)).toBe('[dialog:sender.citizen]');
    expect(senderName(t, 'advisor', nav, 'Kari Nordmann')).toBe('NAV Bærum · Z990001');
    // A message written by the system (no ident), from an office without a known name.
    expect(senderName(t, 'advisor', { side: 'NAV', senderIdent: null, office: { id: '0219', name: null } }, null)).toBe('[dialog:sender.nav]');
  });
});

describe('a refused send', () => {
  test('a lock with a known reason is explained for the side that tried', () => {
    const locked = new ApiError(409, 'locked', 'reserved', { reason: 'RESERVED' });
    expect(sendFailureKey(locked, 'advisor')).toBe('dialog:blocked.advisor.RESERVED.text');
    expect(sendFailureKey(locked, 'citizen')).toBe('dialog:blocked.citizen.RESERVED.text');
  });

  test('anything else falls back to the general error texts', () => {
    expect(sendFailureKey(new ApiError(409, 'locked', 'x', { reason: 'SOMETHING_NEW' }), 'citizen')).toBeNull();
    expect(sendFailureKey(new ApiError(409, 'conflict', 'x'), 'citizen')).toBeNull();
    expect(sendFailureKey(new ApiError(404, 'not_found', 'x'), 'advisor')).toBeNull();
  });
});
