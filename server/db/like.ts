/** A LIKE/ILIKE pattern matching text that contains `word`, with the wildcards % and _ escaped so a typed one matches itself. */
export function likePattern(word: string): string {
  return `%${word.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
