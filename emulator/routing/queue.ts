// The slice of the Genesys `Queue` model the emulator serves. Field names, nesting and enum
// values follow `Models.Queue` / `QueueMediaSettings` / `MediaSettings` / `AcwSettings` in
// purecloud-platform-client-v2@262 `index.d.ts` (the SDK types are all-optional strings; the
// enum values come from MyPureCloud terraform-provider-genesyscloud's queue schema). Fields we
// never populate (routingRules, bullseye, flows, scripts, ...) are left out rather than faked.

export type QueueServiceLevel = { percentage: number; durationMs: number };

export type QueueMediaSetting = {
  enableAutoAnswer: boolean;
  alertingTimeoutSeconds: number;
  serviceLevel: QueueServiceLevel;
  autoAnswerAlertToneSeconds: number;
  manualAnswerAlertToneSeconds: number;
};

export type QueueMediaSettings = {
  call: QueueMediaSetting;
  callback: QueueMediaSetting;
  chat: QueueMediaSetting;
  email: QueueMediaSetting;
  message: QueueMediaSetting;
};

export type WrapupPrompt =
  'MANDATORY' | 'OPTIONAL' | 'MANDATORY_TIMEOUT' | 'MANDATORY_FORCED_TIMEOUT' | 'AGENT_REQUESTED';

export type QueueAcwSettings = {
  wrapupPrompt: WrapupPrompt;
  // Only meaningful for the *_TIMEOUT prompts, so it is absent otherwise (as on the real API).
  timeoutMs?: number;
};

export type QueueDivision = { id: string; name: string; selfUri: string };

export type Queue = {
  id: string;
  name: string;
  description: string;
  division: QueueDivision;
  dateCreated: string;
  dateModified: string;
  memberCount: number;
  userMemberCount: number;
  joinedMemberCount: number;
  mediaSettings: QueueMediaSettings;
  acwSettings: QueueAcwSettings;
  skillEvaluationMethod: 'NONE' | 'BEST' | 'ALL';
  scoringMethod: 'TimestampAndPriority' | 'PriorityOnly';
  lastAgentRoutingMode: 'Disabled' | 'QueueMembersOnly' | 'AnyAgent';
  autoAnswerOnly: boolean;
  enableTranscription: boolean;
  enableAudioMonitoring: boolean;
  enableManualAssignment: boolean;
  suppressInQueueCallRecording: boolean;
  selfUri: string;
};
