// The page: loads the engine, asks it for what to show, and hands the answer to the views.
import init, { Dataset } from '../pkg/ict_compare.js';
import { messages } from './i18n.js';
import { render as renderObservations } from './views/observations.js';

const lang = 'vi';

async function main() {
  const app = document.getElementById('app');
  try {
    await init();
    const dataset = Dataset.bundled();
    renderObservations(app, { list: dataset.observations(), lang });
    document.documentElement.dataset.ready = 'true';
  } catch (error) {
    const status = document.createElement('p');
    status.className = 'status error';
    status.setAttribute('role', 'alert');
    status.textContent = `${messages(lang).loadFailed}: ${error.message}`;
    app.replaceChildren(status);
    document.documentElement.dataset.ready = 'error';
    throw error;
  }
}

main();
