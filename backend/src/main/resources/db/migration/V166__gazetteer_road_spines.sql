-- Where two roads meet is found between their spines, not between all their door plates: per road section, the
-- lines through each side's door plates in house-number order (main road only, simplified to about 5 m), which
-- cross where the roads cross. Comparing a few vertices per road instead of every pair of door plates makes an
-- intersection a matter of microseconds. A road with fewer than two door plates on each side keeps its points.
ALTER TABLE gazetteer_road ADD COLUMN spine geometry(Geometry, 4326);

UPDATE gazetteer_road r SET spine = s.spine
  FROM (SELECT dataset_id, city, district, road_key,
               CASE WHEN odd IS NOT NULL AND even IS NOT NULL THEN ST_Collect(odd, even) ELSE coalesce(odd, even) END AS spine
          FROM (SELECT dataset_id, city, district, road_key,
                       CASE WHEN count(*) FILTER (WHERE lane = 0 AND alley = 0 AND parity = 1) >= 2 THEN ST_Simplify(
                         ST_MakeLine(location ORDER BY number, sub) FILTER (WHERE lane = 0 AND alley = 0 AND parity = 1), 0.00005) END AS odd,
                       CASE WHEN count(*) FILTER (WHERE lane = 0 AND alley = 0 AND parity = 0) >= 2 THEN ST_Simplify(
                         ST_MakeLine(location ORDER BY number, sub) FILTER (WHERE lane = 0 AND alley = 0 AND parity = 0), 0.00005) END AS even
                  FROM door_plate GROUP BY dataset_id, city, district, road_key) g) s
 WHERE r.dataset_id = s.dataset_id AND r.city = s.city AND r.district = s.district AND r.road_key = s.road_key;
UPDATE gazetteer_road SET spine = points WHERE spine IS NULL;
ALTER TABLE gazetteer_road ALTER COLUMN spine SET NOT NULL;
