-- ZoneGIS foundation schema. Storage CRS is CGCS2000 geographic (EPSG:4490), lon/lat order.
-- Every editable table carries version (optimistic locking, the ETag) and created/updated by/at.
CREATE EXTENSION IF NOT EXISTS postgis;
CREATE SCHEMA IF NOT EXISTS zonegis;
SET search_path = zonegis, public;

-- security ----------------------------------------------------------------
CREATE TABLE app_user (
	id bigserial PRIMARY KEY,
	username text NOT NULL UNIQUE CHECK (username ~ '^[a-z0-9_.-]{2,40}$'),
	display_name text NOT NULL,
	password_hash text NOT NULL,
	roles text[] NOT NULL CHECK (roles <@ ARRAY['VIEWER','PLANNER','DISPATCHER','CREW','ADMIN']::text[] AND cardinality(roles) > 0),
	crew_id bigint,
	enabled boolean NOT NULL DEFAULT true,
	version integer NOT NULL DEFAULT 1,
	created_at timestamptz NOT NULL DEFAULT now(),
	created_by text NOT NULL DEFAULT 'system',
	updated_at timestamptz NOT NULL DEFAULT now(),
	updated_by text NOT NULL DEFAULT 'system'
);

CREATE TABLE audit_log (
	id bigserial PRIMARY KEY,
	at timestamptz NOT NULL DEFAULT now(),
	username text NOT NULL,
	action text NOT NULL,
	entity text NOT NULL,
	entity_id text,
	detail jsonb
);
CREATE INDEX audit_log_entity_idx ON audit_log (entity, entity_id);
CREATE INDEX audit_log_at_idx ON audit_log (at);

-- land --------------------------------------------------------------------
-- 用地红线: a parcel's red-line boundary and its lifecycle.
CREATE TABLE parcel (
	id bigserial PRIMARY KEY,
	code text NOT NULL UNIQUE,
	name text,
	land_use text,
	land_class_code text,
	holder text,
	status text NOT NULL DEFAULT 'planned'
		CHECK (status IN ('planned','red_line_issued','filed','listed','transferred','recovered','cancelled')),
	status_changed_at timestamptz NOT NULL DEFAULT now(),
	surveyed_area_m2 numeric(14,3),
	note text,
	geom geometry(MultiPolygon,4490) NOT NULL CHECK (ST_IsValid(geom)),
	version integer NOT NULL DEFAULT 1,
	created_at timestamptz NOT NULL DEFAULT now(),
	created_by text NOT NULL,
	updated_at timestamptz NOT NULL DEFAULT now(),
	updated_by text NOT NULL
);
CREATE INDEX parcel_geom_idx ON parcel USING gist (geom);
CREATE INDEX parcel_status_idx ON parcel (status);

-- One row per replaced version of a parcel: valid from its updated_at until valid_to.
CREATE TABLE parcel_history (
	history_id bigserial PRIMARY KEY,
	parcel_id bigint NOT NULL REFERENCES parcel (id) ON DELETE CASCADE,
	version integer NOT NULL,
	code text NOT NULL,
	name text,
	land_use text,
	land_class_code text,
	holder text,
	status text NOT NULL,
	surveyed_area_m2 numeric(14,3),
	note text,
	geom geometry(MultiPolygon,4490) NOT NULL,
	valid_from timestamptz NOT NULL,
	valid_to timestamptz NOT NULL,
	changed_by text NOT NULL,
	replaced_by text NOT NULL,
	UNIQUE (parcel_id, version)
);
CREATE INDEX parcel_history_geom_idx ON parcel_history USING gist (geom);
CREATE INDEX parcel_history_valid_idx ON parcel_history (valid_from, valid_to);

-- 闲置低效用地收回: the parcel's geometry is kept as it was at the moment of recovery.
CREATE TABLE land_recovery (
	id bigserial PRIMARY KEY,
	parcel_id bigint REFERENCES parcel (id),
	parcel_code text NOT NULL,
	former_holder text NOT NULL,
	land_use text NOT NULL CHECK (land_use IN ('industrial','commercial_residential','commercial','residential','public','other')),
	reason text NOT NULL CHECK (reason IN ('idle','low_efficiency','court_ruling','term_expired','other')),
	legal_basis text,
	decision_date date NOT NULL,
	certificate_cancelled boolean NOT NULL DEFAULT false,
	note text,
	geom geometry(MultiPolygon,4490) NOT NULL CHECK (ST_IsValid(geom)),
	version integer NOT NULL DEFAULT 1,
	created_at timestamptz NOT NULL DEFAULT now(),
	created_by text NOT NULL,
	updated_at timestamptz NOT NULL DEFAULT now(),
	updated_by text NOT NULL
);
CREATE INDEX land_recovery_geom_idx ON land_recovery USING gist (geom);
CREATE INDEX land_recovery_decision_idx ON land_recovery (decision_date);

-- 化工园区扩区 / 成片开发
CREATE TABLE expansion_zone (
	id bigserial PRIMARY KEY,
	code text NOT NULL UNIQUE,
	name text NOT NULL,
	kind text NOT NULL CHECK (kind IN ('chemical_park_subzone','contiguous_development')),
	status text NOT NULL CHECK (status IN ('proposed','approved')),
	approved_on date,
	note text,
	geom geometry(MultiPolygon,4490) NOT NULL CHECK (ST_IsValid(geom)),
	version integer NOT NULL DEFAULT 1,
	created_at timestamptz NOT NULL DEFAULT now(),
	created_by text NOT NULL,
	updated_at timestamptz NOT NULL DEFAULT now(),
	updated_by text NOT NULL
);
CREATE INDEX expansion_zone_geom_idx ON expansion_zone USING gist (geom);

CREATE TABLE enterprise (
	id bigserial PRIMARY KEY,
	name text NOT NULL UNIQUE,
	industry text NOT NULL,
	is_chemical boolean NOT NULL DEFAULT false,
	relocation_state text NOT NULL DEFAULT 'none' CHECK (relocation_state IN ('relocate','convert','retain','none')),
	employees integer CHECK (employees >= 0),
	contact text,
	geom geometry(Point,4490) NOT NULL,
	footprint geometry(MultiPolygon,4490) CHECK (footprint IS NULL OR ST_IsValid(footprint)),
	version integer NOT NULL DEFAULT 1,
	created_at timestamptz NOT NULL DEFAULT now(),
	created_by text NOT NULL,
	updated_at timestamptz NOT NULL DEFAULT now(),
	updated_by text NOT NULL
);
CREATE INDEX enterprise_geom_idx ON enterprise USING gist (geom);
CREATE INDEX enterprise_footprint_idx ON enterprise USING gist (footprint);

-- assets ------------------------------------------------------------------
CREATE TABLE road (
	id bigserial PRIMARY KEY,
	name text NOT NULL,
	road_class text NOT NULL CHECK (road_class IN ('arterial','secondary','branch','access')),
	surface text NOT NULL DEFAULT 'asphalt' CHECK (surface IN ('asphalt','concrete','gravel','paver')),
	width_m numeric(6,2) CHECK (width_m > 0),
	geom geometry(MultiLineString,4490) NOT NULL CHECK (ST_IsValid(geom)),
	version integer NOT NULL DEFAULT 1,
	created_at timestamptz NOT NULL DEFAULT now(),
	created_by text NOT NULL,
	updated_at timestamptz NOT NULL DEFAULT now(),
	updated_by text NOT NULL
);
CREATE INDEX road_geom_idx ON road USING gist (geom);

CREATE TABLE well (
	id bigserial PRIMARY KEY,
	code text NOT NULL UNIQUE,
	kind text NOT NULL CHECK (kind IN ('rain','sewage','inspection')),
	cover_state text NOT NULL DEFAULT 'intact' CHECK (cover_state IN ('intact','damaged','missing')),
	depth_m numeric(5,2),
	geom geometry(Point,4490) NOT NULL,
	version integer NOT NULL DEFAULT 1,
	created_at timestamptz NOT NULL DEFAULT now(),
	created_by text NOT NULL,
	updated_at timestamptz NOT NULL DEFAULT now(),
	updated_by text NOT NULL
);
CREATE INDEX well_geom_idx ON well USING gist (geom);

-- A pipe is digitised in its flow direction: first vertex upstream, last vertex downstream.
-- 一企一管: a dedicated pipe belongs to one enterprise.
CREATE TABLE pipe (
	id bigserial PRIMARY KEY,
	code text NOT NULL UNIQUE,
	kind text NOT NULL CHECK (kind IN ('rain','sewage','water','dedicated')),
	enterprise_id bigint REFERENCES enterprise (id),
	diameter_mm integer CHECK (diameter_mm > 0),
	material text,
	upstream_well_id bigint REFERENCES well (id),
	downstream_well_id bigint REFERENCES well (id),
	geom geometry(LineString,4490) NOT NULL CHECK (ST_IsValid(geom)),
	version integer NOT NULL DEFAULT 1,
	created_at timestamptz NOT NULL DEFAULT now(),
	created_by text NOT NULL,
	updated_at timestamptz NOT NULL DEFAULT now(),
	updated_by text NOT NULL,
	CHECK (kind <> 'dedicated' OR enterprise_id IS NOT NULL)
);
CREATE INDEX pipe_geom_idx ON pipe USING gist (geom);

CREATE TABLE cable (
	id bigserial PRIMARY KEY,
	code text NOT NULL UNIQUE,
	circuit text NOT NULL,
	cable_type text,
	state text NOT NULL DEFAULT 'normal' CHECK (state IN ('normal','faulty','under_repair')),
	geom geometry(LineString,4490) NOT NULL CHECK (ST_IsValid(geom)),
	version integer NOT NULL DEFAULT 1,
	created_at timestamptz NOT NULL DEFAULT now(),
	created_by text NOT NULL,
	updated_at timestamptz NOT NULL DEFAULT now(),
	updated_by text NOT NULL
);
CREATE INDEX cable_geom_idx ON cable USING gist (geom);

CREATE TABLE streetlight (
	id bigserial PRIMARY KEY,
	code text NOT NULL UNIQUE,
	circuit text NOT NULL,
	lamp_type text NOT NULL DEFAULT 'led' CHECK (lamp_type IN ('led','sodium','solar')),
	power_w integer CHECK (power_w > 0),
	state text NOT NULL DEFAULT 'normal' CHECK (state IN ('normal','faulty','under_repair','off')),
	geom geometry(Point,4490) NOT NULL,
	version integer NOT NULL DEFAULT 1,
	created_at timestamptz NOT NULL DEFAULT now(),
	created_by text NOT NULL,
	updated_at timestamptz NOT NULL DEFAULT now(),
	updated_by text NOT NULL
);
CREATE INDEX streetlight_geom_idx ON streetlight USING gist (geom);

-- key construction projects -----------------------------------------------
CREATE TABLE project (
	id bigserial PRIMARY KEY,
	name text NOT NULL UNIQUE,
	level text NOT NULL CHECK (level IN ('district','city','province')),
	category text NOT NULL,
	total_investment_wan numeric(14,2) NOT NULL CHECK (total_investment_wan > 0),
	completed_investment_wan numeric(14,2) NOT NULL DEFAULT 0 CHECK (completed_investment_wan >= 0),
	annual_target_wan numeric(14,2),
	start_date date,
	state text NOT NULL CHECK (state IN ('planned','under_construction','basically_completed','in_operation')),
	parcel_codes text[] NOT NULL DEFAULT '{}',
	geom geometry(Point,4490) NOT NULL,
	footprint geometry(MultiPolygon,4490) CHECK (footprint IS NULL OR ST_IsValid(footprint)),
	version integer NOT NULL DEFAULT 1,
	created_at timestamptz NOT NULL DEFAULT now(),
	created_by text NOT NULL,
	updated_at timestamptz NOT NULL DEFAULT now(),
	updated_by text NOT NULL
);
CREATE INDEX project_geom_idx ON project USING gist (geom);

-- maintenance -------------------------------------------------------------
CREATE TABLE crew (
	id bigserial PRIMARY KEY,
	name text NOT NULL UNIQUE,
	skills text[] NOT NULL,
	phone text,
	active boolean NOT NULL DEFAULT true,
	geom geometry(Point,4490) NOT NULL,
	version integer NOT NULL DEFAULT 1,
	created_at timestamptz NOT NULL DEFAULT now(),
	created_by text NOT NULL,
	updated_at timestamptz NOT NULL DEFAULT now(),
	updated_by text NOT NULL
);
ALTER TABLE app_user ADD FOREIGN KEY (crew_id) REFERENCES crew (id);

-- 闭环: new → dispatched → in_progress → completed → verified → closed; rejected sends it back.
CREATE TABLE work_order (
	id bigserial PRIMARY KEY,
	code text NOT NULL UNIQUE,
	kind text NOT NULL CHECK (kind IN ('road_repair','pipe_dredging','well_repair','well_cover','streetlight_repair','cable_repair','greening','inspection','other')),
	priority text NOT NULL DEFAULT 'normal' CHECK (priority IN ('urgent','high','normal','low')),
	state text NOT NULL DEFAULT 'new' CHECK (state IN ('new','dispatched','in_progress','completed','rejected','verified','closed','cancelled')),
	description text NOT NULL,
	asset_type text CHECK (asset_type IN ('road','pipe','well','streetlight','cable')),
	asset_id bigint,
	enterprise_id bigint REFERENCES enterprise (id),
	inspection_id bigint REFERENCES work_order (id),
	crew_id bigint REFERENCES crew (id),
	reported_by text NOT NULL,
	due_at timestamptz NOT NULL,
	quantity numeric(12,2),
	quantity_unit text,
	geom geometry(Point,4490) NOT NULL,
	version integer NOT NULL DEFAULT 1,
	created_at timestamptz NOT NULL DEFAULT now(),
	created_by text NOT NULL,
	updated_at timestamptz NOT NULL DEFAULT now(),
	updated_by text NOT NULL,
	CHECK ((asset_type IS NULL) = (asset_id IS NULL))
);
CREATE INDEX work_order_geom_idx ON work_order USING gist (geom);
CREATE INDEX work_order_state_idx ON work_order (state);
CREATE INDEX work_order_crew_idx ON work_order (crew_id);

CREATE TABLE work_order_event (
	id bigserial PRIMARY KEY,
	work_order_id bigint NOT NULL REFERENCES work_order (id) ON DELETE CASCADE,
	at timestamptz NOT NULL DEFAULT now(),
	by_user text NOT NULL,
	from_state text,
	to_state text NOT NULL,
	note text,
	geom geometry(Point,4490)
);
CREATE INDEX work_order_event_order_idx ON work_order_event (work_order_id, at);
