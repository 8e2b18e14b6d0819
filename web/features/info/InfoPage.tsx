/** Placeholder until its feature lands (issue 3). */
export default function InfoPage() {
  return null;
}
