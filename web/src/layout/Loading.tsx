/** Shown while the session is looked up: a live region says it to screen readers too. */
export function Loading() {
  return (
    <div className="fr-container fr-my-6w" role="status" aria-live="polite">
      <p>Chargement…</p>
    </div>
  );
}
