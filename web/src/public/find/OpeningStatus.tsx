/** « Ouvert maintenant, jusqu'à 18 h » with an icon and the word itself: colour is never the only signal. */
export function OpeningStatus({ openNow, text }: { openNow: boolean | null; text: string | null }) {
  if (!text) return <p className="fr-mb-1w">Horaires non communiqués : appelez le lieu avant de venir.</p>;
  return (
    <p
      className={`fr-mb-1w fr-text--bold ${openNow ? 'fr-icon-time-line' : 'fr-icon-close-circle-line'}`}
      style={{ color: openNow ? 'var(--text-default-success)' : 'var(--text-mention-grey)' }}
    >
      {' '}
      {text}
    </p>
  );
}
