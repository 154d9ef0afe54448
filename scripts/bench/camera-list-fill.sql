-- Fills an empty Watchkeeper database with a believable Kaohsiung camera fleet for the camera-list benchmark,
-- set-based (one statement per table, indexes rebuilt once at the end). Stand-in for scripts/generate-demo
-- until that is available. Expects precincts and districts to be loaded.  psql -v cameras=1000000 -f ...
\set ON_ERROR_STOP on
SET max_parallel_workers_per_gather = 0;
SET maintenance_work_mem = '256MB';
SET work_mem = '64MB';
SELECT setseed(0.20230630);

BEGIN;

INSERT INTO funding_source (code, kind, name_zh, name_en, sponsor, fiscal_year, amount_ntd) VALUES
  ('CITY-2015', 'CITY_BUDGET', '104年度市府監錄系統預算', 'City CCTV budget 2015', '高雄市政府', 2015, 45000000),
  ('CITY-2019', 'CITY_BUDGET', '108年度市府監錄系統預算', 'City CCTV budget 2019', '高雄市政府', 2019, 38000000),
  ('CITY-2023', 'CITY_BUDGET', '112年度汰換預算', 'Replacement budget 2023', '高雄市政府', 2023, 39955000),
  ('CENTRAL-2023', 'CENTRAL_SUBSIDY', '中央補助監錄系統', 'Central government subsidy', '內政部警政署', 2023, 20526000),
  ('TPC-HUNEI-2022', 'SOE_COMMUNITY_FUND', '台電促協金（茄萣）', 'Taipower community fund (Qieding)', '台灣電力公司', 2022, 3500000),
  ('TPC-GANGSHAN-2022', 'SOE_COMMUNITY_FUND', '台電促協金（永安）', 'Taipower community fund (Yong''an)', '台灣電力公司', 2022, 5000000),
  ('DONATION-2018', 'DONATION', '地方仕紳捐贈', 'Local donation', '社區發展協會', 2018, 1200000)
ON CONFLICT (code) DO NOTHING;

INSERT INTO procurement_project (code, name_zh, name_en, purpose, fiscal_year, budget_ntd, planned_camera_count, awarded_on, started_on, completion_due_on) VALUES
  ('P2023-REPL', '112年度監錄系統汰換案', '2023 replacement project', 'REPLACEMENT', 2023, 49955000, 530, DATE '2023-03-30', DATE '2023-04-21', DATE '2023-12-31'),
  ('P2023-NEW', '112年度新設監錄系統案', '2023 new installations', 'NEW_INSTALLATION', 2023, 30000000, 300, NULL, NULL, NULL),
  ('P2023-LPR', '中央補助車牌辨識案', 'Central subsidy LPR upgrade', 'LPR_UPGRADE', 2023, 20526000, 219, NULL, NULL, NULL),
  ('P2019-NEW', '108年度新設監錄系統案', '2019 new installations', 'NEW_INSTALLATION', 2019, 38000000, 2000, DATE '2019-04-01', DATE '2019-05-01', DATE '2019-12-31')
ON CONFLICT (code) DO NOTHING;

-- Cameras follow people: each district's share is its population (thousands, 2023, rounded).
CREATE TEMP TABLE bench_population (name_en text PRIMARY KEY, thousands int);
INSERT INTO bench_population VALUES
  ('Fengshan', 350), ('Sanmin', 330), ('Zuoying', 200), ('Nanzi', 190), ('Qianzhen', 180), ('Lingya', 170),
  ('Xiaogang', 155), ('Gushan', 140), ('Daliao', 110), ('Gangshan', 97), ('Renwu', 95), ('Linyuan', 68),
  ('Luzhu', 52), ('Xinxing', 50), ('Niaosong', 44), ('Dashu', 42), ('Meinong', 38), ('Qiaotou', 38), ('Ziguan', 37),
  ('Qishan', 35), ('Dashe', 34), ('Hunei', 29), ('Qieding', 29), ('Yanchao', 29), ('Alian', 28), ('Qijin', 28),
  ('Qianjin', 25), ('Yancheng', 22), ('Mituo', 19), ('Yong''an', 14), ('Neimen', 14), ('Liugui', 12),
  ('Shanlin', 11), ('Tianliao', 6), ('Jiaxian', 6), ('Taoyuan', 4), ('Namaxia', 3), ('Maolin', 2);

CREATE TEMP TABLE bench_district AS
SELECT d.id, d.name_zh, (row_number() OVER (ORDER BY d.code) - 1)::int AS idx, d.boundary,
       coalesce(p.thousands, 10)::float8 / sum(coalesce(p.thousands, 10)) OVER () AS share
  FROM district d LEFT JOIN bench_population p ON p.name_en = d.name_en;

CREATE TEMP TABLE bench_road (n int, name text);
INSERT INTO bench_road SELECT row_number() OVER (), r FROM unnest(ARRAY[
  '中山一路','中山二路','中山三路','中山四路','中正一路','中正二路','中正三路','中正四路','民族一路','民族二路',
  '博愛一路','博愛二路','博愛三路','九如一路','九如二路','九如三路','建國一路','建國二路','建國三路','自由一路',
  '自由二路','七賢一路','七賢二路','五福一路','五福二路','五福三路','成功一路','成功二路','三多一路','三多二路',
  '三多三路','三多四路','青年一路','青年二路','光華一路','光華二路','河堤路','大順一路','大順二路','大順三路',
  '澄清路','鼎山街','覺民路','文化路','光遠路','維新路','明誠一路','明誠二路','裕誠路','華夏路',
  '民權一路','民權二路','四維一路','四維二路','四維三路','英明路','凱旋一路','凱旋二路','凱旋三路','一心一路',
  '二聖一路','沿海一路','沿海二路','鳳頂路','鳳仁路','大中一路','大中二路','德賢路','後昌路','楠梓新路',
  '岡山路','介壽路','中華路','仁愛路','信義路','和平路','復興路','勝利路','民生路','公園路'
]) r;

-- Poles: points inside each district, numbered per district (KAB00012 = district AB, pole 12).
CREATE TEMP TABLE bench_site AS
SELECT format('K%s%s%s', chr(65 + d.idx / 26), chr(65 + d.idx % 26), lpad(row_number() OVER (PARTITION BY d.id)::text, 5, '0')) AS code,
       d.id AS district_id, d.name_zh AS district_name, p.geom AS location,
       (SELECT name FROM bench_road WHERE n = 1 + (abs(hashint8(p.path[1]::bigint * 7919 + d.idx)) % 80)) AS road,
       (SELECT name FROM bench_road WHERE n = 1 + (abs(hashint8(p.path[1]::bigint * 104729 + d.idx)) % 80)) AS cross_road,
       random() AS r,
       1 + (CASE WHEN random() < 0.3 THEN 0 WHEN random() < 0.57 THEN 1 ELSE 2 END) AS cameras
  FROM bench_district d,
       LATERAL ST_Dump(ST_GeneratePoints(d.boundary, greatest(5, ceil(d.share * :cameras / 2.0 * 1.05))::int, 20230630 + d.idx::int)) p;

-- Keep only as many poles as the wanted number of cameras needs.
DELETE FROM bench_site b USING (SELECT code, sum(cameras) OVER (ORDER BY r, code) - cameras AS before FROM bench_site) t
 WHERE t.code = b.code AND t.before >= :cameras;

INSERT INTO site (code, address, location)
SELECT code,
       CASE WHEN r < 0.35 THEN road || '/' || cross_road || '口'
            ELSE '高雄市' || district_name || road || (1 + floor(random() * 600))::int || '號' END,
       location
  FROM bench_site;

CREATE TEMP TABLE bench_site_area AS
SELECT s.id, s.code, s.address, s.location, b.district_id,
       (SELECT p.id FROM precinct p WHERE ST_Intersects(p.boundary, s.location) ORDER BY p.id LIMIT 1) AS precinct_id,
       b.cameras
  FROM site s JOIN bench_site b ON b.code = s.code;

CREATE TEMP TABLE bench_saved_index AS
SELECT i.indexrelid::regclass::text AS name, pg_get_indexdef(i.indexrelid) AS def
  FROM pg_index i
 WHERE i.indrelid = 'camera'::regclass AND NOT i.indisprimary
   AND NOT EXISTS (SELECT FROM pg_constraint c WHERE c.conindid = i.indexrelid);
DO $$ DECLARE r record; BEGIN
  FOR r IN SELECT name FROM bench_saved_index LOOP EXECUTE 'DROP INDEX ' || r.name; END LOOP;
END $$;

INSERT INTO camera (asset_tag, site_id, site_index, location, address, precinct_id, district_id, heading_deg, fov_deg,
                    range_m, install_date, service_life_years, warranty_end, lpr, make, model, status,
                    funding_source_id, project_id, decommissioned_on, decommission_reason, created_at, updated_at)
SELECT x.code || '-' || lpad(x.k::text, 2, '0'), x.id, x.k,
       CASE WHEN x.placed THEN x.location END, x.address, x.precinct_id, x.district_id,
       floor(x.r1 * 360)::int, 60 + floor(x.r2 * 50)::int, 30 + floor(x.r3 * 120)::int,
       x.installed, 8, x.installed + (CASE WHEN x.r4 < 0.5 THEN 2 ELSE 3 END) * 365,
       CASE WHEN x.rl < 0.035 THEN 'REALTIME_LPR' WHEN x.rl < 0.16 THEN 'LPR' ELSE 'NONE' END,
       (ARRAY['VIVOTEK','AVTECH','Axis','Bosch','Panasonic'])[1 + floor(x.r5 * 5)::int],
       (ARRAY['IB9387-HT','DGM5606','P1455-LE','DINION 5100i','WV-S1536L'])[1 + floor(x.r5 * 5)::int],
       x.status,
       CASE WHEN x.rf < 0.55 THEN CASE WHEN x.installed < DATE '2019-01-01' THEN f.city2015 ELSE f.city2019 END
            WHEN x.rf < 0.60 THEN f.central
            WHEN x.rf < 0.61 THEN f.donation END,
       CASE WHEN x.rf < 0.05 THEN f.p2019
            WHEN x.rf >= 0.55 AND x.rf < 0.60 THEN f.plpr END,
       CASE WHEN x.status = 'DECOMMISSIONED' THEN greatest(x.installed, least(x.installed + 2900, DATE '2025-06-30')) END,
       CASE WHEN x.status = 'DECOMMISSIONED' THEN '逾使用年限汰除' END,
       now(), now()
  FROM (SELECT s.id, s.address, s.location, s.precinct_id, s.district_id, k, random() < 0.995 AS placed, DATE '2012-01-01' + floor(random() * 5100)::int AS installed,
               random() AS rl, random() AS rf, random() AS r1, random() AS r2, random() AS r3, random() AS r4, random() AS r5,
               (ARRAY['ACTIVE','ACTIVE','ACTIVE','ACTIVE','ACTIVE','ACTIVE','ACTIVE','ACTIVE','ACTIVE','ACTIVE','ACTIVE','ACTIVE',
                      'ACTIVE','ACTIVE','ACTIVE','ACTIVE','ACTIVE','FAULTY','FAULTY','PLANNED','DECOMMISSIONED'])[1 + floor(random() * 21)::int] AS status,
               s.code AS code
          FROM bench_site_area s
         CROSS JOIN LATERAL generate_series(1, s.cameras) k) x
 CROSS JOIN (SELECT (SELECT id FROM funding_source WHERE code = 'CITY-2015') AS city2015,
                    (SELECT id FROM funding_source WHERE code = 'CITY-2019') AS city2019,
                    (SELECT id FROM funding_source WHERE code = 'CENTRAL-2023') AS central,
                    (SELECT id FROM funding_source WHERE code = 'DONATION-2018') AS donation,
                    (SELECT id FROM procurement_project WHERE code = 'P2019-NEW') AS p2019,
                    (SELECT id FROM procurement_project WHERE code = 'P2023-LPR') AS plpr) f
 LIMIT :cameras;

DO $$ DECLARE r record; BEGIN
  FOR r IN SELECT def FROM bench_saved_index LOOP EXECUTE r.def; END LOOP;
END $$;

COMMIT;
ANALYZE precinct; ANALYZE district; ANALYZE site; ANALYZE camera;
SELECT count(*) AS cameras, count(DISTINCT site_id) AS sites, count(*) FILTER (WHERE location IS NULL) AS unplaced,
       count(*) FILTER (WHERE lpr <> 'NONE') AS lpr, count(*) FILTER (WHERE end_of_life < current_date) AS past_end_of_life
  FROM camera;
