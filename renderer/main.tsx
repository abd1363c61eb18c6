import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '@xyflow/react/dist/style.css';
import './styles/tokens.css';
import './styles/base.css';
import './styles/shell.css';
import './styles/screens.css';
import './styles/editor.css';
import './styles/canvas.css';
import { connectToEngine } from './api/connect';
import { ApiProvider } from './app/api-context';
import { App } from './app/App';
import { normalizeInitialHash } from './app/router';
import { initTheme } from './app/theme';

initTheme();
// connectToEngine reads the token from the hash first; only then may the hash become a route.
const api = connectToEngine();
normalizeInitialHash();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ApiProvider value={api}>
      <App />
    </ApiProvider>
  </StrictMode>,
);
