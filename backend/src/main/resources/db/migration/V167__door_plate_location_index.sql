-- Where two roads meet, the door plates recorded are the ones nearest the ends of the shortest line between the
-- roads: found among the nearest door plates by this index (one probe) rather than by measuring every door plate
-- of the road (hundreds per road section, 100,000s per run of address matching).
CREATE INDEX door_plate_location_gix ON door_plate USING gist (location);
