-- A camera's state, the one rule every page, export and figure shows (issue 11): decommissioned and planned are the
-- registry's status; "in outage" while an outage is open; "faulty" while maintenance has the camera without an open
-- outage (a repair order not yet restored, closed or cancelled); "past end of life" for a camera in service whose
-- service life has ended; otherwise "working". camera.status is kept FAULTY exactly while an outage or a repair
-- order is open (V120), so the state needs the status, whether an outage is open, the end of life and the day.
--
-- Plain SQL and IMMUTABLE, so PostgreSQL inlines it into each query: the caller passes its own test for an open
-- outage (an EXISTS, or a left-joined open outage), and a filter on a state can still be found through the
-- (status, end_of_life) index when the caller adds the state's status (io.watchkeeper.camera.CameraState.where).
CREATE FUNCTION camera_state(status varchar, end_of_life date, open_outage boolean, today date) RETURNS varchar
    LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT CASE WHEN status = 'DECOMMISSIONED' THEN 'DECOMMISSIONED'
                WHEN status = 'PLANNED' THEN 'PLANNED'
                WHEN status = 'FAULTY' AND open_outage THEN 'OUTAGE'
                WHEN status = 'FAULTY' THEN 'FAULTY'
                WHEN end_of_life <= today THEN 'PAST_EOL'
                ELSE 'WORKING' END::varchar
$$;
