// Shows the progress of a running camera import by polling its state from the API, and reloads the
// page (which then shows the report) when the run has finished.
const section = document.querySelector('[data-import-progress]');

const RUNNING = new Set(['QUEUED', 'RUNNING']);

function show(job) {
  const total = Math.max(job.rowsTotal, job.rowsValidated, 1);
  const bar = document.getElementById('progress-bar');
  bar.max = total;
  bar.value = job.phase === 'WRITING' ? total : job.rowsValidated;
  document.getElementById('rows-validated').textContent = job.rowsValidated;
  document.getElementById('rows-total').textContent = job.rowsTotal;
  document.getElementById('rows-rejected').textContent = job.rowsRejected;
  document.getElementById('rows-written').textContent = job.rowsWritten;
  const phase = document.getElementById('progress-phase');
  const key = job.phase ? 'phase' + job.phase.charAt(0) + job.phase.slice(1).toLowerCase() : null;
  phase.textContent = key ? (section.dataset[key] || job.phase) : '';
}

async function poll() {
  try {
    const response = await fetch(section.dataset.pollUrl, {
      headers: { Accept: 'application/json' },
      credentials: 'same-origin',
    });
    if (response.ok) {
      const job = await response.json();
      show(job);
      if (!RUNNING.has(job.status) || job.interrupted) {
        window.location.reload();
        return;
      }
    }
  } catch (e) {
    // a dropped connection is not a reason to stop watching
  }
  window.setTimeout(poll, 700);
}

if (section) {
  window.setTimeout(poll, 300);
}
