-- What changed, for the live updates of the web map (GET /api/events, Server-Sent Events). Each
-- row is written in the transaction of the change it describes, so it exists only if the change
-- committed; its id is the SSE event id a reconnecting browser sends back as Last-Event-ID.
-- Ids are taken just before commit under one advisory lock (ChangeEvents), so they grow in commit
-- order and "every event after id n" misses none. Rows are kept a few days, then pruned.
SET search_path = zonegis, public;

CREATE TABLE change_event (
	id bigserial PRIMARY KEY,
	type text NOT NULL CHECK (type ~ '^[a-z_]+(\.[a-z_]+)*$'),
	subject_id bigint NOT NULL,
	data jsonb NOT NULL,
	actor text NOT NULL,
	-- Who hears it: holders of these roles, and the members of this crew.
	audience_roles text[] NOT NULL,
	audience_crew bigint,
	created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX change_event_created_idx ON change_event (created_at);
