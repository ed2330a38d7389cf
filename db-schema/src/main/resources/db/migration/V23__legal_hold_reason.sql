-- A legal hold says why: the reason or case number the supervisor gave (a court order, a police case number), shown
-- where holds are listed and written into the audit entry. Cleared when the hold is released. Never tip content.
ALTER TABLE tip
    ADD COLUMN legal_hold_reason text CHECK (char_length(legal_hold_reason) <= 200);
