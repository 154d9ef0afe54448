-- A canvass reads, for each of up to a few thousand cameras, its outages that touch a time window
-- (started_at <= window end, ended_at after its start or still open). With ended_at in the index that is an
-- index-only scan instead of a heap visit per outage (about 10 per camera over two years). Same key as before,
-- so OutageHistory's "latest outage before T" keeps using it.
DROP INDEX outage_camera_started_idx;
CREATE INDEX outage_camera_started_idx ON outage (camera_id, started_at DESC) INCLUDE (ended_at);
