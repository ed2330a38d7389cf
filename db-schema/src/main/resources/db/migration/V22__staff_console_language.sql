-- Issue 17 item 2: each staff member's console language (ADR 26). Empty until they choose one; the console then
-- follows the browser's Accept-Language. Only a language code, checked against the seeds' languages by triage.
ALTER TABLE staff
    ADD COLUMN language text CHECK (language ~ '^[a-z]{2,3}$');

GRANT UPDATE (language) ON staff TO ${triageRole};
