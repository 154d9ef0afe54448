-- Issue 9, item 6: a run whose node stopped (no heartbeat for a while) is marked INTERRUPTED by any node, so that
-- its status never stays RUNNING for good; the upload is kept so that it can be run again.
ALTER TABLE import_job DROP CONSTRAINT import_job_status_check;
ALTER TABLE import_job ADD CONSTRAINT import_job_status_check
    CHECK (status IN ('UPLOADED', 'QUEUED', 'RUNNING', 'VALIDATED', 'REJECTED', 'APPLIED', 'FAILED', 'INTERRUPTED'));
-- the sweep looks only at runs in progress
CREATE INDEX import_job_in_progress_idx ON import_job (heartbeat_at) WHERE status IN ('QUEUED', 'RUNNING');
