/** What web/public/boot.js leaves on `window.__firstScreen`: the first screen's requests, already under way. */
export interface BootAnswer {
  status: number;
  body: unknown;
}

export interface FirstScreenRequests {
  session: Promise<BootAnswer>;
  me: Promise<BootAnswer>;
  /** The citizen's board and person, when the citizen opens the front page. */
  board: Promise<{ personId: string; plan: Promise<BootAnswer>; person: Promise<BootAnswer> } | null>;
}
