-- One row shaped like a filed tip: the same three inserts in one statement, with payloads of the sizes intake
-- stores (an X-Wing wrapped data key of 1,175 bytes, about 1.3 KB of sealed answers, a 32-byte lookup id).
WITH new_tip AS (
    INSERT INTO bench_tip (id, urgency_tier, urgency_rank, child_protection_required, schema_version, receipt_lookup,
                           tipster_public_key)
    VALUES (gen_random_uuid(), 'STANDARD', 2, false, 1, sha256(random()::text::bytea), repeat('k', 1216)::bytea)
    RETURNING id
), new_key AS (
    INSERT INTO bench_tip_data_key (tip_id, epoch, wrapped) SELECT id, 1, repeat('w', 1175)::bytea FROM new_tip
)
INSERT INTO bench_tip_content (tip_id, field, sealed) SELECT id, 'answers', repeat('s', 1300)::bytea FROM new_tip;
