/** Where the JSON API lives; every controller's path is under it (health checks aside). */
export const API_PREFIX = 'api/v1';

/** The absolute path of an API resource, e.g. a file to download: `apiUrl('reimbursement-statements', id, 'statement.pdf')`. */
export function apiUrl(...segments: string[]): string {
  return `/${API_PREFIX}/${segments.map(encodeURIComponent).join('/')}`;
}
