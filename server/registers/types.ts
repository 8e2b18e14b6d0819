/**
 * What the app needs from the two external registers (product.md, "Where person data comes from").
 * Adapters call the registers over HTTP; both throw RegisterUnavailableError when the register is
 * slow (timeout) or down, so that callers can decide what stays usable.
 */
export interface PersonRecord {
  nationalId: string;
  givenName: string;
  familyName: string;
  protectedAddress: 'STRICT' | 'CONFIDENTIAL' | null;
  navEmployee: boolean;
  officeId: string;
}

export interface ContactRecord {
  nationalId: string;
  reserved: boolean;
  email: string | null;
  mobile: string | null;
  /** Not confirmed for 18 months. */
  outdated: boolean;
}

export class RegisterUnavailableError extends Error {
  constructor(
    readonly register: 'person' | 'contact',
    reason: string,
  ) {
    super(`${register} register unavailable: ${reason}`);
    this.name = 'RegisterUnavailableError';
  }
}

export interface PersonRegister {
  /** Null when the register does not know the national id. */
  lookup(nationalId: string): Promise<PersonRecord | null>;
}

export interface ContactRegister {
  /** Null when the register has no entry for the person. Answers sit behind a short cache. */
  lookup(nationalId: string): Promise<ContactRecord | null>;
}
