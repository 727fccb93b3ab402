-- The registers the half-year report needs beside land, assets and work orders:
-- buildings and their certificates (未办证台账), the self-built house survey (自建房排查), entry
-- reviews of the chemical park (入园审查), the catalogue of municipal work kinds with the quantities
-- recorded on work orders, and enterprise inspections by kind (安全生产、环保检查).
SET search_path = zonegis, public;

-- A certificate is none, applying, issued or cancelled; an issued or cancelled one has its number and date.
CREATE TABLE building (
	id bigserial PRIMARY KEY,
	code text NOT NULL UNIQUE,
	name text NOT NULL,
	enterprise_id bigint NOT NULL REFERENCES enterprise (id),
	parcel_id bigint REFERENCES parcel (id),
	floors integer NOT NULL CHECK (floors > 0),
	floor_area_m2 numeric(12,2) NOT NULL CHECK (floor_area_m2 > 0),
	land_cert_state text NOT NULL DEFAULT 'none' CHECK (land_cert_state IN ('none','applying','issued','cancelled')),
	land_cert_no text,
	land_cert_on date,
	property_cert_state text NOT NULL DEFAULT 'none' CHECK (property_cert_state IN ('none','applying','issued','cancelled')),
	property_cert_no text,
	property_cert_on date,
	missing_reason text,
	surveyed_on date NOT NULL,
	geom geometry(MultiPolygon,4490) NOT NULL CHECK (ST_IsValid(geom)),
	version integer NOT NULL DEFAULT 1,
	created_at timestamptz NOT NULL DEFAULT now(),
	created_by text NOT NULL,
	updated_at timestamptz NOT NULL DEFAULT now(),
	updated_by text NOT NULL,
	CHECK (land_cert_state = ANY (ARRAY['none','applying']) OR (land_cert_no IS NOT NULL AND land_cert_on IS NOT NULL)),
	CHECK (property_cert_state = ANY (ARRAY['none','applying']) OR (property_cert_no IS NOT NULL AND property_cert_on IS NOT NULL))
);
CREATE INDEX building_geom_idx ON building USING gist (geom);
CREATE INDEX building_enterprise_idx ON building (enterprise_id);

-- 自建房排查: one surveyed house; 经营性 when it is let or used for business.
CREATE TABLE self_built_house (
	id bigserial PRIMARY KEY,
	code text NOT NULL UNIQUE,
	address text NOT NULL,
	owner text,
	floors integer NOT NULL CHECK (floors > 0),
	operating boolean NOT NULL DEFAULT false,
	business text,
	hazard boolean NOT NULL DEFAULT false,
	hazard_note text,
	appraisal_state text NOT NULL DEFAULT 'none' CHECK (appraisal_state IN ('none','commissioned','done')),
	appraisal_grade text CHECK (appraisal_grade IN ('A','B','C','D')),
	appraised_on date,
	rectification text,
	surveyed_on date NOT NULL,
	geom geometry(Point,4490) NOT NULL,
	version integer NOT NULL DEFAULT 1,
	created_at timestamptz NOT NULL DEFAULT now(),
	created_by text NOT NULL,
	updated_at timestamptz NOT NULL DEFAULT now(),
	updated_by text NOT NULL,
	CHECK ((appraisal_state = 'done') = (appraisal_grade IS NOT NULL AND appraised_on IS NOT NULL))
);
CREATE INDEX self_built_house_geom_idx ON self_built_house USING gist (geom);

-- 入园审查: an application to enter a chemical park sub-zone and the review's opinion.
CREATE TABLE park_entry_review (
	id bigserial PRIMARY KEY,
	code text NOT NULL UNIQUE,
	project_name text NOT NULL,
	applicant text NOT NULL,
	zone_id bigint NOT NULL REFERENCES expansion_zone (id),
	submitted_on date NOT NULL,
	outcome text NOT NULL DEFAULT 'pending' CHECK (outcome IN ('pending','approved','conditional','refused')),
	opinion text,
	opinion_on date,
	geom geometry(Point,4490) NOT NULL,
	version integer NOT NULL DEFAULT 1,
	created_at timestamptz NOT NULL DEFAULT now(),
	created_by text NOT NULL,
	updated_at timestamptz NOT NULL DEFAULT now(),
	updated_by text NOT NULL,
	CHECK ((outcome = 'pending') = (opinion_on IS NULL))
);
CREATE INDEX park_entry_review_geom_idx ON park_entry_review USING gist (geom);

-- The municipal work the report counts, each in its unit. Data, not code: a new kind is a row.
CREATE TABLE work_kind (
	code text PRIMARY KEY CHECK (code ~ '^[a-z][a-z_]*$'),
	category text NOT NULL CHECK (category IN ('pipes','roads','greening','lighting','upkeep')),
	name_zh text NOT NULL,
	name_en text NOT NULL,
	unit text NOT NULL,
	position integer NOT NULL UNIQUE
);
INSERT INTO work_kind (code, category, name_zh, name_en, unit, position) VALUES
	('pipe_laid', 'pipes', '安装雨污管道', 'Rain and sewage pipe laid', 'm', 1),
	('wells_built', 'pipes', '砌筑雨、污水井', 'Rain and sewage wells built', '个', 2),
	('rain_inlets_built', 'pipes', '雨水收集井', 'Rain inlets built', '个', 3),
	('road_hardened', 'roads', '硬化路面', 'Road surface hardened', 'm2', 4),
	('base_course_laid', 'roads', '摊铺水稳层', 'Cement-stabilised base course laid', 'm2', 5),
	('asphalt_laid', 'roads', '摊铺沥青', 'Asphalt laid', 'm2', 6),
	('kerb_installed', 'roads', '安装路边石', 'Kerb installed', 'm', 7),
	('retaining_wall_built', 'roads', '砌筑挡土墙', 'Retaining wall built', 'm3', 8),
	('road_cracks_sealed', 'roads', '道路割缝及修补', 'Road cracks cut and sealed', 'm2', 9),
	('green_maintained', 'greening', '日常养护绿地', 'Green space maintained', 'm2', 10),
	('trees_transplanted', 'greening', '移植苗木', 'Trees transplanted', '株', 11),
	('hedge_planted', 'greening', '栽植绿篱', 'Hedge planted', 'm2', 12),
	('plants_replanted', 'greening', '补植绿植', 'Plants replanted', '株', 13),
	('street_trees_planted', 'greening', '栽植行道树', 'Street trees planted', '株', 14),
	('cable_faults_repaired', 'lighting', '维修烧坏电缆', 'Burnt cable repaired', '处', 15),
	('cable_replaced', 'lighting', '更换电缆', 'Cable replaced', 'm', 16),
	('lamps_installed', 'lighting', '安装路灯', 'Streetlights installed', '盏', 17),
	('cable_laid', 'lighting', '铺设电缆', 'Cable laid', 'm', 18),
	('wells_repaired', 'upkeep', '整修雨污水井', 'Rain and sewage wells repaired', '处', 19),
	('covers_repaired', 'upkeep', '整修井盖', 'Well covers repaired', '处', 20),
	('rain_inlets_cleared', 'upkeep', '清理雨水井', 'Rain inlets cleared', '个', 21),
	('pipes_dredged', 'upkeep', '疏通雨污管道', 'Rain and sewage pipes dredged', 'm', 22),
	('sewage_hauled', 'upkeep', '清运污水', 'Sewage hauled', 'm3', 23),
	('retaining_wall_repaired', 'upkeep', '修复挡土墙', 'Retaining wall repaired', 'm3', 24),
	('kerb_repaired', 'upkeep', '整修路边石', 'Kerb repaired', 'm', 25),
	('refuse_hauled', 'upkeep', '清运生活垃圾', 'Household refuse hauled', 't', 26),
	('dust_water_sprayed', 'upkeep', '洒水降尘', 'Water sprayed against dust', 'm3', 27),
	('railings_cleaned', 'upkeep', '清刷护栏', 'Railings cleaned', 'km', 28);

-- The work one order did, by kind of the catalogue; counted when the order is closed.
CREATE TABLE work_quantity (
	id bigserial PRIMARY KEY,
	work_order_id bigint NOT NULL REFERENCES work_order (id) ON DELETE CASCADE,
	work_kind text NOT NULL REFERENCES work_kind (code),
	amount numeric(12,2) NOT NULL CHECK (amount > 0),
	UNIQUE (work_order_id, work_kind)
);

-- Enterprise inspections (安全生产、环保检查) are work orders of kind inspection: their kind, the
-- first inspection a re-inspection (复查) follows up, and findings put right while the inspector
-- was there (立即整改), which still need verifying before the inspection closes.
ALTER TABLE work_order ADD COLUMN inspection_kind text
	CHECK (inspection_kind IN ('safety','environmental','fire','dust','heating_stove','hazardous_waste'));
ALTER TABLE work_order ADD COLUMN reinspection_of bigint REFERENCES work_order (id);
ALTER TABLE work_order ADD COLUMN rectified_on_spot boolean NOT NULL DEFAULT false;
ALTER TABLE work_order ADD CONSTRAINT work_order_inspection_only
	CHECK ((inspection_kind IS NULL AND reinspection_of IS NULL) OR kind = 'inspection');
