// Routing queues (RoutingApi.getRoutingQueues, SDK 262 `Models.Queue`); only what the portal shows.
import { z } from 'zod';
import { entityListingSchema, entityRefSchema } from './common';

const mediaSettingSchema = z.looseObject({
  alertingTimeoutSeconds: z.number().optional(),
  enableAutoAnswer: z.boolean().optional(),
  serviceLevel: z.looseObject({ percentage: z.number(), durationMs: z.number() }).optional(),
});

export const queueSchema = z.looseObject({
  id: z.string(),
  name: z.string(),
  description: z.string().optional(),
  division: entityRefSchema.optional(),
  dateCreated: z.string().optional(),
  dateModified: z.string().optional(),
  memberCount: z.number().int().optional(),
  userMemberCount: z.number().int().optional(),
  joinedMemberCount: z.number().int().optional(),
  mediaSettings: z.record(z.string(), mediaSettingSchema).optional(),
  acwSettings: z.looseObject({ wrapupPrompt: z.string().optional(), timeoutMs: z.number().optional() }).optional(),
  skillEvaluationMethod: z.string().optional(),
  selfUri: z.string().optional(),
});
export type Queue = z.infer<typeof queueSchema>;
export const queueListingSchema = entityListingSchema(queueSchema);
