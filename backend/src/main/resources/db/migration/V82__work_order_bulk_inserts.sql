-- The lifecycle job inserts about half a million replacement orders in one statement on a 1,000,000-camera
-- fleet (scripts/bench-lifecycle); every index and per-row check on work_order is paid that many times.

-- Assignee indexes only where there is an assignee: lifecycle orders are NEW and unassigned, so they skip these.
DROP INDEX work_order_vendor_idx;
DROP INDEX work_order_squad_idx;
DROP INDEX work_order_contract_idx;
CREATE INDEX work_order_vendor_idx ON work_order (vendor_id, state) WHERE vendor_id IS NOT NULL;
CREATE INDEX work_order_squad_idx ON work_order (squad_id, state) WHERE squad_id IS NOT NULL;
CREATE INDEX work_order_contract_idx ON work_order (contract_id, state) WHERE contract_id IS NOT NULL;

-- Orders without due times (unassigned replacements) are never overdue.
DROP INDEX work_order_restore_due_idx;
CREATE INDEX work_order_restore_due_idx ON work_order (restore_due_at)
    WHERE restore_due_at IS NOT NULL AND state NOT IN ('RESTORED', 'CLOSED', 'CANCELLED');

-- Orders are written in the order they open, so a BRIN index serves period queries at a fraction of the cost.
DROP INDEX work_order_opened_idx;
CREATE INDEX work_order_opened_brin ON work_order USING brin (opened_at);

-- What a work order refers to (camera, outage, contract, vendor, squad), checked per statement instead of per
-- row. A foreign key queues a trigger event for every inserted row, even where the reference is NULL (four of
-- the five are NULL on a replacement order), and checks the camera with a row lock (SELECT ... FOR KEY SHARE)
-- that writes to the camera row: together about half the lifecycle job's time. The same guarantees, set-based:
-- after each INSERT or UPDATE statement every order it wrote must refer to existing rows; the camera of an order
-- never changes; a row that work orders refer to cannot be deleted (cameras are decommissioned, never deleted,
-- in the application, and vendors, contracts, squads and outages are kept for the history). Unlike a foreign
-- key this takes no lock on the referenced row, so a row deleted by hand in the same instant as an order that
-- refers to it is written could slip through; nothing in the application deletes these rows.
ALTER TABLE work_order DROP CONSTRAINT work_order_camera_id_fkey;
ALTER TABLE work_order DROP CONSTRAINT work_order_outage_id_fkey;
ALTER TABLE work_order DROP CONSTRAINT work_order_contract_id_fkey;
ALTER TABLE work_order DROP CONSTRAINT work_order_vendor_id_fkey;
ALTER TABLE work_order DROP CONSTRAINT work_order_squad_id_fkey;

CREATE FUNCTION work_order_references_exist() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    bad record;
BEGIN
    SELECT w.id, CASE
             WHEN NOT EXISTS (SELECT 1 FROM camera c WHERE c.id = w.camera_id) THEN 'camera ' || w.camera_id
             WHEN w.outage_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM outage o WHERE o.id = w.outage_id) THEN 'outage ' || w.outage_id
             WHEN w.contract_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM maintenance_contract m WHERE m.id = w.contract_id) THEN 'contract ' || w.contract_id
             WHEN w.vendor_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM vendor v WHERE v.id = w.vendor_id) THEN 'vendor ' || w.vendor_id
             WHEN w.squad_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM repair_squad s WHERE s.id = w.squad_id) THEN 'squad ' || w.squad_id
           END AS missing
      INTO bad
      FROM written w
     WHERE NOT EXISTS (SELECT 1 FROM camera c WHERE c.id = w.camera_id)
        OR (w.outage_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM outage o WHERE o.id = w.outage_id))
        OR (w.contract_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM maintenance_contract m WHERE m.id = w.contract_id))
        OR (w.vendor_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM vendor v WHERE v.id = w.vendor_id))
        OR (w.squad_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM repair_squad s WHERE s.id = w.squad_id))
     LIMIT 1;
    IF FOUND THEN
        RAISE EXCEPTION 'work order % refers to % that does not exist', bad.id, bad.missing
            USING ERRCODE = 'foreign_key_violation', TABLE = 'work_order';
    END IF;
    RETURN NULL;
END $$;

CREATE TRIGGER work_order_references_on_insert AFTER INSERT ON work_order
    REFERENCING NEW TABLE AS written FOR EACH STATEMENT EXECUTE FUNCTION work_order_references_exist();
CREATE TRIGGER work_order_references_on_update AFTER UPDATE ON work_order
    REFERENCING NEW TABLE AS written FOR EACH STATEMENT EXECUTE FUNCTION work_order_references_exist();

CREATE FUNCTION work_order_camera_fixed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.camera_id IS DISTINCT FROM OLD.camera_id THEN
        RAISE EXCEPTION 'the camera of work order % cannot change', OLD.id USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    RETURN NEW;
END $$;

CREATE TRIGGER work_order_camera_fixed BEFORE UPDATE OF camera_id ON work_order
    FOR EACH ROW EXECUTE FUNCTION work_order_camera_fixed();

-- A row that work orders refer to stays. TG_ARGV[0] names the work_order column that refers to the table.
CREATE FUNCTION keep_if_work_orders_refer() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    referred boolean;
BEGIN
    EXECUTE format('SELECT EXISTS (SELECT 1 FROM work_order WHERE %I = $1)', TG_ARGV[0]) INTO referred USING OLD.id;
    IF referred THEN
        RAISE EXCEPTION '% % has work orders and cannot be deleted', TG_TABLE_NAME, OLD.id
            USING ERRCODE = 'foreign_key_violation', TABLE = TG_TABLE_NAME;
    END IF;
    RETURN OLD;
END $$;

CREATE TRIGGER camera_keep_if_worked_on BEFORE DELETE ON camera
    FOR EACH ROW EXECUTE FUNCTION keep_if_work_orders_refer('camera_id');
CREATE TRIGGER outage_keep_if_worked_on BEFORE DELETE ON outage
    FOR EACH ROW EXECUTE FUNCTION keep_if_work_orders_refer('outage_id');
CREATE TRIGGER maintenance_contract_keep_if_worked_on BEFORE DELETE ON maintenance_contract
    FOR EACH ROW EXECUTE FUNCTION keep_if_work_orders_refer('contract_id');
CREATE TRIGGER vendor_keep_if_worked_on BEFORE DELETE ON vendor
    FOR EACH ROW EXECUTE FUNCTION keep_if_work_orders_refer('vendor_id');
CREATE TRIGGER repair_squad_keep_if_worked_on BEFORE DELETE ON repair_squad
    FOR EACH ROW EXECUTE FUNCTION keep_if_work_orders_refer('squad_id');
