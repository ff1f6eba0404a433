import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { RadioButtons } from '@codegouvfr/react-dsfr/RadioButtons';
import { Select } from '@codegouvfr/react-dsfr/Select';
import { Table } from '@codegouvfr/react-dsfr/Table';
import { type FormEvent, useRef, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { api } from '../../api/client';
import { DataStatus } from '../../layout/DataStatus';
import { useApiData } from '../../layout/useApiData';
import { isNonEmpty, type NonEmpty } from '../../layout/non-empty';
import { usePageTitle } from '../../layout/usePageTitle';
import { type CarnetMoveView, type CarnetStockView, dataOf, errorCode, type OrganisationView } from '../funder-api';

type Direction = 'allocate' | 'return';

const n = (value: number) => value.toLocaleString('fr-FR');

/** The funder's stock, per order and per prescriber structure, and the forms that move carnets between them. */
export function StockPage() {
  usePageTitle('Stock et attribution');
  const [search] = useSearchParams();
  const [reload, setReload] = useState(0);
  const data = useApiData(async () => {
    const [stock, structures] = await Promise.all([
      api.GET('/api/v1/carnets/stock'),
      api.GET('/api/v1/organisations', { params: { query: { kind: 'prescriber', limit: 200 } } }),
    ]);
    return { stock: dataOf(stock), structures: dataOf(structures).items };
  }, [reload]);
  // After a move, the figures are read again while the forms stay on screen (with their result and the focus).
  const lastReady = useRef(data);
  if (data.status === 'ready') lastReady.current = data;
  const shown = data.status === 'loading' && lastReady.current.status === 'ready' ? lastReady.current : data;
  const initialDirection: Direction = search.get('action') === 'reprendre' ? 'return' : 'allocate';
  return (
    <div className="fr-container fr-my-6w">
      <h1>Stock et attribution</h1>
      <DataStatus state={shown}>
        {({ stock, structures }) => (
          <>
            <p>
              En stock chez vous : <strong>{n(stock.totals.in_stock)} carnets</strong> ; attribués aux structures et pas encore remis :{' '}
              {n(stock.totals.allocated)} ; remis aux bénéficiaires : {n(stock.totals.issued + stock.totals.fully_used)}.
            </p>
            <StructureStock stock={stock} structures={structures} />
            <OrderStock stock={stock} />
            {!isNonEmpty(structures) ? (
              <p>
                Pour attribuer des carnets, <Link to="/financeur/structures">inscrivez d’abord vos structures prescriptrices</Link>.
              </p>
            ) : (
              <>
                <MoveForm
                  key={`allocate-${initialDirection}`}
                  direction="allocate"
                  stock={stock}
                  structures={structures}
                  initial={initialDirection === 'allocate' ? search : null}
                  onMoved={() => setReload((count) => count + 1)}
                />
                <MoveForm
                  key={`return-${initialDirection}`}
                  direction="return"
                  stock={stock}
                  structures={structures}
                  initial={initialDirection === 'return' ? search : null}
                  onMoved={() => setReload((count) => count + 1)}
                />
              </>
            )}
          </>
        )}
      </DataStatus>
    </div>
  );
}

function StructureStock({ stock, structures }: { stock: CarnetStockView; structures: OrganisationView[] }) {
  const rows = structures.map((structure) => {
    const counts = stock.prescribers.find((row) => row.prescriberId === structure.id)?.counts;
    return [
      structure.name,
      n(counts?.allocated ?? 0),
      n(counts?.issued ?? 0),
      n(counts?.fully_used ?? 0),
      n((counts?.expired ?? 0) + (counts?.cancelled ?? 0)),
    ];
  });
  return (
    <>
      <h2>Par structure prescriptrice</h2>
      {rows.length === 0 ? (
        <p>Aucune structure prescriptrice inscrite.</p>
      ) : (
        <Table
          caption="Carnets de chaque structure"
          headers={['Structure', 'À remettre', 'Remis, en cours', 'Entièrement utilisés', 'Expirés ou annulés']}
          data={rows}
        />
      )}
    </>
  );
}

function OrderStock({ stock }: { stock: CarnetStockView }) {
  return (
    <>
      <h2>Par commande</h2>
      {stock.orders.length === 0 ? (
        <p>Aucune commande prête : les carnets entrent dans votre stock quand leur génération est terminée.</p>
      ) : (
        <Table
          caption="Carnets de chaque commande prête"
          headers={['Commande', 'Chèques par carnet', 'En stock', 'Attribués', 'Remis ou utilisés', 'Expirés ou annulés']}
          data={stock.orders.map((order) => [
            <Link to={`/financeur/commandes/${order.orderId}`}>{order.orderNumber}</Link>,
            String(order.carnetSize),
            n(order.counts.in_stock),
            n(order.counts.allocated),
            n(order.counts.issued + order.counts.fully_used),
            n(order.counts.expired + order.counts.cancelled),
          ])}
        />
      )}
    </>
  );
}

const WORDS: Record<Direction, { title: string; intro: string; button: string; done: string; countHint: string }> = {
  allocate: {
    title: 'Attribuer des carnets à une structure',
    intro: 'Les carnets passent de votre stock à la structure, qui pourra les remettre à des bénéficiaires.',
    button: 'Attribuer',
    done: 'attribués à',
    countHint: 'Les plus petits numéros en stock d’abord.',
  },
  return: {
    title: 'Reprendre des carnets non remis',
    intro: 'Les carnets qu’une structure n’a pas remis reviennent dans votre stock, pour être attribués ailleurs.',
    button: 'Reprendre',
    done: 'repris à',
    countHint: 'Les plus grands numéros non remis d’abord.',
  },
};

function moveRefusal(code: string | undefined): string {
  switch (code) {
    case 'INSUFFICIENT_STOCK':
      return 'Il n’y a pas assez de carnets disponibles pour ce nombre : rien n’a été déplacé.';
    case 'CARNETS_NOT_AVAILABLE':
      return 'Certains carnets de cette plage ne sont pas dans l’état attendu (déjà attribués, remis ou annulés) : rien n’a été déplacé.';
    case 'INVALID_CARNET_RANGE':
      return 'La plage doit aller d’un numéro au suivant dans une même commande (le premier avant le dernier).';
    case 'NOT_FOUND':
      return 'Ce numéro de carnet ne fait pas partie de vos carnets.';
    case 'VALIDATION_FAILED':
      return 'Vérifiez le nombre (5 000 au plus) ou les numéros (par exemple 2026-0042-000001).';
    case 'CONCURRENT_MODIFICATION':
      return 'Ces carnets étaient modifiés au même moment : réessayez.';
    default:
      return 'Rien n’a été déplacé. Réessayez dans un instant.';
  }
}

function MoveForm({
  direction,
  stock,
  structures,
  initial,
  onMoved,
}: {
  direction: Direction;
  stock: CarnetStockView;
  structures: NonEmpty<OrganisationView>;
  initial: URLSearchParams | null;
  onMoved: () => void;
}) {
  const words = WORDS[direction];
  const prefix = direction === 'allocate' ? 'allocation' : 'return';
  const [prescriberId, setPrescriberId] = useState(initial?.get('structure') ?? structures[0].id);
  const [mode, setMode] = useState<'count' | 'range'>(initial?.get('de') ? 'range' : 'count');
  const [count, setCount] = useState('');
  const [orderId, setOrderId] = useState(initial?.get('commande') ?? '');
  const [fromNumber, setFromNumber] = useState(initial?.get('de') ?? '');
  const [toNumber, setToNumber] = useState(initial?.get('a') ?? '');
  const [result, setResult] = useState<{ severity: 'success' | 'error'; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const structureName = (id: string) => structures.find((structure) => structure.id === id)?.name ?? 'la structure';

  async function move(event: FormEvent) {
    event.preventDefault();
    setResult(null);
    const body =
      mode === 'count'
        ? { prescriberId, count: Number(count.replace(/\s/g, '')), ...(orderId ? { orderId } : {}) }
        : { prescriberId, fromNumber: fromNumber.trim(), toNumber: (toNumber.trim() || fromNumber).trim() };
    if (mode === 'count' && !/^\d+$/.test(count.replace(/\s/g, ''))) {
      setResult({ severity: 'error', text: 'Saisissez un nombre de carnets, en chiffres.' });
      return;
    }
    setBusy(true);
    try {
      const answer =
        direction === 'allocate'
          ? await api.POST('/api/v1/carnets/allocations', { body })
          : await api.POST('/api/v1/carnets/returns', { body });
      if (answer.data) {
        setResult({ severity: 'success', text: movedSentence(answer.data, words.done, structureName(prescriberId)) });
        setCount('');
        setFromNumber('');
        setToNumber('');
        onMoved();
      } else {
        setResult({ severity: 'error', text: moveRefusal(errorCode(answer.error)) });
      }
    } catch {
      setResult({ severity: 'error', text: 'La connexion a échoué : rien n’a été déplacé. Réessayez.' });
    } finally {
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby={`${prefix}-title`} className="fr-mt-6w">
      <h2 id={`${prefix}-title`}>{words.title}</h2>
      <p>{words.intro}</p>
      <form onSubmit={move} noValidate>
        <Select
          label="Structure prescriptrice"
          nativeSelectProps={{ id: `${prefix}-structure`, value: prescriberId, onChange: (event) => setPrescriberId(event.target.value) }}
        >
          {structures.map((structure) => (
            <option key={structure.id} value={structure.id}>
              {structure.name}
            </option>
          ))}
        </Select>
        <RadioButtons
          legend="Quels carnets ?"
          name={`${prefix}-mode`}
          orientation="horizontal"
          options={[
            { label: 'Un nombre de carnets', nativeInputProps: { checked: mode === 'count', onChange: () => setMode('count') } },
            { label: 'Une plage de numéros', nativeInputProps: { checked: mode === 'range', onChange: () => setMode('range') } },
          ]}
        />
        {mode === 'count' ? (
          <>
            <Input
              label="Nombre de carnets"
              hintText={`${words.countHint} 5 000 au plus par opération.`}
              nativeInputProps={{
                id: `${prefix}-count`,
                inputMode: 'numeric',
                autoComplete: 'off',
                value: count,
                onChange: (event) => setCount(event.target.value),
              }}
            />
            <Select
              label="Commande"
              nativeSelectProps={{ id: `${prefix}-order`, value: orderId, onChange: (event) => setOrderId(event.target.value) }}
            >
              <option value="">Toutes les commandes</option>
              {stock.orders.map((order) => (
                <option key={order.orderId} value={order.orderId}>
                  {order.orderNumber} ({order.counts.in_stock} en stock)
                </option>
              ))}
            </Select>
          </>
        ) : (
          <>
            <Input
              label="Premier numéro"
              hintText="Par exemple 2026-0042-000001"
              nativeInputProps={{
                id: `${prefix}-from`,
                autoComplete: 'off',
                value: fromNumber,
                onChange: (event) => setFromNumber(event.target.value),
              }}
            />
            <Input
              label="Dernier numéro"
              hintText="De la même commande ; vide pour un seul carnet."
              nativeInputProps={{
                id: `${prefix}-to`,
                autoComplete: 'off',
                value: toNumber,
                onChange: (event) => setToNumber(event.target.value),
              }}
            />
          </>
        )}
        <div aria-live="polite">{result && <Alert severity={result.severity} small description={result.text} className="fr-mb-3w" />}</div>
        <Button type="submit" disabled={busy}>
          {words.button}
        </Button>
      </form>
    </section>
  );
}

function movedSentence(move: CarnetMoveView, done: string, structure: string): string {
  const runs = move.runs.map((run) => (run.count === 1 ? run.from : `${run.from} à ${run.to}`)).join(', ');
  return `${n(move.count)} ${move.count === 1 ? 'carnet' : 'carnets'} ${done} ${structure} : ${runs}.`;
}
