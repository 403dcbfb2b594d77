import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { DataProvider } from './data/DataProvider';
import { SyncRunner } from './sync/SyncRunner';
import './app/app.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element.');
createRoot(root).render(
  <StrictMode>
    <DataProvider>
      <SyncRunner />
      <App />
    </DataProvider>
  </StrictMode>,
);
