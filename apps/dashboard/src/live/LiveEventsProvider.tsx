import { useQueryClient } from '@tanstack/react-query';
import { createContext, type ReactNode, useContext, useEffect, useRef, useState } from 'react';
import { LIVE_EVENT_TYPES, type LiveEventMap, type LiveEventType } from './event-types.js';

type Handler<T extends LiveEventType> = (event: LiveEventMap[T]) => void;
type Connection = 'connecting' | 'open' | 'closed';

interface LiveBus {
  subscribe<T extends LiveEventType>(type: T, handler: Handler<T>): () => void;
}

const BusContext = createContext<LiveBus>({ subscribe: () => () => {} });
const ConnectionContext = createContext<Connection>('connecting');

/** Query-key prefixes each event type makes stale (refetched at most once a second). */
const INVALIDATES: Record<LiveEventType, string[][]> = {
  station: [['stations'], ['station'], ['overview'], ['system']],
  connector: [['stations'], ['station'], ['overview']],
  transaction: [['sessions'], ['session'], ['station'], ['overview']],
  command: [['commands'], ['station']],
  alert: [['alerts'], ['overview']],
  partner: [['partners'], ['overview']],
  overview: [['overview']],
};

/**
 * One EventSource for the whole app. The browser reconnects by itself and sends Last-Event-ID,
 * so the server replays what changed meanwhile; screens subscribe with `useLiveEvent` and the
 * matching queries are invalidated, throttled.
 */
export function LiveEventsProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const handlers = useRef(new Map<LiveEventType, Set<(e: unknown) => void>>());
  const [connection, setConnection] = useState<Connection>('connecting');
  const [bus] = useState<LiveBus>(() => ({
    subscribe(type, handler) {
      const set = handlers.current.get(type) ?? new Set();
      handlers.current.set(type, set);
      set.add(handler as (e: unknown) => void);
      return () => set?.delete(handler as (e: unknown) => void);
    },
  }));

  useEffect(() => {
    const source = new EventSource('/api/v1/events', { withCredentials: true });
    const pending = new Set<LiveEventType>();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const flush = () => {
      timer = undefined;
      for (const type of pending) {
        for (const queryKey of INVALIDATES[type]) void queryClient.invalidateQueries({ queryKey });
      }
      pending.clear();
    };
    source.onopen = () => setConnection('open');
    source.onerror = () => setConnection(source.readyState === EventSource.CLOSED ? 'closed' : 'connecting');
    for (const type of LIVE_EVENT_TYPES) {
      source.addEventListener(type, (message) => {
        const data = JSON.parse((message as MessageEvent<string>).data);
        for (const handler of handlers.current.get(type) ?? []) handler(data);
        pending.add(type);
        timer ??= setTimeout(flush, 1000);
      });
    }
    return () => {
      source.close();
      if (timer) clearTimeout(timer);
    };
  }, [queryClient]);

  return (
    <BusContext.Provider value={bus}>
      <ConnectionContext.Provider value={connection}>{children}</ConnectionContext.Provider>
    </BusContext.Provider>
  );
}

/** Calls `handler` for every live event of `type` while the component is mounted. */
export function useLiveEvent<T extends LiveEventType>(type: T, handler: Handler<T>): void {
  const bus = useContext(BusContext);
  const latest = useRef(handler);
  latest.current = handler;
  useEffect(() => bus.subscribe(type, (e) => latest.current(e)), [bus, type]);
}

export function useLiveConnection(): Connection {
  return useContext(ConnectionContext);
}
