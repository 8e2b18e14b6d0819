/**
 * Whether a live stream is open, per person: queries poll for the other party's changes only while
 * none is (the stream tells them instead). Kept apart from live.ts so that queries.ts can read it
 * without importing the hook, which imports queries.ts.
 */
const open = new Set<string>();

export function setLiveOpen(personId: string, isOpen: boolean): void {
  if (isOpen) {
    open.add(personId);
  } else {
    open.delete(personId);
  }
}

/** True while this person's stream (or, without a person, any stream) is open. */
export function isLiveOpen(personId?: string): boolean {
  return personId === undefined ? open.size > 0 : open.has(personId);
}

/** A `refetchInterval` that polls every `ms` only while no live stream is open (for this person, or at all). */
export function pollUnlessLive(ms: number, personId?: string): () => number | false {
  return () => (isLiveOpen(personId) ? false : ms);
}
