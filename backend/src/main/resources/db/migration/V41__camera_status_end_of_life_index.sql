-- Status and end of life together: "faulty cameras reaching end of life in 2024", "in service and past end
-- of life" (the list's lifecycle filters, and the lifecycle planning that follows). Without it PostgreSQL
-- intersects two large bitmaps (a status covers ~100,000 of 1,000,000 cameras, a year ~70,000).
CREATE INDEX camera_status_eol_idx ON camera (status, end_of_life);
