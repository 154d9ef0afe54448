-- Police stations (派出所): the units under a precinct that look after its streets (issue 13). A station has a name
-- unique within its precinct and, optionally, a boundary; cameras and users may belong to one.
-- Migration ranges of issue 13: V153 stations (this), V154-V159 stations' follow-ups, V160-V164 import profiles,
-- V165-V172 gazetteer and address matching, V173-V179 placement queue and city set-up.
CREATE TABLE station (
    id           bigserial PRIMARY KEY,
    code         varchar(32)  NOT NULL UNIQUE,
    precinct_id  bigint       NOT NULL REFERENCES precinct (id),
    name_zh      varchar(100) NOT NULL,
    name_en      varchar(100),
    boundary     geometry(MultiPolygon, 4326),
    created_at   timestamptz  NOT NULL DEFAULT now(),
    updated_at   timestamptz  NOT NULL DEFAULT now(),
    CONSTRAINT station_name_in_precinct UNIQUE (precinct_id, name_zh)
);
CREATE INDEX station_boundary_gix ON station USING gist (boundary);

-- Boundaries in small pieces for point in polygon, as for precincts and districts (V30).
CREATE TABLE station_part (
    id          bigserial PRIMARY KEY,
    station_id  bigint NOT NULL REFERENCES station (id) ON DELETE CASCADE,
    geom        geometry(Polygon, 4326) NOT NULL
);
CREATE INDEX station_part_geom_gix ON station_part USING gist (geom);
CREATE INDEX station_part_station_idx ON station_part (station_id);

CREATE FUNCTION station_part_refresh() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM station_part WHERE station_id = NEW.id;
    IF NEW.boundary IS NOT NULL THEN
        INSERT INTO station_part (station_id, geom)
        SELECT NEW.id, d.geom
          FROM ST_Subdivide(NEW.boundary, 128) AS s(geom), ST_Dump(s.geom) AS d
         WHERE ST_GeometryType(d.geom) = 'ST_Polygon';
    END IF;
    RETURN NULL;
END $$;
CREATE TRIGGER station_part_sync AFTER INSERT OR UPDATE OF boundary ON station
    FOR EACH ROW EXECUTE FUNCTION station_part_refresh();

ALTER TABLE camera ADD COLUMN station_id bigint REFERENCES station (id);
CREATE INDEX camera_station_idx ON camera (station_id) WHERE station_id IS NOT NULL;

-- A user may be scoped to a station (its precinct follows from the station).
ALTER TABLE app_user ADD COLUMN station_id bigint REFERENCES station (id);
