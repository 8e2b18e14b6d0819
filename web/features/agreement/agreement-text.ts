import { LIMITS } from '#common/limits.ts';

/** What the advisor wrote for an AAP § 11-9 notice, checked as the server will (and for the template's gaps). */
export function aapTextProblem(text: string): 'required' | 'tooLong' | 'placeholder' | null {
  const trimmed = text.trim();
  if (trimmed === '') {
    return 'required';
  }
  if (trimmed.length > LIMITS.advanceNoticeText) {
    return 'tooLong';
  }
  // The template marks what the advisor must fill in with [square brackets].
  if (/\[[^\]]*\]/.test(trimmed)) {
    return 'placeholder';
  }
  return null;
}
