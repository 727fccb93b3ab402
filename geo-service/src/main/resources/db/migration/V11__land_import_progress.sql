-- How far each running import is, for the import dialog's progress bar. Written outside the import's
-- transaction so that any instance can answer a poll; unlogged, since it is worth nothing after a crash.
CREATE UNLOGGED TABLE import_progress (
	id text PRIMARY KEY,
	username text NOT NULL,
	stage text NOT NULL,
	done integer,
	total integer,
	updated_at timestamptz NOT NULL DEFAULT now()
);
