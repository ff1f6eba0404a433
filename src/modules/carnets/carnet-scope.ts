import type { OrganisationActor } from '../../auth/actor';
import type { OrganisationKind } from '../organisations/organisation-kind';

/**
 * Whose carnets an actor acts on: a funder, the carnets of its orders (in its stock or not); a
 * prescriber, the carnets allocated to it (in its stock or handed out). Nobody else has carnets.
 */
export interface CarnetScope {
  kind: OrganisationKind | null;
  organisationId: string;
}

export function carnetScopeOf(actor: OrganisationActor): CarnetScope {
  return { kind: actor.organisationKind, organisationId: actor.organisationId };
}

/** SQL condition on a carnets alias; `parameter` holds `scope.organisationId`. */
export function carnetScopeCondition(scope: CarnetScope, alias: string, parameter: string): string {
  switch (scope.kind) {
    case 'funder':
      return `${alias}.funder_id = ${parameter}`;
    case 'prescriber':
      return `${alias}.prescriber_id = ${parameter}`;
    default:
      return 'false';
  }
}
