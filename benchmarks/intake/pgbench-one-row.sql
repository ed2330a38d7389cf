-- The floor for storing a tip: one row holding as many bytes as a filed tip's three rows together (-D total=, measured
-- by run.sh in the same run), with a primary key and a unique lookup id as the tip table has. Storage is EXTERNAL, as
-- for the three-statement script.
INSERT INTO bench_one_row (id, receipt_lookup, body)
VALUES (gen_random_uuid(), sha256(random()::text::bytea), repeat('t', :total)::bytea);
