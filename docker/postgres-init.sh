#!/bin/sh
# Runs once, when the postgres container initialises an empty data directory (mounted into
# /docker-entrypoint-initdb.d by compose.yaml). POSTGRES_USER owns the schema and runs the
# migrations (the one-shot `migrate` service); the API connects as huanjie_api, which is neither
# superuser nor owner: it holds exactly the rights of huanjie_request (row-level security, no
# rights on the account tables), so `reset role` inside a request leaves it where it was.
set -eu
: "${HUANJIE_API_PASSWORD:?set HUANJIE_API_PASSWORD}"
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" \
  --set api_password="$HUANJIE_API_PASSWORD" <<'SQL'
CREATE ROLE huanjie_request NOLOGIN NOINHERIT NOBYPASSRLS;
CREATE ROLE huanjie_api LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS INHERIT
  IN ROLE huanjie_request PASSWORD :'api_password';
SQL
