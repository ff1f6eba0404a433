import { Input } from '@codegouvfr/react-dsfr/Input';
import { RadioButtons } from '@codegouvfr/react-dsfr/RadioButtons';
import { useEffect, useState } from 'react';
import { api } from '../../api/client';
import { type Commune, settledCommune } from './commune-search';

export type { Commune };

const communeLabel = (commune: Commune) => `${commune.name} (${commune.postalCodes.join(', ')})`;

/**
 * The person's commune, searched as the agent types a postcode or the start of a name (the official
 * offline list, /public/communes). The matches are radio buttons: one is chosen with a click, or at
 * once when the search settles it.
 */
export function CommuneField({
  value,
  onChange,
  problem,
}: {
  value: Commune | null;
  onChange: (commune: Commune | null) => void;
  problem: string | null;
}) {
  const [query, setQuery] = useState('');
  const [matches, setMatches] = useState<Commune[]>([]);
  const [searched, setSearched] = useState(false);

  useEffect(() => {
    const q = query.trim();
    if (q.length < 2) {
      setMatches([]);
      setSearched(false);
      return;
    }
    let cancelled = false;
    // Waits for a pause in the typing: one search per word, not per key.
    const timer = setTimeout(async () => {
      const answer = await api.GET('/api/v1/public/communes', { params: { query: { q, limit: 6 } } });
      if (cancelled) return;
      const found = answer.data?.items ?? [];
      setMatches(found);
      setSearched(true);
      const settled = settledCommune(q, found);
      if (settled) onChange(settled);
    }, 250);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [query]);

  return (
    <div className="fr-mb-3w">
      <Input
        label="Commune de résidence"
        hintText="Code postal ou début du nom, par exemple 69100 ou Villeurbanne."
        state={problem ? 'error' : 'default'}
        stateRelatedMessage={problem ?? undefined}
        nativeInputProps={{
          value: query,
          autoComplete: 'off',
          onChange: (event) => {
            setQuery(event.target.value);
            if (value) onChange(null);
          },
        }}
      />
      <div aria-live="polite">
        {searched && matches.length === 0 && (
          <p className="fr-text--sm">Aucune commune ne correspond : vérifiez le code postal ou l’orthographe.</p>
        )}
        {matches.length > 0 && (
          <RadioButtons
            legend={matches.length === 1 ? 'Commune trouvée' : 'Choisissez la commune (ou vérifiez celle qui est cochée)'}
            small
            options={matches.map((commune) => ({
              label: communeLabel(commune),
              nativeInputProps: {
                value: commune.inseeCode,
                checked: value?.inseeCode === commune.inseeCode,
                onChange: () => onChange(commune),
              },
            }))}
          />
        )}
      </div>
    </div>
  );
}
