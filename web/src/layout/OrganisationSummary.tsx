import type { OrganisationView } from '../api/views';
import { label, ORGANISATION_KIND_LABELS } from './labels';

/** The organisation the person works for, as the first thing on their space's home page. */
export function OrganisationSummary({ organisation }: { organisation: OrganisationView }) {
  return (
    <div className="fr-callout fr-mb-4w">
      <h2 className="fr-callout__title">{organisation.name}</h2>
      <p className="fr-callout__text">
        {label(ORGANISATION_KIND_LABELS, organisation.kind)}
        {organisation.city ? ` · ${organisation.city}` : ''}
        {organisation.siret ? ` · SIRET ${organisation.siret}` : organisation.siren ? ` · SIREN ${organisation.siren}` : ''}
      </p>
    </div>
  );
}
