-- 用地红线图: every issued red-line drawing, kept as it was issued. A later boundary change never
-- alters one: the parcel needs a new issue. Rows go only with their parcel (a test clean-up; the
-- service never deletes parcels).
SET search_path = zonegis, public;

CREATE TABLE red_line_drawing (
	id bigserial PRIMARY KEY,
	parcel_id bigint NOT NULL REFERENCES parcel (id) ON DELETE CASCADE,
	parcel_version integer NOT NULL,
	drawing_number text NOT NULL,
	pdf bytea NOT NULL,
	sha256 text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
	issued_at timestamptz NOT NULL,
	issued_by text NOT NULL,
	UNIQUE (parcel_id, parcel_version)
);

CREATE FUNCTION red_line_drawing_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	RAISE EXCEPTION 'an issued red-line drawing is never changed: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END
$$;
CREATE TRIGGER red_line_drawing_immutable BEFORE UPDATE ON red_line_drawing
	FOR EACH ROW EXECUTE FUNCTION red_line_drawing_refuse_change();
