import type { Queue, QueueMediaSetting, WrapupPrompt } from './queue';
import { uuidFromRng } from './uuid-from-rng';

const BASE_NAMES = [
  'Sales',
  'Support',
  'Billing',
  'Technical Support',
  'Customer Service',
  'Retention',
  'Collections',
  'Onboarding',
  'VIP Support',
  'Returns',
  'Escalations',
  'Renewals',
  'Claims',
  'Appointments',
  'Order Status',
  'Partner Desk',
  'Spanish Support',
  'After Hours',
] as const;

// Real orgs reject duplicate queue names, so extra queues get a region suffix, then a number.
const REGIONS = ['', ' - EMEA', ' - APAC', ' - Americas'] as const;

const WRAPUP_PROMPTS: readonly WrapupPrompt[] = [
  'MANDATORY_TIMEOUT',
  'MANDATORY_TIMEOUT',
  'OPTIONAL',
  'MANDATORY',
  'MANDATORY_FORCED_TIMEOUT',
  'AGENT_REQUESTED',
];

const pick = <T>(rng: () => number, items: readonly T[]): T => {
  const item = items[Math.floor(rng() * items.length)];
  if (item === undefined) throw new Error('pick from an empty list');
  return item;
};

const int = (rng: () => number, min: number, max: number): number => min + Math.floor(rng() * (max - min + 1));

function shuffled<T>(rng: () => number, items: readonly T[]): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i -= 1) {
    const j = Math.floor(rng() * (i + 1));
    const a = out[i] as T;
    out[i] = out[j] as T;
    out[j] = a;
  }
  return out;
}

function queueNames(rng: () => number, count: number): string[] {
  const names: string[] = [];
  for (let round = 0; names.length < count; round += 1) {
    const suffix = round < REGIONS.length ? REGIONS[round] : ` ${round - REGIONS.length + 2}`;
    for (const base of shuffled(rng, BASE_NAMES)) {
      if (names.length === count) break;
      names.push(`${base}${suffix ?? ''}`);
    }
  }
  return names;
}

// Defaults an admin sees on a new queue: 8 s alerting and 80 % in 20 s for voice, a day for email.
const media = (alertingTimeoutSeconds: number, durationMs: number): QueueMediaSetting => ({
  enableAutoAnswer: false,
  alertingTimeoutSeconds,
  serviceLevel: { percentage: 0.8, durationMs },
  autoAnswerAlertToneSeconds: 2,
  manualAnswerAlertToneSeconds: 1,
});

// 2019-01-01 .. 2024-12-31: dates must come from the rng, never from the wall clock.
const EPOCH_START = Date.UTC(2019, 0, 1);
const EPOCH_SPAN = Date.UTC(2025, 0, 1) - EPOCH_START;

function seedQueue(rng: () => number, org: SeedOrg, name: string): Queue {
  const id = uuidFromRng(rng);
  const created = EPOCH_START + Math.floor(rng() * EPOCH_SPAN);
  const modified = created + Math.floor(rng() * 400 * 86_400_000);
  const userMemberCount = int(rng, 3, 60);
  const wrapupPrompt = pick(rng, WRAPUP_PROMPTS);
  const timed = wrapupPrompt === 'MANDATORY_TIMEOUT' || wrapupPrompt === 'MANDATORY_FORCED_TIMEOUT';
  return {
    id,
    name,
    description: `${name} queue`,
    division: {
      id: org.divisionId,
      name: org.divisionName,
      selfUri: `/api/v2/authorization/divisions/${org.divisionId}`,
    },
    dateCreated: new Date(created).toISOString(),
    dateModified: new Date(modified).toISOString(),
    memberCount: userMemberCount,
    userMemberCount,
    joinedMemberCount: Math.floor(userMemberCount * (0.4 + rng() * 0.6)),
    mediaSettings: {
      call: media(8, 20_000),
      callback: media(30, 20_000),
      chat: media(30, 20_000),
      email: media(300, 86_400_000),
      message: media(30, 20_000),
    },
    acwSettings: timed ? { wrapupPrompt, timeoutMs: int(rng, 3, 12) * 10_000 } : { wrapupPrompt },
    skillEvaluationMethod: pick(rng, ['BEST', 'BEST', 'ALL', 'NONE'] as const),
    scoringMethod: pick(rng, ['TimestampAndPriority', 'TimestampAndPriority', 'PriorityOnly'] as const),
    lastAgentRoutingMode: pick(rng, ['Disabled', 'QueueMembersOnly', 'AnyAgent'] as const),
    autoAnswerOnly: false,
    enableTranscription: rng() < 0.3,
    enableAudioMonitoring: rng() < 0.2,
    enableManualAssignment: rng() < 0.25,
    suppressInQueueCallRecording: rng() < 0.9,
    selfUri: `/api/v2/routing/queues/${id}`,
  };
}

export type SeedOrg = { id: string; divisionId: string; divisionName: string };

export function seedQueues(rng: () => number, org: SeedOrg, count: number): Queue[] {
  if (!Number.isInteger(count) || count < 0)
    throw new RangeError(`queue count must be a non-negative integer, got ${count}`);
  return queueNames(rng, count).map((name) => seedQueue(rng, org, name));
}
