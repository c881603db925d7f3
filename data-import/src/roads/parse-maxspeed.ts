const KMH_PER_MPH = 1.609344;

/**
 * Implicit limits written as a zone (`HU:urban`, `DE:rural`, `RU:motorway`):
 * Hungary's figures (KRESZ 26. §), which are also the common European ones.
 */
const ZONE_LIMITS_KMH: Record<string, number> = {
  urban: 50,
  rural: 90,
  trunk: 110,
  expressway: 110,
  motorway: 130,
  living_street: 20,
  walk: 5,
};

/**
 * A `maxspeed` value in km/h: `50`, `30 mph`, `HU:urban`, `50;30` (the lowest
 * applies). Null for what gives no number (`signals`, `none`, `variable`, junk),
 * so the class default applies.
 */
export function parseMaxspeed(value: string | undefined): number | null {
  if (value === undefined) return null;
  const limits = value.split(';').map((part) => parseOne(part.trim())).filter((limit): limit is number => limit !== null);
  return limits.length > 0 ? Math.min(...limits) : null;
}

function parseOne(part: string): number | null {
  const numeric = /^(\d+(?:\.\d+)?)\s*(km\/h|kmh|kph|mph|knots)?$/i.exec(part);
  if (numeric) {
    const speed = Number(numeric[1]) * (numeric[2]?.toLowerCase() === 'mph' ? KMH_PER_MPH : numeric[2]?.toLowerCase() === 'knots' ? 1.852 : 1);
    return speed > 0 ? speed : null;
  }
  const zone = /^[A-Z]{2}(?:-[A-Z0-9]+)?:([a-z_]+)$/i.exec(part);
  return zone ? (ZONE_LIMITS_KMH[zone[1]!.toLowerCase()] ?? null) : null;
}
