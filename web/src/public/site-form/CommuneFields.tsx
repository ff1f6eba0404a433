import { Input } from '@codegouvfr/react-dsfr/Input';
import { Select } from '@codegouvfr/react-dsfr/Select';
import { useEffect, useState } from 'react';
import { api } from '../../api/client';
import type { components } from '../../api/schema';

type Commune = components['schemas']['CommuneDto'];

export interface CommuneValue {
  postalCode: string;
  city: string;
  communeInseeCode: string;
}

/**
 * Postcode, then the commune among those of that postcode (the official list, through the API): the
 * person never types an INSEE code, and an unknown postcode is said at once.
 */
export function CommuneFields({
  idPrefix,
  value,
  onChange,
  showErrors,
}: {
  idPrefix: string;
  value: CommuneValue;
  onChange: (value: CommuneValue) => void;
  showErrors: boolean;
}) {
  const [communes, setCommunes] = useState<Commune[] | null>(null);
  const postalCode = value.postalCode.trim();

  useEffect(() => {
    if (!/^\d{5}$/.test(postalCode)) {
      setCommunes(null);
      return;
    }
    let cancelled = false;
    api
      .GET('/api/v1/public/communes', { params: { query: { q: postalCode, limit: 50 } } })
      .then(({ data }) => {
        if (cancelled) return;
        const found = (data?.items ?? []).filter((commune) => commune.postalCodes.includes(postalCode));
        setCommunes(found);
        const chosen = found.find((commune) => commune.inseeCode === value.communeInseeCode) ?? (found.length === 1 ? found[0] : undefined);
        if (chosen && chosen.inseeCode !== value.communeInseeCode)
          onChange({ postalCode: value.postalCode, city: chosen.name, communeInseeCode: chosen.inseeCode });
        if (!chosen && value.communeInseeCode) onChange({ postalCode: value.postalCode, city: '', communeInseeCode: '' });
      })
      .catch(() => !cancelled && setCommunes([]));
    return () => {
      cancelled = true;
    };
  }, [postalCode]);

  const postcodeProblem =
    postalCode.length > 0 && !/^\d{5}$/.test(postalCode)
      ? 'Le code postal a 5 chiffres.'
      : communes && communes.length === 0
        ? 'Ce code postal n’existe pas. Vérifiez-le.'
        : showErrors && !/^\d{5}$/.test(postalCode)
          ? 'Indiquez le code postal.'
          : null;

  return (
    <>
      <Input
        label="Code postal"
        state={postcodeProblem ? 'error' : 'default'}
        stateRelatedMessage={postcodeProblem ?? undefined}
        nativeInputProps={{
          id: `${idPrefix}-postcode`,
          inputMode: 'numeric',
          autoComplete: 'postal-code',
          maxLength: 5,
          value: value.postalCode,
          onChange: (event) => onChange({ ...value, postalCode: event.target.value.replace(/\D/g, '') }),
        }}
      />
      {communes && communes.length > 0 && (
        <Select
          label="Commune"
          state={showErrors && !value.communeInseeCode ? 'error' : 'default'}
          stateRelatedMessage={showErrors && !value.communeInseeCode ? 'Choisissez la commune.' : undefined}
          nativeSelectProps={{
            id: `${idPrefix}-commune`,
            value: value.communeInseeCode,
            onChange: (event) => {
              const commune = communes.find((candidate) => candidate.inseeCode === event.target.value);
              onChange({ ...value, city: commune?.name ?? '', communeInseeCode: commune?.inseeCode ?? '' });
            },
          }}
        >
          {communes.length > 1 && <option value="">Choisissez la commune</option>}
          {communes.map((commune) => (
            <option key={commune.inseeCode} value={commune.inseeCode}>
              {commune.name}
            </option>
          ))}
        </Select>
      )}
    </>
  );
}
