import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Checkbox } from '@codegouvfr/react-dsfr/Checkbox';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { Select } from '@codegouvfr/react-dsfr/Select';
import { useEffect, useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { STANDARD_SERVICES, STANDARD_SPECIFIC_SUPPORT } from '../../../../src/modules/venues/standard/standard-vocabularies';
import { api } from '../../api/client';
import type { components } from '../../api/schema';
import { usePageTitle } from '../../layout/usePageTitle';
import { OpeningStatus } from './OpeningStatus';

type Site = components['schemas']['PublicVenueSiteDto'];
type Commune = components['schemas']['CommuneDto'];

const PAGE_SIZE = 20;

type Results =
  | { status: 'idle' }
  | { status: 'loading' }
  | { status: 'unknown' }
  | { status: 'error' }
  | { status: 'ready'; sites: Site[]; total: number; place: string; otherCommunes: Commune[] };

function chequeCount(count: number): string {
  return count === 1 ? '1 chèque' : `${count} chèques`;
}

/**
 * « Trouver un lieu » (no login): a commune or a postcode, a few plain filters, the nearest places first
 * with their opening state in plain French. Everything is in the address, so a result can be shared.
 */
export function FindVenuePage() {
  usePageTitle('Trouver un lieu');
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const commune = params.get('commune') ?? '';
  const service = params.get('aide') ?? '';
  const support = params.get('besoin') ?? '';
  const openNow = params.get('ouvert') === 'oui';
  const [typed, setTyped] = useState(q);
  const [shown, setShown] = useState(PAGE_SIZE);
  const [results, setResults] = useState<Results>({ status: 'idle' });

  useEffect(() => setTyped(q), [q]);

  useEffect(() => {
    if (q.trim().length < 2 && !commune) {
      setResults({ status: 'idle' });
      return;
    }
    let cancelled = false;
    setResults({ status: 'loading' });
    const where = commune ? { communeInseeCode: commune } : { q: q.trim() };
    const filters = {
      ...(service ? { service } : {}),
      ...(support ? { accessibility: support } : {}),
      ...(openNow ? { openNow: true } : {}),
    };
    Promise.all([
      api.GET('/api/v1/public/venue-sites', { params: { query: { ...where, ...filters, limit: shown, offset: 0 } as never } }),
      api.GET('/api/v1/public/communes', { params: { query: { q: commune || q.trim(), limit: 6 } } }),
    ])
      .then(([found, communes]) => {
        if (cancelled) return;
        if (found.response.status === 422) return setResults({ status: 'unknown' });
        if (!found.data) return setResults({ status: 'error' });
        const candidates = communes.data?.items ?? [];
        const searched = candidates[0];
        const isPostcode = /^\d{5}$/.test(q.trim()) && !commune;
        const place = isPostcode
          ? `du code postal ${q.trim()}`
          : searched
            ? `de ${searched.name} (${searched.departementCode})`
            : `de ${q}`;
        setResults({
          status: 'ready',
          sites: found.data.items,
          total: found.data.total,
          place,
          otherCommunes: isPostcode || commune ? [] : candidates.slice(1),
        });
      })
      .catch(() => !cancelled && setResults({ status: 'error' }));
    return () => {
      cancelled = true;
    };
  }, [q, commune, service, support, openNow, shown]);

  const search = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const next = new URLSearchParams();
    next.set('q', typed.trim());
    for (const [name, value] of [
      ['aide', form.get('aide')],
      ['besoin', form.get('besoin')],
    ] as const)
      if (value) next.set(name, String(value));
    if (form.get('ouvert')) next.set('ouvert', 'oui');
    setShown(PAGE_SIZE);
    setParams(next);
  };

  return (
    <div className="fr-container fr-my-6w">
      <h1>Trouver un lieu près de chez vous</h1>
      <p className="fr-text--lg">
        Avec le Pass numérique, des lieux vous aident à utiliser un ordinateur, un téléphone ou internet. Cherchez un lieu près de chez
        vous.
      </p>
      <form onSubmit={search} className="fr-mb-4w" role="search" aria-label="Chercher un lieu">
        <div className="fr-grid-row fr-grid-row--gutters">
          <div className="fr-col-12 fr-col-md-6">
            <Input
              label="Votre commune ou votre code postal"
              hintText="Exemple : Villeurbanne ou 69100"
              nativeInputProps={{
                name: 'q',
                autoComplete: 'address-level2',
                required: true,
                minLength: 2,
                value: typed,
                onChange: (event) => setTyped(event.target.value),
              }}
            />
          </div>
          <div className="fr-col-12 fr-col-md-6">
            <Select
              label="L’aide que vous cherchez (facultatif)"
              nativeSelectProps={{ name: 'aide', defaultValue: service }}
              key={`aide-${service}`}
            >
              <option value="">Toutes les aides</option>
              {STANDARD_SERVICES.map((value) => (
                <option key={value} value={value}>
                  {value}
                </option>
              ))}
            </Select>
          </div>
          <div className="fr-col-12 fr-col-md-6">
            <Select
              label="Un besoin particulier (facultatif)"
              nativeSelectProps={{ name: 'besoin', defaultValue: support }}
              key={`besoin-${support}`}
            >
              <option value="">Aucun</option>
              {STANDARD_SPECIFIC_SUPPORT.map((value) => (
                <option key={value} value={value}>
                  {value}
                </option>
              ))}
            </Select>
          </div>
          <div className="fr-col-12 fr-col-md-6">
            <Checkbox
              key={`ouvert-${openNow}`}
              options={[
                {
                  label: 'Seulement les lieux ouverts maintenant',
                  nativeInputProps: { name: 'ouvert', value: 'oui', defaultChecked: openNow },
                },
              ]}
            />
          </div>
        </div>
        <Button type="submit" iconId="fr-icon-search-line">
          Chercher
        </Button>
      </form>

      <div aria-live="polite" role="status">
        {results.status === 'loading' && <p>Recherche en cours…</p>}
        {results.status === 'ready' && (
          <h2>
            {results.total === 0 ? 'Aucun lieu trouvé' : results.total === 1 ? '1 lieu' : `${results.total} lieux`} autour {results.place}
          </h2>
        )}
      </div>
      {results.status === 'unknown' && (
        <Alert
          severity="warning"
          small
          description="Nous ne trouvons pas cette commune. Vérifiez l’orthographe, ou tapez le code postal."
        />
      )}
      {results.status === 'error' && (
        <Alert severity="error" small description="La recherche n’a pas marché. Vérifiez votre connexion et réessayez." />
      )}
      {results.status === 'ready' && (
        <>
          {results.otherCommunes.length > 0 && (
            <p className="fr-text--sm">
              Ce n’est pas la bonne commune ?{' '}
              {results.otherCommunes.map((other, index) => (
                <span key={other.inseeCode}>
                  {index > 0 && ', '}
                  <Link className="fr-link fr-text--sm" to={`?q=${encodeURIComponent(other.name)}&commune=${other.inseeCode}`}>
                    {other.name} ({other.departementCode})
                  </Link>
                </span>
              ))}
            </p>
          )}
          {results.total === 0 && <p>Essayez sans filtre, ou cherchez une commune voisine.</p>}
          <ul className="fr-raw-list">
            {results.sites.map((site) => (
              <li key={site.id} className="fr-mb-3w fr-p-3w" style={{ border: '1px solid var(--border-default-grey)' }}>
                <h3 className="fr-h5 fr-mb-1w">
                  <Link to={`/lieux/${site.id}`}>{site.name}</Link>
                </h3>
                {site.venueName !== site.name && <p className="fr-text--sm fr-mb-1w">{site.venueName}</p>}
                <p className="fr-mb-1w">
                  {site.addressLine}, {site.postalCode} {site.city}
                  {site.distanceKm !== null && ` · à ${String(site.distanceKm).replace('.', ',')} km`}
                </p>
                <OpeningStatus openNow={site.openNow} text={site.openingStatus} />
                {site.passServices.length > 0 && (
                  <p className="fr-mb-0">
                    Avec le Pass numérique :{' '}
                    {site.passServices.map((passService) => `${passService.label} (${chequeCount(passService.maxVouchers)})`).join(' · ')}
                  </p>
                )}
              </li>
            ))}
          </ul>
          {results.sites.length < results.total && (
            <Button type="button" priority="secondary" onClick={() => setShown(shown + PAGE_SIZE)}>
              Voir plus de lieux
            </Button>
          )}
        </>
      )}
    </div>
  );
}
