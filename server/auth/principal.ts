/**
 * Who is calling, as established from a validated token or a server-side session.
 * Claims (docs/architecture.md, Auth): every token carries `role`; the rest depends on the role.
 */
export type AdvisorRight = 'PROTECTED_ADDRESS_STRICT' | 'PROTECTED_ADDRESS' | 'NAV_EMPLOYEE';

export interface CitizenPrincipal {
  kind: 'citizen';
  nationalId: string;
  /** ID-porten level of assurance `idporten-loa-high`; a citizen needs it to reach their plan. */
  highAssurance: boolean;
}

export interface AdvisorPrincipal {
  kind: 'advisor';
  ident: string;
  name: string;
  offices: string[];
  rights: AdvisorRight[];
}

export interface EmployerPrincipal {
  kind: 'employer';
  nationalId: string;
  organisations: string[];
}

export interface SystemPrincipal {
  kind: 'system';
  clientId: string;
  scopes: string[];
}

export type Principal = CitizenPrincipal | AdvisorPrincipal | EmployerPrincipal | SystemPrincipal;

/** The actor role stored on every version. */
export type ActorRole = 'CITIZEN' | 'ADVISOR' | 'SYSTEM' | 'EMPLOYER';

export function actorRoleOf(principal: Principal): ActorRole {
  switch (principal.kind) {
    case 'citizen':
      return 'CITIZEN';
    case 'advisor':
      return 'ADVISOR';
    case 'employer':
      return 'EMPLOYER';
    case 'system':
      return 'SYSTEM';
  }
}

/** The ident stored beside the actor role: the advisor's NAV-ident or the system's client id. */
export function actorIdentOf(principal: Principal): string | null {
  switch (principal.kind) {
    case 'advisor':
      return principal.ident;
    case 'system':
      return principal.clientId;
    default:
      return null;
  }
}
