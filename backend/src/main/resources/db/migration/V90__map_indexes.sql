-- The map (issue 4). Migration numbers V90-V99.
-- The map polls "outages opened since T" every ~15 s: find them by their detection time.
CREATE INDEX outage_detected_idx ON outage (detected_at);
