import { Button } from '@codegouvfr/react-dsfr/Button';
import { openingHoursProblems } from '../../../../src/modules/venues/venues.rules';
import type { OpeningSlot } from '../../../../src/modules/venues/opening-hours';

const DAYS = ['lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi', 'dimanche'];

/** Problems of a week of slots in French, by the server's own rule (venues.rules.ts): per slot, then overlaps. */
export function slotsProblems(slots: readonly OpeningSlot[]): { bySlot: (string | null)[]; overlap: string | null } {
  const bySlot = slots.map((slot) =>
    openingHoursProblems([slot]).length > 0 ? 'L’heure de fermeture doit être après l’heure d’ouverture.' : null,
  );
  const overlap =
    bySlot.every((problem) => problem === null) && openingHoursProblems(slots).length > 0
      ? 'Deux horaires du même jour se chevauchent. Corrigez-les.'
      : null;
  return { bySlot, overlap };
}

/**
 * Opening hours as a list of slots (« mardi, de 09:00 à 12:30 »): simpler than the OSM syntax for a
 * first application; the server writes them in that syntax for the national export.
 */
export function SlotsEditor({
  idPrefix,
  slots,
  onChange,
}: {
  idPrefix: string;
  slots: OpeningSlot[];
  onChange: (slots: OpeningSlot[]) => void;
}) {
  const { bySlot, overlap } = slotsProblems(slots);
  const set = (index: number, slot: OpeningSlot) => onChange(slots.map((current, position) => (position === index ? slot : current)));
  return (
    <fieldset className="fr-fieldset" aria-labelledby={`${idPrefix}-hours-legend`}>
      <legend className="fr-fieldset__legend" id={`${idPrefix}-hours-legend`}>
        Horaires d’ouverture
        <span className="fr-hint-text">
          Un horaire par ligne. Exemple : mardi, de 09:00 à 12:30. Pour deux horaires le même jour, ajoutez deux lignes.
        </span>
      </legend>
      {slots.length === 0 && <p className="fr-fieldset__element">Aucun horaire pour l’instant.</p>}
      {slots.map((slot, index) => (
        <div key={index} className="fr-fieldset__element" role="group" aria-label={`Horaire ${index + 1}`}>
          <div className="fr-grid-row fr-grid-row--gutters fr-grid-row--bottom">
            <div className="fr-col-12 fr-col-md-4 fr-select-group">
              <label className="fr-label" htmlFor={`${idPrefix}-slot-${index}-day`}>
                Jour
              </label>
              <select
                className="fr-select"
                id={`${idPrefix}-slot-${index}-day`}
                value={slot.day}
                onChange={(event) => set(index, { ...slot, day: Number(event.target.value) })}
              >
                {DAYS.map((day, dayIndex) => (
                  <option key={day} value={dayIndex + 1}>
                    {day}
                  </option>
                ))}
              </select>
            </div>
            <div className={`fr-col-6 fr-col-md-3 fr-input-group${bySlot[index] ? ' fr-input-group--error' : ''}`}>
              <label className="fr-label" htmlFor={`${idPrefix}-slot-${index}-opens`}>
                Ouvre à
              </label>
              <input
                className="fr-input"
                type="time"
                id={`${idPrefix}-slot-${index}-opens`}
                value={slot.opens}
                onChange={(event) => set(index, { ...slot, opens: event.target.value })}
              />
            </div>
            <div className={`fr-col-6 fr-col-md-3 fr-input-group${bySlot[index] ? ' fr-input-group--error' : ''}`}>
              <label className="fr-label" htmlFor={`${idPrefix}-slot-${index}-closes`}>
                Ferme à
              </label>
              <input
                className="fr-input"
                type="time"
                id={`${idPrefix}-slot-${index}-closes`}
                value={slot.closes}
                aria-describedby={bySlot[index] ? `${idPrefix}-slot-${index}-problem` : undefined}
                onChange={(event) => set(index, { ...slot, closes: event.target.value })}
              />
            </div>
            <div className="fr-col-12 fr-col-md-2">
              <Button
                type="button"
                priority="tertiary"
                size="small"
                onClick={() => onChange(slots.filter((_, position) => position !== index))}
              >
                Retirer<span className="fr-sr-only"> l’horaire {index + 1}</span>
              </Button>
            </div>
          </div>
          {bySlot[index] && (
            <p className="fr-error-text" id={`${idPrefix}-slot-${index}-problem`}>
              {bySlot[index]}
            </p>
          )}
        </div>
      ))}
      {overlap && (
        <p className="fr-fieldset__element fr-error-text" role="alert">
          {overlap}
        </p>
      )}
      <div className="fr-fieldset__element">
        <Button
          type="button"
          priority="secondary"
          iconId="fr-icon-add-line"
          onClick={() => onChange([...slots, { day: Math.min(7, (slots.at(-1)?.day ?? 0) + 1), opens: '09:00', closes: '12:00' }])}
        >
          Ajouter un horaire
        </Button>
      </div>
    </fieldset>
  );
}
