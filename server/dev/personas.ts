import type { AdvisorRight } from '#server/auth/principal.ts';
import { personaId } from './national-ids.ts';

/**
 * Test personas of the development identity provider. The same list fills the person register,
 * the contact register and the demo data, so that every part tells the same story about a person.
 */
export interface OfficeSeed {
  id: string;
  name: string;
}

export const OFFICES: OfficeSeed[] = [
  { id: '0219', name: 'NAV Bærum' },
  { id: '4601', name: 'NAV Bergen nord' },
  { id: '5001', name: 'NAV Trondheim' },
  { id: '0301', name: 'NAV Oslo sentrum' },
];

export interface CitizenPersona {
  key: string;
  role: 'citizen';
  nationalId: string;
  givenName: string;
  familyName: string;
  officeId: string;
  protectedAddress: 'STRICT' | 'CONFIDENTIAL' | null;
  navEmployee: boolean;
  contact: { reserved: boolean; email: string | null; mobile: string | null; outdated: boolean };
  manualFollowUp: boolean;
  /** Whether the demo data gives this person a current follow-up period. */
  currentPeriod: boolean;
  description: string;
}

export interface AdvisorPersona {
  key: string;
  role: 'advisor';
  ident: string;
  name: string;
  offices: string[];
  rights: AdvisorRight[];
  description: string;
}

export interface EmployerPersona {
  key: string;
  role: 'employer';
  nationalId: string;
  givenName: string;
  familyName: string;
  organisations: string[];
  description: string;
}

export type Persona = CitizenPersona | AdvisorPersona | EmployerPersona;

const contact = (email: string, mobile: string) => ({ reserved: false, email, mobile, outdated: false });

export const CITIZENS: CitizenPersona[] = [
  {
    key: 'kari',
    role: 'citizen',
    nationalId: personaId(0),
    givenName: 'Kari',
    familyName: 'Nordmann',
    officeId: '0219',
    protectedAddress: null,
    navEmployee: false,
    contact: contact('kari.nordmann@example.test', '+4790000001'),
    manualFollowUp: false,
    currentPeriod: true,
    description: 'Digital, with a plan in progress',
  },
  {
    key: 'ola',
    role: 'citizen',
    nationalId: personaId(1),
    givenName: 'Ola',
    familyName: 'Manuell',
    officeId: '0219',
    protectedAddress: null,
    navEmployee: false,
    contact: contact('ola.manuell@example.test', '+4790000002'),
    manualFollowUp: true,
    currentPeriod: true,
    description: 'Followed up manually (on paper)',
  },
  {
    key: 'rita',
    role: 'citizen',
    nationalId: personaId(2),
    givenName: 'Rita',
    familyName: 'Reservert',
    officeId: '0219',
    protectedAddress: null,
    navEmployee: false,
    contact: { reserved: true, email: null, mobile: null, outdated: false },
    manualFollowUp: false,
    currentPeriod: true,
    description: 'Reserved against digital contact in the contact register',
  },
  {
    key: 'ove',
    role: 'citizen',
    nationalId: personaId(3),
    givenName: 'Ove',
    familyName: 'Utdatert',
    officeId: '4601',
    protectedAddress: null,
    navEmployee: false,
    contact: { reserved: false, email: 'ove.old@example.test', mobile: '+4790000004', outdated: true },
    manualFollowUp: false,
    currentPeriod: true,
    description: 'Contact details not confirmed for 18 months',
  },
  {
    key: 'stine',
    role: 'citizen',
    nationalId: personaId(4),
    givenName: 'Stine',
    familyName: 'Skjermet',
    officeId: '0219',
    protectedAddress: 'STRICT',
    navEmployee: false,
    contact: contact('stine@example.test', '+4790000005'),
    manualFollowUp: false,
    currentPeriod: true,
    description: 'Protected address (strictly confidential)',
  },
  {
    key: 'nora',
    role: 'citizen',
    nationalId: personaId(5),
    givenName: 'Nora',
    familyName: 'Nyperiode',
    officeId: '0219',
    protectedAddress: null,
    navEmployee: false,
    contact: contact('nora@example.test', '+4790000006'),
    manualFollowUp: false,
    currentPeriod: false,
    description: 'No current follow-up period',
  },
];

export const ADVISORS: AdvisorPersona[] = [
  {
    key: 'vera',
    role: 'advisor',
    ident: 'Z990001',
    name: 'Vera Veileder',
    offices: ['0219'],
    rights: [],
    description: 'Advisor at NAV Bærum',
  },
  {
    key: 'siri',
    role: 'advisor',
    ident: 'Z990003',
    name: 'Siri Sikker',
    offices: ['0219', '0301'],
    rights: ['PROTECTED_ADDRESS_STRICT', 'PROTECTED_ADDRESS', 'NAV_EMPLOYEE'],
    description: 'Advisor at NAV Bærum and Oslo sentrum, may see protected persons',
  },
  {
    key: 'per',
    role: 'advisor',
    ident: 'Z990002',
    name: 'Per Pettersen',
    offices: ['4601'],
    rights: [],
    description: 'Advisor at NAV Bergen nord',
  },
];

export const EMPLOYERS: EmployerPersona[] = [
  {
    key: 'arne',
    role: 'employer',
    nationalId: personaId(20),
    givenName: 'Arne',
    familyName: 'Arbeidsgiver',
    organisations: ['910825526'],
    description: 'Acts for Bakeriet AS (910825526)',
  },
];

export const PERSONAS: Persona[] = [...CITIZENS, ...ADVISORS, ...EMPLOYERS];

export function findPersona(key: string): Persona | undefined {
  return PERSONAS.find((p) => p.key === key);
}
