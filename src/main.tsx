import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { startEngine } from './state/engine';
import { startPlayback } from './state/playback';
import { installTestApi } from './state/testApi';
import { startUrlSync } from './state/url';
import './styles/app.css';

// Order matters: the URL fills the store before the engine runs its first simulation.
startUrlSync();
startEngine();
startPlayback();
installTestApi();

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}
