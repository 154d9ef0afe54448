-- Boundaries cut into small pieces for fast point-in-polygon, and a record of generated demo data sets.

-- A precinct or district boundary has thousands of vertices; ST_Subdivide cuts it into pieces of at most
-- 128 vertices whose bounding boxes hug the shape, so the GiST index answers "which area holds this point"
-- after testing one or two small polygons instead of a whole district. The triggers keep the pieces in step
-- with the boundary whoever writes it (boundary upload, tests, hand-written SQL).
CREATE TABLE precinct_part (
    id           bigserial PRIMARY KEY,
    precinct_id  bigint NOT NULL REFERENCES precinct (id) ON DELETE CASCADE,
    geom         geometry(Polygon, 4326) NOT NULL
);
CREATE INDEX precinct_part_geom_gix ON precinct_part USING gist (geom);
CREATE INDEX precinct_part_precinct_idx ON precinct_part (precinct_id);

CREATE TABLE district_part (
    id           bigserial PRIMARY KEY,
    district_id  bigint NOT NULL REFERENCES district (id) ON DELETE CASCADE,
    geom         geometry(Polygon, 4326) NOT NULL
);
CREATE INDEX district_part_geom_gix ON district_part USING gist (geom);
CREATE INDEX district_part_district_idx ON district_part (district_id);

CREATE FUNCTION precinct_part_refresh() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM precinct_part WHERE precinct_id = NEW.id;
    INSERT INTO precinct_part (precinct_id, geom)
    SELECT NEW.id, d.geom
      FROM ST_Subdivide(NEW.boundary, 128) AS s(geom), ST_Dump(s.geom) AS d
     WHERE ST_GeometryType(d.geom) = 'ST_Polygon';
    RETURN NULL;
END $$;
CREATE TRIGGER precinct_part_sync AFTER INSERT OR UPDATE OF boundary ON precinct
    FOR EACH ROW EXECUTE FUNCTION precinct_part_refresh();

CREATE FUNCTION district_part_refresh() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM district_part WHERE district_id = NEW.id;
    INSERT INTO district_part (district_id, geom)
    SELECT NEW.id, d.geom
      FROM ST_Subdivide(NEW.boundary, 128) AS s(geom), ST_Dump(s.geom) AS d
     WHERE ST_GeometryType(d.geom) = 'ST_Polygon';
    RETURN NULL;
END $$;
CREATE TRIGGER district_part_sync AFTER INSERT OR UPDATE OF boundary ON district
    FOR EACH ROW EXECUTE FUNCTION district_part_refresh();

-- Boundaries written before this migration (none in a fresh database) get their pieces now.
INSERT INTO precinct_part (precinct_id, geom)
SELECT p.id, d.geom FROM precinct p, ST_Subdivide(p.boundary, 128) AS s(geom), ST_Dump(s.geom) AS d
 WHERE ST_GeometryType(d.geom) = 'ST_Polygon';
INSERT INTO district_part (district_id, geom)
SELECT t.id, d.geom FROM district t, ST_Subdivide(t.boundary, 128) AS s(geom), ST_Dump(s.geom) AS d
 WHERE ST_GeometryType(d.geom) = 'ST_Polygon';

-- One row per generated demo fleet: which seed and size made the data in this database, so it can be
-- reproduced, and so a second start knows the demo data is already there.
CREATE TABLE demo_dataset (
    id             bigserial PRIMARY KEY,
    seed           bigint       NOT NULL,
    cameras        integer      NOT NULL,
    sites          integer      NOT NULL,
    generator      varchar(40)  NOT NULL,
    generated_at   timestamptz  NOT NULL DEFAULT now(),
    duration_ms    bigint       NOT NULL
);
