-- Who moved a parcel through its lifecycle, when, and why (用地红线图出具, 组卷, 挂牌, 出让, 收回, 注销).
SET search_path = zonegis, public;

CREATE TABLE parcel_event (
	id bigserial PRIMARY KEY,
	parcel_id bigint NOT NULL REFERENCES parcel (id) ON DELETE CASCADE,
	at timestamptz NOT NULL DEFAULT now(),
	by_user text NOT NULL,
	from_status text NOT NULL,
	to_status text NOT NULL
		CHECK (to_status IN ('planned','red_line_issued','filed','listed','transferred','recovered','cancelled')),
	version integer NOT NULL,
	note text
);
CREATE INDEX parcel_event_parcel_idx ON parcel_event (parcel_id, at);
