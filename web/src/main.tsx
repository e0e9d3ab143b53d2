import '@mantine/core/styles.css';
import { QueryClientProvider } from '@tanstack/react-query';
import { RouterProvider } from '@tanstack/react-router';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { setUnauthenticatedHandler } from './api/client.js';
import { createQueryClient } from './api/query-client.js';
import { meQueryKey } from './api/use-session.js';
import { ThemeProvider } from './app/providers.js';
import { createAppRouter } from './app/router.js';
import { initI18n } from './i18n/i18n.js';

const i18n = initI18n();
const queryClient = createQueryClient();
const router = createAppRouter(queryClient);

// The session ended (expired, signed out elsewhere, account deactivated): back to the sign-in page.
setUnauthenticatedHandler(() => {
  if (queryClient.getQueryData(meQueryKey) === null) return;
  queryClient.setQueryData(meQueryKey, null);
  const here = router.state.location.href;
  void router.navigate({ to: '/login', search: here.startsWith('/login') ? {} : { redirect: here }, replace: true });
});

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

createRoot(root).render(
  <StrictMode>
    <I18nextProvider i18n={i18n}>
      <ThemeProvider>
        <QueryClientProvider client={queryClient}>
          <RouterProvider router={router} />
        </QueryClientProvider>
      </ThemeProvider>
    </I18nextProvider>
  </StrictMode>,
);
