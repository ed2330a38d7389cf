-- Application roles for a production PostgreSQL, run once by a database administrator before the first
-- migration. The V1 migration creates these roles only when they are missing (without passwords, which cannot
-- sign in under password authentication), so creating them here first is what gives them passwords.
--
--   psql -v intake_password="$(cat /run/secrets/intake_db_password)" \
--        -v triage_password="$(cat /run/secrets/triage_db_password)" -f deploy/sql/roles.sql
--
-- The owner role that runs migrations (triage-service's spring.flyway.user) needs CREATEROLE only if these
-- roles do not exist yet.
CREATE ROLE tipline_intake LOGIN PASSWORD :'intake_password';
CREATE ROLE tipline_triage LOGIN PASSWORD :'triage_password';
