-- PostgreSQL only (see db/migration/postgresql/V190): H2 has no partial index, its unique constraint stays. Kept so
-- that both databases share the version numbers.
SELECT 1;
