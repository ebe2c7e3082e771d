// A township choropleth of one indicator (Leaflet, the townships reference layer): each township shaded by the
// indicator's value there; a click drills down to that township's sites.
import { t, label, currentLang } from './i18n.js';
import { getJson } from './api.js';
import { $, el, clear } from './dom.js';

const SHADES = ['#f7fcf5', '#c7e9c0', '#74c476', '#31a354', '#006d2c'];

export class TownshipMap {
  constructor(node, legend, onTownship) {
    this.map = L.map(node, { zoomControl: true, attributionControl: false, scrollWheelZoom: false });
    this.legend = legend;
    this.onTownship = onTownship;
    this.layer = L.geoJSON(null, {
      style: () => ({ color: '#555', weight: 1, fillOpacity: 0.8, fillColor: '#eee' }),
      onEachFeature: (f, l) => l.on('click', () => this.onTownship(f.properties.name)),
    }).addTo(this.map);
    this.values = new Map();
  }

  async load(query) {
    const shapes = await getJson('/api/ui/reference/townships');
    this.layer.addData(shapes);
    this.map.fitBounds(this.layer.getBounds());
    const names = shapes.features.map((f) => f.properties.name);
    const boards = await Promise.all(names.map((n) => getJson(`/api/indicators${query(n)}`)));
    names.forEach((n, i) => this.values.set(n, new Map(boards[i].indicators.map((v) => [v.id, v]))));
  }

  /** Shades every township by the indicator's value there: percentages on 0–100, other units on 0–max. */
  show(indicator) {
    const of = (name) => this.values.get(name)?.get(indicator.id)?.value ?? null;
    const values = [...this.values.keys()].map(of).filter((v) => v !== null);
    const max = indicator.unit === '%' ? 100 : Math.max(1, ...values);
    const shade = (v) => (v === null ? '#ddd' : SHADES[Math.min(SHADES.length - 1, Math.floor((v / max) * SHADES.length))]);
    this.layer.eachLayer((l) => {
      const name = l.feature.properties.name;
      const v = of(name);
      l.setStyle({ fillColor: shade(v) });
      l.getElement()?.setAttribute('data-township', name);
      l.getElement()?.setAttribute('data-value', v === null ? '' : String(v));
      const shown = currentLang() === 'en' ? l.feature.properties.name_en || name : name;
      l.bindTooltip(`${shown}: ${v === null ? '—' : Math.round(v * 10) / 10} ${indicator.unit}`);
    });
    clear(this.legend).append(el('span', {}, label(indicator.name, indicator.id), ' '),
      ...SHADES.map((c, i) => el('span', { class: 'swatch', style: `background:${c}` },
        `${Math.round((i * max) / SHADES.length)}–${Math.round(((i + 1) * max) / SHADES.length)}`)),
      el('span', { class: 'swatch', style: 'background:#ddd' }, t('indicators.noValue')));
    this.map.invalidateSize();
  }
}

export const legendNode = () => $('#indicator-map-legend');
