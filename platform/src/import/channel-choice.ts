/**
 * Why `channel` is not one to import into, or null when it is: the known
 * channels, and the nearest one when the name looks like a slip of the keyboard
 * (`tmal`, `shopfiy`).
 */
export function unknownChannelMessage(channel: string, known: readonly string[]): string | null {
  if (known.includes(channel)) return null;
  const nearest = known
    .map((name) => ({ name, distance: editDistance(channel, name) }))
    .filter(({ name, distance }) => distance <= Math.min(2, Math.floor(name.length / 2)))
    .sort((a, b) => a.distance - b.distance)[0];
  const hint = nearest ? ` Did you mean "${nearest.name}"?` : '';
  return `unknown channel "${channel}".${hint} Known channels: ${known.join(', ')}`;
}

/** Edits (insert, delete, replace, swap two neighbours) that turn `a` into `b`. */
function editDistance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[a.length][b.length];
}
