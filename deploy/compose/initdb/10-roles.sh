#!/bin/sh
# First start of the database only: create the two application roles with their passwords (deploy/sql/roles.sql).
set -eu
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" \
  -v intake_password="$(cat /run/secrets/TIPLINE_INTAKE_DB_PASSWORD)" \
  -v triage_password="$(cat /run/secrets/TIPLINE_TRIAGE_DB_PASSWORD)" \
  -f /tipline/roles.sql
