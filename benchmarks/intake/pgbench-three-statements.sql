-- The shape intake stores a tip in: the same three inserts in one statement (SealedTip.INSERT), with payloads of the
-- sizes run.sh measured on the tips filed in the same run (-D key=, wrapped=, sealed=). Storage is EXTERNAL: the
-- payloads are repeated letters, which PostgreSQL would otherwise compress to almost nothing, unlike sealed bytes.
WITH new_tip AS (
    INSERT INTO bench_tip (id, urgency_tier, urgency_rank, child_protection_required, place_type, schema_version,
                           receipt_lookup, tipster_public_key)
    VALUES (gen_random_uuid(), 'STANDARD', 2, false, 'massage-parlor', 1, sha256(random()::text::bytea),
            repeat('k', :key)::bytea)
    RETURNING id
), new_key AS (
    INSERT INTO bench_tip_data_key (tip_id, epoch, wrapped) SELECT id, 1, repeat('w', :wrapped)::bytea FROM new_tip
)
INSERT INTO bench_tip_content (tip_id, field, sealed) SELECT id, 'answers', repeat('s', :sealed)::bytea FROM new_tip;
