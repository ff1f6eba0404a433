import { Input } from '@codegouvfr/react-dsfr/Input';
import { Table } from '@codegouvfr/react-dsfr/Table';
import { useEffect, useState } from 'react';

type HoursRules = typeof import('../../../../src/modules/venues/opening-hours.rules');

let rulesLoading: Promise<HoursRules> | null = null;
/** The server's own opening-hours rules, with the `opening_hours` parser: loaded only on this page (it is large). */
export function loadHoursRules(): Promise<HoursRules> {
  rulesLoading ??= import('../../../../src/modules/venues/opening-hours.rules');
  return rulesLoading;
}

/** Null when the value is fine (or empty: no hours), else the parser's problem in French. */
export function useHoursCheck(value: string): { rules: HoursRules | null; problem: string | null } {
  const [rules, setRules] = useState<HoursRules | null>(null);
  useEffect(() => {
    loadHoursRules().then(setRules, () => setRules(null));
  }, []);
  return { rules, problem: rules && value.trim() ? rules.openingHoursProblem(value.trim()) : null };
}

/**
 * Opening hours in the OpenStreetMap syntax the national standard uses, checked as they are typed by the
 * same parser and rules as the server (opening-hours.rules.ts), and read back in plain French for this
 * week, so that the administrator sees what the public will see.
 */
export function OsmHoursEditor({
  value,
  onChange,
  problem,
  rules,
}: {
  value: string;
  onChange: (value: string) => void;
  problem: string | null;
  rules: HoursRules | null;
}) {
  const week = rules && value.trim() && !problem ? rules.weekOpeningHours(value.trim(), new Date()) : null;
  return (
    <>
      <Input
        label="Horaires d’ouverture"
        hintText="Au format OpenStreetMap. Jours : Mo Tu We Th Fr Sa Su. Exemple : Mo-Fr 09:00-12:00,14:00-18:30; Sa 09:00-12:00. Laissez vide si le lieu n’a pas d’horaires fixes."
        state={problem ? 'error' : week ? 'success' : 'default'}
        stateRelatedMessage={problem ?? (week ? 'Horaires valides. Voici ce que le public verra :' : undefined)}
        nativeInputProps={{
          id: 'site-hours',
          autoComplete: 'off',
          spellCheck: false,
          value,
          onChange: (event) => onChange(event.target.value),
        }}
      />
      {week && (
        <Table
          className="fr-mb-4w"
          caption="Aperçu des horaires de cette semaine"
          headers={['Jour', 'Horaires']}
          data={week.map((day) => [day.day, day.hours])}
        />
      )}
    </>
  );
}
