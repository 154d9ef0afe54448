// Clusters as drawn. The server sums cameras on a grid of ~64-pixel cells and places each cluster at the mean
// point of its cameras, so two clusters either side of a cell edge can lie a few pixels apart and their icons
// cover each other (the count beneath unreadable, the click taken by the wrong one). Before drawing, clusters
// whose circles overlap by more than a fraction of the smaller one are merged: counts, state mixes and LPR
// counts are summed and the position is the count-weighted mean (the mean point of all their cameras), so what
// is drawn still adds up to exactly what the server answered. A merged cluster is larger and may then overlap
// another: merging repeats until no two drawn circles overlap by more than that fraction.

/** Icon diameter in pixels: log-scaled from 26 (one camera) to 44 (10,000 and more). */
export const MIN_SIZE = 26;
export const MAX_SIZE = 44;

export function clusterSize(count) {
  const n = Math.max(0, Number(count) || 0);
  return Math.round(Math.min(MAX_SIZE, MIN_SIZE + Math.log10(n + 1) * ((MAX_SIZE - MIN_SIZE) / 4)));
}

/** Two circles may share at most this share of the smaller one's diameter before they are merged. */
export const MAX_OVERLAP = 0.25;

/** How far two circles overlap, as a share of the smaller diameter (0: apart or touching). */
export function overlapShare(a, b) {
  const ra = a.size / 2;
  const rb = b.size / 2;
  const depth = ra + rb - Math.hypot(a.x - b.x, a.y - b.y);
  return depth > 0 ? depth / (2 * Math.min(ra, rb)) : 0;
}

function sumInto(target, source) {
  const states = { ...target.states };
  Object.entries(source.states || {}).forEach(([state, n]) => {
    states[state] = (Number(states[state]) || 0) + (Number(n) || 0);
  });
  const count = target.count + source.count;
  // the weighted mean of the two means is the mean of all their cameras; an empty cluster carries no weight
  const wa = count > 0 ? target.count / count : 0.5;
  const wb = 1 - wa;
  return {
    lat: target.lat * wa + source.lat * wb,
    lon: target.lon * wa + source.lon * wb,
    count,
    states,
    lpr: (Number(target.lpr) || 0) + (Number(source.lpr) || 0),
    realtimeLpr: (Number(target.realtimeLpr) || 0) + (Number(source.realtimeLpr) || 0),
    merged: (target.merged || 1) + (source.merged || 1),
  };
}

/**
 * The clusters to draw: those of the answer, with every pair whose icons would overlap by more than
 * MAX_OVERLAP merged. project(lat, lon) gives the pixel position {x, y} at the zoom drawn at. Each result carries
 * x, y, size and merged (how many answered clusters it holds).
 */
export function mergeOverlapping(clusters, project, maxOverlap = MAX_OVERLAP) {
  const cell = MAX_SIZE; // circles more than one cell apart in both directions cannot overlap
  const buckets = new Map();
  const key = (gx, gy) => `${gx},${gy}`;
  const place = (item) => {
    const point = project(item.lat, item.lon);
    item.x = point.x;
    item.y = point.y;
    item.size = clusterSize(item.count);
    item.gx = Math.floor(item.x / cell);
    item.gy = Math.floor(item.y / cell);
    const k = key(item.gx, item.gy);
    if (!buckets.has(k)) {
      buckets.set(k, new Set());
    }
    buckets.get(k).add(item);
  };
  const unplace = (item) => buckets.get(key(item.gx, item.gy)).delete(item);
  const worstNeighbour = (item) => {
    let worst = null;
    let share = maxOverlap;
    for (let dx = -1; dx <= 1; dx += 1) {
      for (let dy = -1; dy <= 1; dy += 1) {
        const bucket = buckets.get(key(item.gx + dx, item.gy + dy));
        if (bucket) {
          bucket.forEach((other) => {
            if (other !== item) {
              const s = overlapShare(item, other);
              if (s > share) {
                share = s;
                worst = other;
              }
            }
          });
        }
      }
    }
    return worst;
  };

  // the biggest first, so that small clusters join big ones rather than the other way round
  const items = clusters
    .map((c) => ({
      lat: Number(c.lat),
      lon: Number(c.lon),
      count: Number(c.count) || 0,
      states: { ...(c.states || {}) },
      lpr: Number(c.lpr) || 0,
      realtimeLpr: Number(c.realtimeLpr) || 0,
      merged: 1,
    }))
    .filter((c) => Number.isFinite(c.lat) && Number.isFinite(c.lon))
    .sort((a, b) => b.count - a.count);
  const kept = new Set();
  items.forEach((item) => {
    let current = item;
    place(current);
    kept.add(current);
    // merge with the worst overlapping neighbour until none overlaps too much (each merge removes one)
    for (let other = worstNeighbour(current); other; other = worstNeighbour(current)) {
      unplace(current);
      unplace(other);
      kept.delete(current);
      kept.delete(other);
      current = sumInto(other, current);
      place(current);
      kept.add(current);
    }
  });
  return [...kept].map(({ gx, gy, ...cluster }) => cluster);
}
