-- A camera in service is FAULTY while maintenance has it: an open outage, or a repair order nobody has restored,
-- closed or cancelled yet; otherwise ACTIVE (issue 9, item 11: a camera restored and its order closed stayed FAULTY
-- because nothing ever wrote ACTIVE back). PLANNED and DECOMMISSIONED are the registry's own and are left alone.
--
-- The rule is camera_in_repair() below, in one place; the database keeps camera.status by it on every change of an
-- outage or a work order (statement-level triggers, one UPDATE per statement, as map_dirty is fed in V92), and
-- whenever someone writes ACTIVE or FAULTY by hand (a row trigger that fires only when the status changes). So the
-- list, its status filter and its (status, end_of_life) index stay as fast as before, and the map, which reads the
-- status and the open outage (io.watchkeeper.map.MapState), follows through its camera triggers.

-- VOLATILE on purpose: under READ COMMITTED each call takes a fresh snapshot, so a writer that waited for another's
-- row lock on the camera re-derives with what that other one committed (an outage opened meanwhile is not lost).
CREATE FUNCTION camera_in_repair(camera bigint) RETURNS boolean LANGUAGE sql VOLATILE AS $$
    SELECT EXISTS (SELECT 1 FROM outage o WHERE o.camera_id = camera AND o.ended_at IS NULL)
        OR EXISTS (SELECT 1 FROM work_order w
                    WHERE w.camera_id = camera AND w.kind = 'REPAIR' AND w.state NOT IN ('CLOSED', 'CANCELLED')
                      AND w.state <> 'RESTORED')
$$;

-- Re-derives the status of the given cameras in service (all of them when cameras is NULL); returns how many changed.
CREATE FUNCTION camera_derive_status(cameras bigint[]) RETURNS integer LANGUAGE plpgsql AS $$
DECLARE
    changed integer;
BEGIN
    IF cameras IS NULL THEN
        UPDATE camera c SET status = CASE WHEN camera_in_repair(c.id) THEN 'FAULTY' ELSE 'ACTIVE' END
         WHERE c.status IN ('ACTIVE', 'FAULTY')
           AND c.status <> CASE WHEN camera_in_repair(c.id) THEN 'FAULTY' ELSE 'ACTIVE' END;
    ELSE
        UPDATE camera c SET status = CASE WHEN camera_in_repair(c.id) THEN 'FAULTY' ELSE 'ACTIVE' END
         WHERE c.id = ANY (cameras) AND c.status IN ('ACTIVE', 'FAULTY')
           AND c.status <> CASE WHEN camera_in_repair(c.id) THEN 'FAULTY' ELSE 'ACTIVE' END;
    END IF;
    GET DIAGNOSTICS changed = ROW_COUNT;
    RETURN changed;
END $$;

CREATE FUNCTION camera_status_after_maintenance() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM camera_derive_status(ARRAY(SELECT DISTINCT camera_id FROM changed));
    RETURN NULL;
END $$;

-- Only repair orders count in camera_in_repair(): the lifecycle job's replacement orders (hundreds of thousands in one
-- statement) and inspections leave the status alone, so their statements do not re-derive anything.
CREATE FUNCTION camera_status_after_repair_orders() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM camera_derive_status(ARRAY(SELECT DISTINCT camera_id FROM changed WHERE kind = 'REPAIR'));
    RETURN NULL;
END $$;

-- Deleting an outage or an order can end a fault as well (tests and the demo loader clean up that way).
CREATE TRIGGER outage_camera_status_insert AFTER INSERT ON outage REFERENCING NEW TABLE AS changed
    FOR EACH STATEMENT EXECUTE FUNCTION camera_status_after_maintenance();
CREATE TRIGGER outage_camera_status_update AFTER UPDATE ON outage REFERENCING NEW TABLE AS changed
    FOR EACH STATEMENT EXECUTE FUNCTION camera_status_after_maintenance();
CREATE TRIGGER outage_camera_status_delete AFTER DELETE ON outage REFERENCING OLD TABLE AS changed
    FOR EACH STATEMENT EXECUTE FUNCTION camera_status_after_maintenance();
CREATE TRIGGER work_order_camera_status_insert AFTER INSERT ON work_order REFERENCING NEW TABLE AS changed
    FOR EACH STATEMENT EXECUTE FUNCTION camera_status_after_repair_orders();
CREATE TRIGGER work_order_camera_status_update AFTER UPDATE ON work_order REFERENCING NEW TABLE AS changed
    FOR EACH STATEMENT EXECUTE FUNCTION camera_status_after_repair_orders();
CREATE TRIGGER work_order_camera_status_delete AFTER DELETE ON work_order REFERENCING OLD TABLE AS changed
    FOR EACH STATEMENT EXECUTE FUNCTION camera_status_after_repair_orders();

-- A person (form, API, import update) writing ACTIVE or FAULTY gets what maintenance says instead.
CREATE FUNCTION camera_status_as_maintenance_says() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.status := CASE WHEN camera_in_repair(NEW.id) THEN 'FAULTY' ELSE 'ACTIVE' END;
    RETURN NEW;
END $$;

CREATE TRIGGER camera_status_derived BEFORE UPDATE OF status ON camera FOR EACH ROW
    WHEN (NEW.status IN ('ACTIVE', 'FAULTY') AND NEW.status IS DISTINCT FROM OLD.status)
    EXECUTE FUNCTION camera_status_as_maintenance_says();

-- Cameras whose status drifted before this migration (LAAC207-02 after order 12772).
SELECT camera_derive_status(NULL);
