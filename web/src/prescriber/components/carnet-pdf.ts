/** The carnet's PDF as the browser's own viewer opens it (inline), ready to print: same origin, session cookie. */
export function printableCarnetUrl(carnetId: string): string {
  return `/api/v1/carnets/${encodeURIComponent(carnetId)}/pdf?disposition=inline`;
}
