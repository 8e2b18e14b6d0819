/** A national id written as people read it aloud: birth date, a space, then the five digits. */
export function formatNationalId(nationalId: string): string {
  return /^\d{11}$/.test(nationalId) ? `${nationalId.slice(0, 6)} ${nationalId.slice(6)}` : nationalId;
}
