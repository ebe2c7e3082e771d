// One palette for markers and legend: Okabe–Ito colours (safe for the common colour-vision deficiencies),
// chosen by what a status means, plus one marker shape per kind so colour is never the only cue.
const OKABE_ITO = {
  orange: '#E69F00', sky: '#56B4E9', green: '#009E73', yellow: '#F0E442',
  blue: '#0072B2', vermillion: '#D55E00', purple: '#CC79A7', grey: '#999999', black: '#000000',
};

const BY_STATUS = {
  suspected: OKABE_ITO.orange, assigned: OKABE_ITO.yellow, verifying: OKABE_ITO.sky,
  confirmed: OKABE_ITO.vermillion, dismissed: OKABE_ITO.grey, rectifying: OKABE_ITO.purple,
  rectified: OKABE_ITO.green, reviewed: OKABE_ITO.blue, closed: OKABE_ITO.black,
  in_use: OKABE_ITO.blue, disused: OKABE_ITO.grey, closing: OKABE_ITO.purple, written_off: OKABE_ITO.black,
  creating: OKABE_ITO.orange, applied: OKABE_ITO.sky, listed: OKABE_ITO.green, delisted: OKABE_ITO.grey,
  planned: OKABE_ITO.yellow, building: OKABE_ITO.sky, operating: OKABE_ITO.green, suspended: OKABE_ITO.orange,
  revoked: OKABE_ITO.black,
};

const SHAPES = {};

/** Takes shapes and status colours from the kind definitions (/api/ui/config kinds): a new kind needs no code. */
export function configurePalette(kinds) {
  for (const k of kinds || []) {
    if (k.shape) SHAPES[k.id] = k.shape;
    for (const s of k.statuses || []) if (s.colour && !(s.code in BY_STATUS)) BY_STATUS[s.code] = s.colour;
  }
}

export const statusColour = (status) => BY_STATUS[status] || OKABE_ITO.grey;

export const kindShape = (kind) => SHAPES[kind] || 'circle';

const SVG = 'http://www.w3.org/2000/svg';

/** A small SVG symbol: the kind's shape filled with the status colour. */
export function symbol(kind, status, size = 24) {
  const svg = document.createElementNS(SVG, 'svg');
  svg.setAttribute('viewBox', '0 0 24 24');
  svg.setAttribute('width', size);
  svg.setAttribute('height', size);
  svg.setAttribute('aria-hidden', 'true');
  let shape;
  switch (kindShape(kind)) {
    case 'square': shape = document.createElementNS(SVG, 'rect');
      Object.entries({ x: 4, y: 4, width: 16, height: 16 }).forEach(([k, v]) => shape.setAttribute(k, v)); break;
    case 'triangle': shape = polygon('12,3 21,20 3,20'); break;
    case 'diamond': shape = polygon('12,2 22,12 12,22 2,12'); break;
    case 'hexagon': shape = polygon('7,3 17,3 22,12 17,21 7,21 2,12'); break;
    default: shape = document.createElementNS(SVG, 'circle');
      Object.entries({ cx: 12, cy: 12, r: 9 }).forEach(([k, v]) => shape.setAttribute(k, v));
  }
  shape.setAttribute('fill', statusColour(status));
  shape.setAttribute('stroke', '#1a1a1a');
  shape.setAttribute('stroke-width', '1.5');
  shape.classList.add('site-shape');
  svg.append(shape);
  return svg;
}

function polygon(points) {
  const p = document.createElementNS(SVG, 'polygon');
  p.setAttribute('points', points);
  return p;
}
