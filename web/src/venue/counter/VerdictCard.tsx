import type { ShownVerdict } from './CounterPage';

/**
 * One chèque's verdict in large type: an icon and a word say accepted or refused, so colour is never
 * the only signal; then the reason and what to do.
 */
export function VerdictCard({ verdict }: { verdict: ShownVerdict }) {
  const tone = verdict.accepted ? 'success' : 'error';
  return (
    <div className={`fr-alert fr-alert--${tone} fr-mb-2w`}>
      <p className="fr-h3 fr-mb-1w">
        <span
          className={verdict.accepted ? 'fr-icon-checkbox-circle-fill fr-mr-1w' : 'fr-icon-close-circle-fill fr-mr-1w'}
          aria-hidden="true"
        />
        {verdict.accepted ? 'Oui' : 'Non'} — {verdict.title}
      </p>
      <p className="fr-text--lg fr-mb-1w">Chèque {verdict.label}</p>
      <p className="fr-text--lg fr-mb-1w">{verdict.reason}</p>
      <p className="fr-text--lg fr-mb-0">
        <strong>À faire :</strong> {verdict.action}
      </p>
    </div>
  );
}
