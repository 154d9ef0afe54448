-- Cases solved per day and precinct, and those with footage contributing (issue 12): the half-year report adds a
-- few hundred day rows instead of checking every solved case of the period for a useful footage request (2-5 s on
-- the million-camera benchmark's 470,000 cases a half year).
--
-- solved_case_counted holds what each SOLVED case last added to solved_case_day (its closing day in the city's
-- zone, its precinct, whether footage contributed). Statement-level triggers on investigation_case and
-- footage_request queue the cases a statement touched in solved_case_dirty (one insert per statement; a statement
-- over 50,000 rows queues one NULL: rebuild everything). The investigation module folds the queue before it reads
-- (io.watchkeeper.investigation.SolvedCaseSums): take the queued cases' old contribution out, put their new one in.
-- The days are cut in the zone kept in solved_case_setting; a different configured zone rebuilds the sums.

CREATE TABLE solved_case_day (
    day           date    NOT NULL,
    precinct_id   bigint,
    solved        integer NOT NULL,
    with_footage  integer NOT NULL
);
CREATE UNIQUE INDEX solved_case_day_key ON solved_case_day (day, precinct_id) NULLS NOT DISTINCT;

CREATE TABLE solved_case_counted (
    case_id      bigint  PRIMARY KEY,
    day          date    NOT NULL,
    precinct_id  bigint,
    footage      boolean NOT NULL
);

-- No key: duplicates are cheap to insert and dropped when folded; NULL asks for a rebuild.
CREATE TABLE solved_case_dirty (
    case_id  bigint
);

CREATE TABLE solved_case_setting (
    id    boolean PRIMARY KEY DEFAULT true CHECK (id),
    zone  text    NOT NULL
);
-- The first reader fills the sums.
INSERT INTO solved_case_setting (zone) VALUES ('');
INSERT INTO solved_case_dirty (case_id) VALUES (NULL);

CREATE FUNCTION solved_case_dirty_cases() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF (SELECT count(*) FROM changed) > 50000 THEN
        INSERT INTO solved_case_dirty (case_id) VALUES (NULL);
    ELSE
        INSERT INTO solved_case_dirty (case_id) SELECT id FROM changed;
    END IF;
    RETURN NULL;
END $$;

CREATE FUNCTION solved_case_dirty_requests() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF (SELECT count(*) FROM changed) > 50000 THEN
        INSERT INTO solved_case_dirty (case_id) VALUES (NULL);
    ELSE
        INSERT INTO solved_case_dirty (case_id) SELECT DISTINCT case_id FROM changed;
    END IF;
    RETURN NULL;
END $$;

CREATE TRIGGER investigation_case_sums_insert AFTER INSERT ON investigation_case REFERENCING NEW TABLE AS changed
    FOR EACH STATEMENT EXECUTE FUNCTION solved_case_dirty_cases();
CREATE TRIGGER investigation_case_sums_update AFTER UPDATE ON investigation_case REFERENCING NEW TABLE AS changed
    FOR EACH STATEMENT EXECUTE FUNCTION solved_case_dirty_cases();
CREATE TRIGGER investigation_case_sums_delete AFTER DELETE ON investigation_case REFERENCING OLD TABLE AS changed
    FOR EACH STATEMENT EXECUTE FUNCTION solved_case_dirty_cases();
CREATE TRIGGER footage_request_sums_insert AFTER INSERT ON footage_request REFERENCING NEW TABLE AS changed
    FOR EACH STATEMENT EXECUTE FUNCTION solved_case_dirty_requests();
CREATE TRIGGER footage_request_sums_update AFTER UPDATE ON footage_request REFERENCING NEW TABLE AS changed
    FOR EACH STATEMENT EXECUTE FUNCTION solved_case_dirty_requests();
CREATE TRIGGER footage_request_sums_delete AFTER DELETE ON footage_request REFERENCING OLD TABLE AS changed
    FOR EACH STATEMENT EXECUTE FUNCTION solved_case_dirty_requests();
