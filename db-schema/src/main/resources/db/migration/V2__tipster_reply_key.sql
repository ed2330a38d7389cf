-- The public half of the tipster's receipt-derived key pair: staff seal replies to it, and only someone holding
-- the receipt can open them. Tips filed before this column existed have no reply key.
ALTER TABLE tip ADD COLUMN tipster_public_key bytea;
