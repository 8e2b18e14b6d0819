/** Placeholder until its feature lands (issue 3). */
export function PersonBanners() {
  return null;
}
