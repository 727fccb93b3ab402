-- The work a new asset stands for, counted beside the work recorded on closed orders: a pipe or
-- cable entered in the period as its length in metres, a well or streetlight as one. Which asset
-- table (and which of its kinds) a work kind counts is data, like the catalogue itself.
SET search_path = zonegis, public;

ALTER TABLE work_kind ADD COLUMN asset_table text CHECK (asset_table IN ('pipe','well','streetlight','cable'));
ALTER TABLE work_kind ADD COLUMN asset_kinds text[] CHECK (asset_kinds IS NULL OR asset_table IS NOT NULL);

UPDATE work_kind SET asset_table = 'pipe', asset_kinds = ARRAY['rain','sewage'] WHERE code = 'pipe_laid';
UPDATE work_kind SET asset_table = 'well', asset_kinds = ARRAY['rain','sewage'] WHERE code = 'wells_built';
UPDATE work_kind SET asset_table = 'streetlight' WHERE code = 'lamps_installed';
UPDATE work_kind SET asset_table = 'cable' WHERE code = 'cable_laid';
