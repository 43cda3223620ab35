// The shape of a fault-control route and its answer, shared by every control-route table.
import type { z } from 'zod';
import type { Core } from '../core';

export type Reply = { status: number; body: unknown };
export type ControlContext = { core: Core; params: Record<string, string>; body: unknown };
export type ControlRoute = { method: string; pattern: string; schema?: z.ZodType; handle(ctx: ControlContext): Reply };

export const ok = (body: unknown, status = 200): Reply => ({ status, body });
export const failure = (status: number, error: string, message: string): Reply => ({
  status,
  body: { error, message },
});
export const orgNotFound = failure(404, 'not_found', 'No such tenant or org.');
