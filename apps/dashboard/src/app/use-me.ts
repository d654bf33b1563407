import { useRouteContext } from '@tanstack/react-router';
import type { Me } from '../auth/session.js';

/** The signed-in account (resolved by the shell route before any screen renders). */
export function useMe(): Me {
  return useRouteContext({ from: '/shell' }).me;
}
