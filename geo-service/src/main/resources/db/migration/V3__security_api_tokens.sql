-- API tokens for GIS clients (QGIS, GDAL, scripts): sent as the HTTP Basic password or as a Bearer
-- token. Only a SHA-256 digest is kept: a token is 256 random bits, so a plain digest cannot be
-- guessed back, and it can be looked up by index on every request (bcrypt could not).
SET search_path = zonegis, public;

CREATE TABLE api_token (
	id bigserial PRIMARY KEY,
	user_id bigint NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
	name text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
	token_sha256 text NOT NULL UNIQUE CHECK (token_sha256 ~ '^[0-9a-f]{64}$'),
	-- The first characters of the token, so its owner can tell tokens apart in a list.
	prefix text NOT NULL,
	created_at timestamptz NOT NULL DEFAULT now(),
	revoked_at timestamptz,
	revoked_by text
);
CREATE INDEX api_token_user_idx ON api_token (user_id);
