-- The import that created a camera, if one did. An import is audited as one event (import.applied, object
-- id = the import's id); a camera's audit trail shows that event through this column instead of one audit
-- row per imported camera. No foreign key: import jobs belong to the import module, and the audit event,
-- not the job row, is the record that lasts.
ALTER TABLE camera ADD COLUMN import_id bigint;
