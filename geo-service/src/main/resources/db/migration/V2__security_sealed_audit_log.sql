-- The audit log is a legal record: once written, no one changes or removes an entry, not even
-- through SQL from the service's own login.
SET search_path = zonegis, public;

CREATE FUNCTION audit_log_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	RAISE EXCEPTION 'audit_log is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END
$$;
CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
	FOR EACH ROW EXECUTE FUNCTION audit_log_refuse_change();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
	FOR EACH STATEMENT EXECUTE FUNCTION audit_log_refuse_change();

-- Queries by user and date (GET /api/audit); by object uses audit_log_entity_idx.
CREATE INDEX audit_log_username_idx ON audit_log (username, at);
