-- How a tip reached us. Intake files web tips and never names a channel, so the default keeps its INSERT unchanged;
-- coordinators enter what a caller or visitor reports, and the console names the channel (ADR 22).
ALTER TABLE tip ADD COLUMN channel text NOT NULL DEFAULT 'web'
    CHECK (channel IN ('web', 'phone', 'walk-in', 'other'));

-- Staff-entered tips are sealed in the console exactly as intake seals them and stored with the same statement.
GRANT INSERT ON tip, tip_data_key, tip_content TO ${triageRole};
