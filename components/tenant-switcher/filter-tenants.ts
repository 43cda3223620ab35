import { REGIONS } from '@/lib/genesys/regions';
import type { PublicTenant } from '@/lib/tenants/tenant-schema';

/**
 * The switcher's search, pure so it is tested without a DOM. Each tenant is normalized once
 * (`indexTenants`, memoized by the caller); a keystroke then costs one `includes` per tenant,
 * which keeps 500+ tenants instant. The result is capped so the listbox DOM stays small.
 */
export interface IndexedTenant {
  tenant: PublicTenant;
  /** Normalized display name and tenant id: the fields a prefix match ranks first on. */
  name: string;
  id: string;
  /** Word starts of name and id, each preceded by a space, for word-prefix ranking. */
  words: string;
  /** Every searchable field, normalized, newline-separated so no match spans two fields. */
  text: string;
}

export interface TenantGroup {
  key: string;
  label: string;
  tenants: PublicTenant[];
}

export interface FilterResult {
  groups: TenantGroup[];
  /** Matches before the cap. */
  total: number;
  /** Options in `groups` (at most the limit). */
  shown: number;
}

export interface FilterOptions {
  favourites: readonly string[];
  recents: readonly string[];
  limit?: number;
}

export const DEFAULT_OPTION_LIMIT = 50;
export const FAVOURITES_LABEL = 'Favourites';
export const RECENT_LABEL = 'Recent';
export const OTHER_GROUP_LABEL = 'Other';

// Users know regions by their AWS-style key (eu_west_1 / eu-west-1) as often as by host.
const regionKeyByHost = new Map<string, string>(Object.entries(REGIONS).map(([key, host]) => [host, key]));
const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });

/** Case- and accent-insensitive form: "Société" and "societe" compare equal. */
export function normalizeText(value: string): string {
  return value.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

export function indexTenants(tenants: readonly PublicTenant[]): IndexedTenant[] {
  return tenants.map((tenant) => {
    const name = normalizeText(tenant.displayName);
    const id = normalizeText(tenant.tenantId);
    const regionKey = regionKeyByHost.get(tenant.region) ?? '';
    const fields = [name, id, tenant.orgId, tenant.region, regionKey, regionKey.replaceAll('_', '-')];
    fields.push(normalizeText(tenant.group ?? ''), normalizeText(tenant.environment));
    const words = ` ${`${name} ${id}`.split(/[^\p{L}\p{N}]+/u).join(' ')}`;
    return { tenant, name, id, words, text: fields.join('\n').toLowerCase() };
  });
}

/** 0: name or id starts with the query; 1: a word of name or id does; 2: matched elsewhere. */
function rankOf(entry: IndexedTenant, phrase: string, firstToken: string): number {
  if (entry.name.startsWith(phrase) || entry.id.startsWith(phrase)) return 0;
  return entry.words.includes(` ${firstToken}`) ? 1 : 2;
}

interface Match {
  entry: IndexedTenant;
  rank: number;
}

const byRankThenName = (a: Match, b: Match) =>
  a.rank - b.rank || collator.compare(a.entry.tenant.displayName, b.entry.tenant.displayName);

/**
 * Every query word must occur somewhere (AND). A tenant appears once: in Favourites, else in
 * Recent, else in its tenant group ("Other" without one). Groups are ordered by their best match,
 * so the first option (what Enter picks) is always a best match; among equals Favourites, Recent,
 * named groups alphabetically, then Other. Without a query that is simply that fixed order.
 */
export function filterTenants(index: readonly IndexedTenant[], query: string, options: FilterOptions): FilterResult {
  const tokens = normalizeText(query).split(/\s+/).filter(Boolean);
  const phrase = tokens.join(' ');
  const firstToken = tokens[0] ?? '';
  const favourites = new Set(options.favourites);
  const recentOrder = new Map(options.recents.map((id, position) => [id, position]));

  const favouriteMatches: Match[] = [];
  const recentMatches: Match[] = [];
  const byGroup = new Map<string, Match[]>();
  let total = 0;
  for (const entry of index) {
    if (!tokens.every((token) => entry.text.includes(token))) continue;
    total += 1;
    const match = { entry, rank: tokens.length > 0 ? rankOf(entry, phrase, firstToken) : 0 };
    const id = entry.tenant.tenantId;
    if (favourites.has(id)) favouriteMatches.push(match);
    else if (recentOrder.has(id)) recentMatches.push(match);
    else {
      const label = entry.tenant.group ?? OTHER_GROUP_LABEL;
      const bucket = byGroup.get(label);
      if (bucket) bucket.push(match);
      else byGroup.set(label, [match]);
    }
  }

  favouriteMatches.sort(byRankThenName);
  // Recent keeps recency order (most recent first) within a rank.
  const recency = (m: Match) => recentOrder.get(m.entry.tenant.tenantId) ?? 0;
  recentMatches.sort((a, b) => a.rank - b.rank || recency(a) - recency(b));
  const candidates: RankedGroup[] = [
    { key: 'favourites', label: FAVOURITES_LABEL, order: 0, matches: favouriteMatches },
    { key: 'recent', label: RECENT_LABEL, order: 1, matches: recentMatches },
    ...[...byGroup].map(([label, matches]) => ({
      key: `group:${label}`,
      label,
      order: label === OTHER_GROUP_LABEL ? 3 : 2,
      matches: matches.sort(byRankThenName),
    })),
  ];
  const ordered = candidates.filter((group) => group.matches.length > 0).sort(byBestMatchThenOrder);
  return capGroups(ordered, total, options.limit ?? DEFAULT_OPTION_LIMIT);
}

interface RankedGroup {
  key: string;
  label: string;
  /** Favourites, Recent, named groups, Other. */
  order: number;
  matches: Match[];
}

// Matches are sorted, so a group's first match is its best. Without a query every rank is 0.
const byBestMatchThenOrder = (a: RankedGroup, b: RankedGroup) =>
  (a.matches[0]?.rank ?? 0) - (b.matches[0]?.rank ?? 0) || a.order - b.order || collator.compare(a.label, b.label);

function capGroups(ordered: RankedGroup[], total: number, limit: number): FilterResult {
  const groups: TenantGroup[] = [];
  let shown = 0;
  for (const { key, label, matches } of ordered) {
    const room = limit - shown;
    if (room <= 0) break;
    const tenants = matches.slice(0, room).map((m) => m.entry.tenant);
    groups.push({ key, label, tenants });
    shown += tenants.length;
  }
  return { groups, total, shown };
}
