import { QueryClient } from '@tanstack/react-query';
import { ApiError } from './client.js';

/** Server state for every screen. Live events (SSE) invalidate or patch these queries. */
export const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 10_000,
      refetchOnWindowFocus: false,
      retry: (count, error) => !(error instanceof ApiError && error.status < 500) && count < 2,
    },
  },
});
