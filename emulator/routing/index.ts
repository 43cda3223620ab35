export type {
  Queue,
  QueueAcwSettings,
  QueueDivision,
  QueueMediaSetting,
  QueueMediaSettings,
  QueueServiceLevel,
  WrapupPrompt,
} from './queue';
export { seedQueues, type SeedOrg } from './seed-queues';
export { listQueues, DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from './list-queues';
export { createEntityListing, type EntityListing } from './entity-listing';
