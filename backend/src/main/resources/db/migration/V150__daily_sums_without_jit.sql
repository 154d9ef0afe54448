-- The kept-sums triggers (V140) run short dynamic statements over transition tables whose size the planner does
-- not know, so their estimates pass jit_above_cost and PostgreSQL compiled them: 850 ms of a 960 ms update of 2,000
-- outages on a million cameras went to JIT compilation (106 ms without). Off for these functions, whatever the
-- session says (the application's own connections have it off as well).
ALTER FUNCTION daily_sum_cameras() SET jit = off;
ALTER FUNCTION daily_sum_outages() SET jit = off;
ALTER FUNCTION daily_sum_orders() SET jit = off;
ALTER FUNCTION daily_sum_fold() SET jit = off;
