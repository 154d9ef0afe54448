-- A run of address matching writes 100,000 matches at once; the foreign keys to door_plate checked (and share-locked)
-- a door plate per row, a third of the run's time. The matches' door plates come from the run's own joins, and a
-- run and a dataset's removal never overlap (both take the matching lock, AddressMatching and Gazetteers), so the
-- rows keep their ON DELETE SET NULL by a statement trigger instead: one join per removal, where the per-row action
-- searched address_match once for every door plate removed.
ALTER TABLE address_match DROP CONSTRAINT address_match_door_plate_id_fkey;
ALTER TABLE address_match DROP CONSTRAINT address_match_door_plate2_id_fkey;

CREATE FUNCTION address_match_door_plates_removed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE address_match m SET door_plate_id = NULL WHERE m.door_plate_id IN (SELECT id FROM removed);
    UPDATE address_match m SET door_plate2_id = NULL WHERE m.door_plate2_id IN (SELECT id FROM removed);
    RETURN NULL;
END
$$;

CREATE TRIGGER door_plate_removed AFTER DELETE ON door_plate REFERENCING OLD TABLE AS removed
    FOR EACH STATEMENT EXECUTE FUNCTION address_match_door_plates_removed();
