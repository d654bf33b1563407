import { localStorageColorSchemeManager, MantineProvider } from '@mantine/core';
import { QueryClientProvider } from '@tanstack/react-query';
import { RouterProvider } from '@tanstack/react-router';
import { queryClient } from '../api/query-client.js';
import { router } from './router.js';
import { contrastVariables, theme } from './theme.js';

const colorSchemeManager = localStorageColorSchemeManager({ key: 'chargebridge-color-scheme' });

/** Providers: theme (light/dark, kept in localStorage), server state, routes. */
export function App() {
  return (
    <MantineProvider
      theme={theme}
      cssVariablesResolver={contrastVariables}
      colorSchemeManager={colorSchemeManager}
      defaultColorScheme="auto"
    >
      <QueryClientProvider client={queryClient}>
        <RouterProvider router={router} />
      </QueryClientProvider>
    </MantineProvider>
  );
}
