import { Input } from '@codegouvfr/react-dsfr/Input';
import { Select } from '@codegouvfr/react-dsfr/Select';
import { useEffect, useState } from 'react';
import { CARNET_NUMBER_PATTERN } from '../../../../src/modules/carnets/carnet-number.rules';
import { api } from '../../api/client';
import type { components } from '../../api/schema';
import { CARNET_STATUS_LABELS, frenchDate, label } from '../../layout/labels';
import { useApiData } from '../../layout/useApiData';

export type HeldCarnet = components['schemas']['CarnetDto'];

/** Most carnets one structure is shown at once in the list; a number typed is looked up whatever the stock's size. */
const LISTED = 200;

const isOpen = (carnet: HeldCarnet, now: number) => new Date(carnet.distributionClosesAt).getTime() >= now;

/**
 * The carnet to hand out, from the structure's stock: the first one that may still be handed out is
 * chosen already (nothing to do when the agent takes the top of the pile); the number printed on the
 * carnet in hand may be typed instead.
 */
export function CarnetPicker({
  label: fieldLabel,
  value,
  onChange,
  reloadKey,
}: {
  label: string;
  value: HeldCarnet | null;
  onChange: (carnet: HeldCarnet | null) => void;
  reloadKey: number;
}) {
  const held = useApiData(async () => {
    const answer = await api.GET('/api/v1/carnets', { params: { query: { status: 'allocated', limit: LISTED } } });
    if (!answer.data) throw new Error(`HTTP ${answer.response.status}`);
    return answer.data;
  }, [reloadKey]);
  const [typed, setTyped] = useState('');
  const [typedProblem, setTypedProblem] = useState<string | null>(null);

  useEffect(() => {
    if (held.status !== 'ready') return;
    const now = Date.now();
    onChange(held.data.items.find((carnet) => isOpen(carnet, now)) ?? null);
    setTyped('');
    setTypedProblem(null);
  }, [held]);

  async function lookUp(number: string) {
    setTyped(number);
    setTypedProblem(null);
    const trimmed = number.trim();
    if (!CARNET_NUMBER_PATTERN.test(trimmed)) {
      if (trimmed.length >= 16) setTypedProblem('Un numéro de carnet s’écrit comme 2026-0042-000123 (il est imprimé sur la couverture).');
      return;
    }
    const answer = await api.GET('/api/v1/carnets', { params: { query: { number: trimmed } } });
    const found = answer.data?.items[0];
    if (!found) setTypedProblem('Ce carnet n’appartient pas au stock de votre structure.');
    else if (found.status !== 'allocated')
      setTypedProblem(`Ce carnet ne peut pas être remis : il est « ${label(CARNET_STATUS_LABELS, found.status).toLowerCase()} ».`);
    else if (!isOpen(found, Date.now()))
      setTypedProblem(`La distribution de ce carnet est arrêtée depuis le ${frenchDate(found.distributionClosesAt)}.`);
    else onChange(found);
  }

  if (held.status === 'loading') return <p role="status">Chargement du stock…</p>;
  if (held.status === 'error') return <p>Le stock n’a pas pu être chargé. Rechargez la page.</p>;
  const now = Date.now();
  const listed = held.data.items;
  const options = value && !listed.some((carnet) => carnet.id === value.id) ? [value, ...listed] : listed;
  if (options.length === 0) return <p>Votre structure n’a aucun carnet en stock : demandez-en à votre financeur.</p>;
  return (
    <div className="fr-grid-row fr-grid-row--gutters fr-mb-2w">
      <div className="fr-col-12 fr-col-md-7">
        <Select
          label={fieldLabel}
          hint={`${held.data.total} carnet${held.data.total > 1 ? 's' : ''} en stock. Le premier est choisi : prenez celui du dessus de la pile.`}
          nativeSelectProps={{
            value: value?.id ?? '',
            onChange: (event) => onChange(options.find((carnet) => carnet.id === event.target.value) ?? null),
          }}
        >
          {options.map((carnet) => (
            <option key={carnet.id} value={carnet.id} disabled={!isOpen(carnet, now)}>
              {carnet.number} — {carnet.vouchers.unused} chèques — valable jusqu’au {frenchDate(carnet.expiresAt)}
              {isOpen(carnet, now) ? '' : ' (distribution arrêtée)'}
            </option>
          ))}
        </Select>
      </div>
      <div className="fr-col-12 fr-col-md-5">
        <Input
          label="Ou numéro du carnet en main"
          hintText="Imprimé sur la couverture, par exemple 2026-0042-000123."
          state={typedProblem ? 'error' : 'default'}
          stateRelatedMessage={typedProblem ?? undefined}
          nativeInputProps={{
            value: typed,
            autoComplete: 'off',
            spellCheck: false,
            inputMode: 'numeric',
            onChange: (event) => void lookUp(event.target.value),
          }}
        />
      </div>
    </div>
  );
}
