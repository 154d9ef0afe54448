-- The maintenance contract that looks after a camera on a day, by one rule that routing (io.watchkeeper.maintenance
-- .Routing) and the registry (camera list, page, API, exports) both use: the camera's own contract while it runs,
-- else the contract covering the camera's precinct that day (the lowest id when several do), else none. The stored
-- camera.contract_id is only the camera's own choice; a 2023 contract that has ended is not shown as the camera's
-- contract while its orders go to the 2026 one (issue 9, item 11).
CREATE FUNCTION camera_contract_on(own_contract bigint, precinct bigint, day date) RETURNS bigint
    LANGUAGE sql STABLE PARALLEL SAFE AS $$
    SELECT coalesce(
        (SELECT mc.id FROM maintenance_contract mc
          WHERE mc.id = own_contract AND day BETWEEN mc.starts_on AND mc.ends_on),
        (SELECT mc.id FROM maintenance_contract_precinct mp JOIN maintenance_contract mc ON mc.id = mp.contract_id
          WHERE mp.precinct_id = precinct AND day BETWEEN mc.starts_on AND mc.ends_on
          ORDER BY mc.id LIMIT 1))
$$;

CREATE INDEX IF NOT EXISTS maintenance_contract_precinct_precinct_idx ON maintenance_contract_precinct (precinct_id);
