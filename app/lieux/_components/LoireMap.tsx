// A map that needs no tile server: the outline of the Loire département, drawn by hand from
// approximate border points, with one dot per place placed from its latitude and longitude. Each
// dot is a link to the place; the list beside it is the accessible alternative.

type Point = readonly [longitude: number, latitude: number];

// Clockwise from the north-west, roughly following the borders with Saône-et-Loire, Rhône,
// Isère, Ardèche, Haute-Loire, Puy-de-Dôme and Allier.
const OUTLINE: Point[] = [
  [3.9, 46.27], [4.02, 46.29], [4.12, 46.26], [4.26, 46.3], [4.4, 46.29],
  [4.42, 46.17], [4.36, 46.06], [4.33, 45.96], [4.4, 45.86], [4.43, 45.74], [4.46, 45.64],
  [4.56, 45.59], [4.68, 45.55], [4.76, 45.46], [4.76, 45.37],
  [4.66, 45.29], [4.57, 45.22], [4.45, 45.25],
  [4.37, 45.3], [4.3, 45.33], [4.22, 45.36], [4.1, 45.37], [3.98, 45.36], [3.9, 45.37],
  [3.84, 45.46], [3.79, 45.57], [3.74, 45.7], [3.7, 45.83], [3.72, 45.96], [3.77, 46.08], [3.81, 46.18],
];

// The Loire river, south to north.
const RIVER: Point[] = [
  [4.16, 45.36], [4.24, 45.43], [4.25, 45.5], [4.22, 45.6], [4.2, 45.72], [4.2, 45.84], [4.12, 45.95], [4.08, 46.04], [4.02, 46.14], [3.98, 46.28],
];

const WEST = 3.65;
const NORTH = 46.33;
const SCALE = 500; // viewBox units per degree of latitude
const COS_LATITUDE = Math.cos((45.75 * Math.PI) / 180);
const WIDTH = Math.round((4.8 - WEST) * COS_LATITUDE * SCALE);
const HEIGHT = Math.round((NORTH - 45.19) * SCALE);
const RADIUS = 16;
// Each dot's touch area: at least 44 CSS pixels across even on a 360 px wide phone, where the
// map is drawn about 330 px wide (0.82 pixel per unit); dots are spread so that areas never overlap.
const TOUCH_RADIUS = 28;

const project = ([longitude, latitude]: Point) => ({ x: (longitude - WEST) * COS_LATITUDE * SCALE, y: (NORTH - latitude) * SCALE });
const path = (points: Point[]) => points.map((p, i) => `${i === 0 ? 'M' : 'L'}${project(p).x.toFixed(1)},${project(p).y.toFixed(1)}`).join(' ');

// Nudges dots apart so that neighbouring places (Roanne and Riorges) stay distinct.
function spreadOut(points: { x: number; y: number }[]): { x: number; y: number }[] {
  const out = points.map((p) => ({ ...p }));
  const minimum = TOUCH_RADIUS * 2;
  for (let round = 0; round < 30; round++) {
    let moved = false;
    for (let i = 0; i < out.length; i++) {
      for (let j = i + 1; j < out.length; j++) {
        const a = out[i]!;
        const b = out[j]!;
        const dx = b.x - a.x;
        const dy = b.y - a.y;
        const distance = Math.hypot(dx, dy);
        if (distance >= minimum) continue;
        const push = (minimum - distance) / 2;
        const ux = distance === 0 ? 1 : dx / distance;
        const uy = distance === 0 ? 0 : dy / distance;
        a.x -= ux * push;
        a.y -= uy * push;
        b.x += ux * push;
        b.y += uy * push;
        moved = true;
      }
    }
    if (!moved) break;
  }
  return out;
}

// A dot: a place, or a commune's places; `number` matches the list when the places are few.
export type MapPlace = { key: string; href: string; label: string; number: number | null; latitude: number | null; longitude: number | null };

export function LoireMap({ places, title, labelledBy }: { places: MapPlace[]; title: string; labelledBy?: string }) {
  const located = places.filter((p) => p.latitude !== null && p.longitude !== null);
  // Numbers help match a dot with the list; beyond a few dozen places they would only clutter.
  const numbered = located.every((p) => p.number !== null) && located.length <= 30;
  const positions = numbered ? spreadOut(located.map((p) => project([p.longitude!, p.latitude!]))) : located.map((p) => project([p.longitude!, p.latitude!]));
  return (
    <svg
      viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
      role="group"
      aria-label={labelledBy ? undefined : title}
      aria-labelledby={labelledBy}
      className="loire-map h-auto w-full max-w-sm"
    >
      <path d={`${path(OUTLINE)} Z`} fill="#eef7f6" stroke="#0b4a45" strokeWidth={2} strokeLinejoin="round" aria-hidden="true" />
      <path d={path(RIVER)} fill="none" stroke="#7aa7c7" strokeWidth={3} strokeLinecap="round" aria-hidden="true" />
      {located.map((place, i) => {
        const { x, y } = positions[i]!;
        // The name starts with the number shown on the dot (WCAG 2.5.3, label in name).
        const label = numbered ? `${place.number}. ${place.label}` : place.label;
        return (
          <a key={place.key} href={place.href} aria-label={label}>
            <title>{label}</title>
            {/* A larger invisible disc makes the dot easier to touch. */}
            <circle cx={x} cy={y} r={TOUCH_RADIUS} fill="transparent" />
            <circle className="dot" cx={x} cy={y} r={RADIUS} fill="#9a3412" stroke="#ffffff" strokeWidth={2} />
            {numbered && (
              <text x={x} y={y} dy="0.35em" textAnchor="middle" fontSize={18} fontWeight={700} fill="#ffffff" aria-hidden="true">
                {place.number}
              </text>
            )}
          </a>
        );
      })}
    </svg>
  );
}
