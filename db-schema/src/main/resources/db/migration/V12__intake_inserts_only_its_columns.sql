-- The public tier files a tip and nothing else: it may name only the columns a new tip carries. Status, received
-- time, legal hold, labels, assignee, close reason and the rest are decided by their defaults and CHECKs, so a
-- compromised intake cannot file a tip that is already closed, back-dated, held or labelled.
-- A new column intake must write needs its own GRANT INSERT (column) in the migration that adds it.
REVOKE INSERT ON tip, tip_data_key, tip_content FROM ${intakeRole};
GRANT INSERT (id, urgency_tier, urgency_rank, child_protection_required, place_type, schema_version, receipt_lookup,
              tipster_public_key)
    ON tip TO ${intakeRole};
GRANT INSERT (tip_id, epoch, wrapped) ON tip_data_key TO ${intakeRole};
GRANT INSERT (tip_id, field, sealed) ON tip_content TO ${intakeRole};
