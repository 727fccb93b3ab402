-- SAFETY: the safety and environment office (安全生产、环保), who survey self-built houses and
-- inspect enterprises.
SET search_path = zonegis, public;

ALTER TABLE app_user DROP CONSTRAINT app_user_roles_check;
ALTER TABLE app_user ADD CONSTRAINT app_user_roles_check
	CHECK (roles <@ ARRAY['VIEWER','PLANNER','DISPATCHER','CREW','SAFETY','ADMIN']::text[] AND cardinality(roles) > 0);
