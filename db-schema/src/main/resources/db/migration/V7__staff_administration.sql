-- Staff administration from the console. Administrators create accounts, change roles, disable and re-enable them
-- and reset credentials; a staff member who holds a tip-line key grants it to a new colleague. Every change is in the
-- audit chain. Audit rows stay append-only for everyone.
GRANT INSERT ON staff TO ${triageRole};
GRANT UPDATE (display_name, enabled, kem_id, public_key) ON staff TO ${triageRole};
GRANT INSERT, DELETE ON staff_role TO ${triageRole};
GRANT INSERT, DELETE ON key_grant TO ${triageRole};
