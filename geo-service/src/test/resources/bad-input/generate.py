#!/usr/bin/env python3
"""Writes the hostile-input corpus: one JSON file per case under cases/, and the upload files under files/.

Run it again after changing a case below (python3 generate.py); the files it writes are committed.
BadInputCorpusTests sends each case through every target it names and expects a refusal that stores nothing.

A case: description; targets (names BadInputCorpusTests defines, each a method, path and valid body) with
patch (a JSON Merge Patch on that valid body) or body (sent as it is: a string, or a list of strings and
{"$repeat": s, "times": n}); or request (method, path, headers) for a case with its own address; and
expect (status, type, and any problem property that must have that value).
"""
import io, json, os, shutil, urllib.parse, zipfile

HERE = os.path.dirname(os.path.abspath(__file__))
CASES = os.path.join(HERE, 'cases')
FILES = os.path.join(HERE, 'files')

# Free ground no other test draws on: west of TestArea's cells, inside the zone extent.
LON, LAT, D = 121.902, 37.052, 0.002

def pt(x, y):
    return [round(LON + x * D, 7), round(LAT + y * D, 7)]

def ring(*xy):
    return [pt(x, y) for x, y in xy]

SQUARE = ring((0, 0), (1, 0), (1, 1), (0, 1), (0, 0))

def polygon(*rings):
    return {'type': 'Polygon', 'coordinates': list(rings)}

PARCEL_GEOMETRY = ['parcel-create', 'parcel-replace', 'ogc-parcel-create', 'ogc-parcel-replace', 'zone-create',
                   'zone-replace', 'project-create']
FEATURE_SHAPES = ['parcel-create', 'parcel-replace', 'ogc-parcel-create', 'zone-create', 'parcel-check']
JSON_WRITES = ['parcel-create', 'parcel-replace', 'parcel-check', 'ogc-parcel-create', 'ogc-parcel-replace',
               'ogc-parcel-patch', 'zone-create', 'zone-replace', 'enterprise-create', 'road-create', 'road-replace',
               'streetlight-patch', 'ogc-streetlight-create', 'project-create', 'project-replace', 'recover',
               'parcel-transition', 'workorder-create', 'workorder-transition', 'workorder-dispatch', 'split',
               'fault']

cases = {}
uploads = {}

def case(name, description, expect, **spec):
    assert name not in cases, name
    cases[name] = dict(description=description, **spec, expect=expect)

def defect(name, description, geometry, slug, targets=PARCEL_GEOMETRY, status=422):
    case('geometry/' + name, description, {'status': status, 'type': 'invalid-geometry', 'defect': slug},
         targets=targets, patch={'geometry': geometry})

# --- every JTS defect, and the shapes a red line must have -------------------------------------------
defect('bow-tie', 'the outer ring crosses itself like a bow tie',
       polygon(ring((0, 0), (1, 1), (1, 0), (0, 1), (0, 0))), 'self-intersection')
defect('self-intersection-loop', 'the ring loops over its own edge',
       polygon(ring((0, 0), (2, 0), (2, 2), (1, 2), (1, -1), (0, -1), (0, 0))), 'self-intersection')
defect('spike-out', 'a zero-width spike leaves the ring and comes back along itself',
       polygon(ring((0, 0), (1, 0), (1, 1), (1.5, 1.5), (1, 1), (0, 1), (0, 0))), 'self-intersection')
defect('spike-in', 'a zero-width spike runs into the parcel and back',
       polygon(ring((0, 0), (1, 0), (0.5, 0.5), (1, 0), (1, 1), (0, 1), (0, 0))), 'ring-self-intersection')
defect('unclosed-ring', 'the last point does not repeat the first',
       polygon(ring((0, 0), (1, 0), (1, 1), (0, 1))), 'ring-not-closed')
defect('unclosed-hole', 'the hole does not end where it starts',
       polygon(SQUARE, ring((0.2, 0.2), (0.4, 0.2), (0.4, 0.4), (0.2, 0.4))), 'ring-not-closed')
defect('three-points', 'a ring of three points (a triangle not closed back)',
       polygon(ring((0, 0), (1, 0), (1, 1))), 'too-few-points')
defect('two-points', 'a ring of two points', polygon(ring((0, 0), (1, 0))), 'too-few-points')
defect('one-point', 'a ring of a single point', polygon(ring((0, 0))), 'too-few-points')
defect('empty-ring', 'a ring without points', polygon([]), 'too-few-points')
defect('closed-triangle-of-three', 'a closed ring of three points is a line there and back',
       polygon(ring((0, 0), (1, 0), (0, 0))), 'too-few-points')
defect('duplicate-points-only', 'every point of the ring is the same point',
       polygon(ring((0, 0), (0, 0), (0, 0), (0, 0))), 'too-few-points')
defect('collapsed-to-line', 'the ring goes out and back along one line',
       polygon(ring((0, 0), (1, 0), (2, 0), (1, 0), (0, 0))), 'ring-self-intersection')
defect('hole-outside-shell', 'the hole lies beside the outer ring, not inside it',
       polygon(SQUARE, ring((2, 2), (2.5, 2), (2.5, 2.5), (2, 2.5), (2, 2))), 'hole-outside-shell')
defect('hole-crosses-shell', 'the hole sticks out through the outer ring',
       polygon(SQUARE, ring((0.5, 0.5), (1.5, 0.5), (1.5, 0.8), (0.5, 0.8), (0.5, 0.5))), 'rings-cross')
defect('nested-holes', 'one hole lies inside another',
       polygon(ring((0, 0), (3, 0), (3, 3), (0, 3), (0, 0)), ring((0.5, 0.5), (2.5, 0.5), (2.5, 2.5), (0.5, 2.5), (0.5, 0.5)),
               ring((1, 1), (2, 1), (2, 2), (1, 2), (1, 1))), 'nested-holes')
defect('disconnected-interior', 'two holes touching at two points cut the parcel in two',
       polygon(ring((0, 0), (4, 0), (4, 4), (0, 4), (0, 0)), ring((0, 2), (2, 1), (4, 2), (2, 1.5), (0, 2))),
       'disconnected-interior')
defect('hole-equals-shell', 'the hole is the outer ring again', polygon(SQUARE, SQUARE), 'rings-cross')
defect('nested-shells', 'the second part lies inside the first',
       {'type': 'MultiPolygon', 'coordinates': [[ring((0, 0), (3, 0), (3, 3), (0, 3), (0, 0))],
                                                [ring((1, 1), (2, 1), (2, 2), (1, 2), (1, 1))]]}, 'nested-shells')
defect('overlapping-parts', 'the two parts of a multipolygon overlap',
       {'type': 'MultiPolygon', 'coordinates': [[SQUARE], [ring((0.5, 0.5), (1.5, 0.5), (1.5, 1.5), (0.5, 1.5), (0.5, 0.5))]]},
       'rings-cross')
defect('self-touching-ring', 'the ring touches itself at a vertex, enclosing an inverted hole',
       polygon(ring((0, 0), (2, 0), (2, 2), (1, 0), (0, 2), (0, 0))), 'ring-self-intersection')
defect('three-d', 'positions carry a height: a red line is plane',
       polygon([p + [12.5] for p in SQUARE]), 'too-many-dimensions')
defect('four-d', 'positions carry height and measure', polygon([p + [12.5, 3] for p in SQUARE]), 'too-many-dimensions')
defect('mixed-dimensions', 'one position in the ring has a height',
       polygon([SQUARE[0], SQUARE[1], SQUARE[2] + [7.0], SQUARE[3], SQUARE[4]]), 'too-many-dimensions')
defect('swapped-axes', 'latitude first: the red line lands outside the zone but inside when swapped',
       polygon([[p[1], p[0]] for p in SQUARE]), 'swapped-axes')
defect('null-island', 'coordinates at 0 0, far outside the zone',
       polygon([[0, 0], [0.001, 0], [0.001, 0.001], [0, 0.001], [0, 0]]), 'outside-extent')
defect('gauss-kruger-metres', 'projected Gauss-Krueger metres sent as if lon/lat',
       polygon([[41500000, 4116000], [41500100, 4116000], [41500100, 4116100], [41500000, 4116100], [41500000, 4116000]]),
       'outside-extent')
defect('web-mercator-metres', 'EPSG:3857 metres sent as if lon/lat',
       polygon([[13587000, 4467000], [13587100, 4467000], [13587100, 4467100], [13587000, 4467100], [13587000, 4467000]]),
       'outside-extent')
defect('just-outside-zone', 'one vertex 0.001 degree west of the zone extent',
       polygon([[121.899, 37.052], [121.903, 37.052], [121.903, 37.054], [121.899, 37.054], [121.899, 37.052]]), 'outside-extent')
defect('wrong-crs-3857', 'a crs member naming Web Mercator',
       dict(polygon(SQUARE), crs={'type': 'name', 'properties': {'name': 'urn:ogc:def:crs:EPSG::3857'}}), 'unsupported-crs',
       targets=FEATURE_SHAPES)
defect('wrong-crs-4550', 'a crs member naming the Gauss-Krueger measuring CRS',
       dict(polygon(SQUARE), crs={'type': 'name', 'properties': {'name': 'EPSG:4550'}}), 'unsupported-crs',
       targets=FEATURE_SHAPES)
defect('wrong-crs-xian80', 'a crs member naming Xian 1980', dict(polygon(SQUARE), crs={'type': 'name', 'properties': {'name': 'EPSG:2383'}}),
       'unsupported-crs', targets=FEATURE_SHAPES)
defect('point-for-parcel', 'a Point where a red line is needed', {'type': 'Point', 'coordinates': pt(0, 0)},
       'unsupported-type', targets=FEATURE_SHAPES)
defect('linestring-for-parcel', 'a LineString where a red line is needed', {'type': 'LineString', 'coordinates': SQUARE},
       'unsupported-type', targets=FEATURE_SHAPES)
defect('collection-for-parcel', 'a GeometryCollection where a red line is needed',
       {'type': 'GeometryCollection', 'geometries': [polygon(SQUARE)]}, 'unsupported-type', targets=FEATURE_SHAPES)
defect('string-coordinates', 'coordinates written as strings',
       polygon([[str(p[0]), str(p[1])] for p in SQUARE]), 'malformed', targets=FEATURE_SHAPES)
defect('null-coordinates', 'coordinates null', {'type': 'Polygon', 'coordinates': None}, 'malformed', targets=FEATURE_SHAPES)
defect('flat-coordinates', 'a ring written as a flat list of numbers',
       {'type': 'Polygon', 'coordinates': [[c for p in SQUARE for c in p]]}, 'malformed', targets=FEATURE_SHAPES)
defect('empty-multipolygon', 'a MultiPolygon without parts', {'type': 'MultiPolygon', 'coordinates': []}, 'empty',
       targets=FEATURE_SHAPES)
defect('missing-geometry', 'a Feature whose geometry is null', None, 'missing', targets=FEATURE_SHAPES)

# --- numbers that are not finite ---------------------------------------------------------------------
OVERFLOW = {'$number': '1e400'}
case('numbers/coordinate-1e400', 'a coordinate of 1e400 overflows a double',
     {'status': 400, 'type': 'invalid-number'}, targets=PARCEL_GEOMETRY,
     patch={'geometry': polygon([OVERFLOW, SQUARE[0][1]], *SQUARE[1:4], [OVERFLOW, SQUARE[0][1]])})
case('numbers/coordinate-minus-1e400', 'a coordinate of -1e400',
     {'status': 400, 'type': 'invalid-number'}, targets=['parcel-create', 'zone-create'],
     patch={'geometry': polygon([SQUARE[0][0], {'$number': '-1e400'}], *SQUARE[1:4], [SQUARE[0][0], {'$number': '-1e400'}])})

# --- numbers a double does not keep as written: stored, they would differ from what was sent ----------
TOO_PRECISE = {'$number': '121.90200000000000001'}
case('numbers/coordinate-20-digits', 'a coordinate of 20 significant digits, which a double rounds to 121.902',
     {'status': 400, 'type': 'imprecise-number', 'pointer': '/geometry/coordinates/0/0/0', 'storedAs': '121.902'},
     targets=PARCEL_GEOMETRY,
     patch={'geometry': polygon([[TOO_PRECISE, SQUARE[0][1]], *SQUARE[1:4], [TOO_PRECISE, SQUARE[0][1]]])})

LAYER_FIELDS = {
    # target: (code field, name field, note field, a free-text field, an allowed-values field, a number field)
    'parcel-create': ('code', 'name', 'note', 'holder', None, 'surveyed_area_m2'),
    'parcel-replace': ('code', 'name', 'note', 'holder', None, 'surveyed_area_m2'),
    'ogc-parcel-create': ('code', 'name', 'note', 'holder', None, 'surveyed_area_m2'),
    'ogc-parcel-patch': ('land_class_code', 'name', 'note', 'holder', None, 'surveyed_area_m2'),
    'zone-create': ('code', 'name', 'note', None, 'kind', None),
    'zone-replace': ('code', 'name', 'note', None, 'status', None),
    'enterprise-create': (None, 'name', None, 'industry', 'relocation_state', 'employees'),
    'road-create': (None, 'name', None, None, 'road_class', 'width_m'),
    'road-replace': (None, 'name', None, None, 'surface', 'width_m'),
    'streetlight-patch': ('code', 'circuit', None, None, 'lamp_type', 'power_w'),
    'ogc-streetlight-create': ('code', 'circuit', None, None, 'state', 'power_w'),
    'project-create': (None, 'name', None, 'category', 'level', 'total_investment_wan'),
    'project-replace': (None, 'name', None, 'category', 'state', 'completed_investment_wan'),
}
FEATURE_TARGETS = list(LAYER_FIELDS)

def prop_case(name, description, expect, field_index, value, only=None):
    for target, fields in LAYER_FIELDS.items():
        field = fields[field_index]
        if field is None or (only and target not in only):
            continue
        case(f'properties/{name}/{target}', f'{description} ({field})', dict(expect, property=field),
             targets=[target], patch={'properties': {field: value}})

# --- unknown properties: never dropped ---------------------------------------------------------------
for unknown in ['use', 'landUse', 'Code', 'geom', 'owner; DROP TABLE zonegis.parcel', '<b>x</b>']:
    slug = ''.join(c if c.isalnum() else '-' for c in unknown).strip('-').lower()
    case(f'unknown/{slug}', f'a property "{unknown}" the layer does not have',
         {'status': 422, 'type': 'unknown-property', 'property': unknown}, targets=FEATURE_TARGETS,
         patch={'properties': {unknown: 'industrial'}})
case('unknown/foreign-member', 'a member beside type, geometry and properties',
     {'status': 422, 'type': 'unknown-property', 'property': 'style'}, targets=FEATURE_TARGETS,
     patch={'style': {'color': 'red'}})

# --- text limits: codes 64, names 200, notes 4000 characters ----------------------------------------
prop_case('code-65', 'a code of 65 characters', {'status': 400, 'type': 'text-too-long', 'maxLength': 64}, 0,
          {'$repeat': 'C', 'times': 65})
prop_case('name-201', 'a name of 201 characters', {'status': 400, 'type': 'text-too-long', 'maxLength': 200}, 1,
          {'$repeat': '名', 'times': 201})
prop_case('name-1-3-mb', 'a name of 1.3 million characters', {'status': 400, 'type': 'text-too-long'}, 1,
          {'$repeat': 'x', 'times': 1300000}, only=['parcel-create', 'zone-create', 'project-create', 'road-create'])
prop_case('note-4001', 'a note of 4001 characters', {'status': 400, 'type': 'text-too-long', 'maxLength': 4000}, 2,
          {'$repeat': 'n', 'times': 4001})
prop_case('text-201', 'a free-text field of 201 characters', {'status': 400, 'type': 'text-too-long'}, 3,
          {'$repeat': 't', 'times': 201})

# --- invalid Unicode: lone surrogates and non-characters --------------------------------------------
prop_case('lone-high-surrogate', 'a lone high surrogate in a name', {'status': 400, 'type': 'invalid-unicode'}, 1,
          'Plot \ud800 A')
prop_case('lone-low-surrogate', 'a lone low surrogate in a name', {'status': 400, 'type': 'invalid-unicode'}, 1,
          'Plot \udc00 A', only=['parcel-create', 'zone-create', 'road-create', 'ogc-streetlight-create'])
prop_case('reversed-surrogates', 'a surrogate pair in the wrong order', {'status': 400, 'type': 'invalid-unicode'}, 1,
          '\udc00\ud800', only=['parcel-replace', 'project-create'])
prop_case('nul-character', 'a NUL character in a code', {'status': 400, 'type': 'invalid-unicode'}, 0, 'A\u0000B')
prop_case('non-character', 'the non-character U+FFFF in a note', {'status': 400, 'type': 'invalid-unicode'}, 2,
          'note \uffff')

# --- numbers: NaN, Infinity, overflow, digits a double drops -----------------------------------------
prop_case('number-1e400', 'a number of 1e400', {'status': 400, 'type': 'invalid-number'}, 5, OVERFLOW)
prop_case('integer-overflow', 'an integer of 30 digits', {'status': 400, 'type': 'invalid-number'}, 5,
          {'$number': '123456789012345678901234567890'})
prop_case('number-20-digits', 'a number of 20 significant digits, which a double rounds',
          {'status': 400, 'type': 'imprecise-number'}, 5, {'$number': '12.345678901234567891'})
prop_case('number-1e-400', 'a number of 1e-400, which a double rounds to 0', {'status': 400, 'type': 'imprecise-number'},
          5, {'$number': '1e-400'})
prop_case('integer-beyond-2-53', 'an integer of 2^53 + 1, which a double rounds to 2^53',
          {'status': 400, 'type': 'imprecise-number'}, 5, {'$number': '9007199254740993'})

# --- SQL and markup in fields that take one of a list of values ---------------------------------------
for slug, value in [('sql', "industrial'; DROP TABLE zonegis.parcel; --"), ('markup', '<img src=x onerror=alert(1)>'),
                    ('sql-comment', 'normal/**/OR/**/1=1')]:
    prop_case(f'allowed-values-{slug}', f'{slug} in a field with allowed values', {'status': 400}, 4, value)
    prop_case(f'number-field-{slug}', f'{slug} in a number field', {'status': 400}, 5, value)

# --- dates: strictly YYYY-MM-DD between 1949-01-01 and ten years ahead ------------------------------
BAD_DATES = {'year-57440': ('57440-10-27', 'invalid-date'), 'before-1949': ('1948-12-31', 'date-out-of-range'),
             'year-2999': ('2999-01-01', 'date-out-of-range'), 'month-13': ('2026-13-01', 'invalid-date'),
             'february-30': ('2026-02-30', 'invalid-date'), 'slashes': ('2026/03/01', 'invalid-date'),
             'day-first': ('01-03-2026', 'invalid-date'), 'no-padding': ('2026-3-1', 'invalid-date'),
             'timestamp': ('2026-03-01T00:00:00Z', 'invalid-date'), 'chinese': ('2026年3月1日', 'invalid-date'),
             'number': (20260301, 'invalid-date'), 'epoch-millis': (1772323200000, 'invalid-date'),
             'boolean': (True, 'invalid-date'), 'array': ([2026, 3, 1], 'invalid-date'), 'sql': ("2026-03-01' OR '1'='1", 'invalid-date')}
for slug, (value, problem) in BAD_DATES.items():
    # A form says the allowed range in its own words: the refusal carries it.
    earliest = {'earliest': '1949-01-01'} if slug == 'before-1949' else {}
    case(f'dates/recover-{slug}', f'decisionDate {value!r}',
         {'status': 400, 'type': problem, 'property': 'decisionDate', **earliest},
         targets=['recover'], patch={'decisionDate': value})
for slug in ['year-57440', 'before-1949', 'month-13', 'number', 'timestamp', 'slashes']:
    value, problem = BAD_DATES[slug]
    case(f'dates/zone-{slug}', f'approved_on {value!r}', {'status': 400, 'type': problem, 'property': 'approved_on'},
         targets=['zone-create', 'zone-replace'], patch={'properties': {'approved_on': value}})
    case(f'dates/project-{slug}', f'start_date {value!r}', {'status': 400, 'type': problem, 'property': 'start_date'},
         targets=['project-create', 'project-replace'], patch={'properties': {'start_date': value}})

# --- request bodies bound to records ------------------------------------------------------------------
RECORDS = {'recover': 'legalBasis', 'parcel-transition': 'note', 'workorder-create': 'description',
           'workorder-transition': 'note', 'workorder-dispatch': 'note', 'fault': 'note', 'split': 'note'}
for target, note in RECORDS.items():
    case(f'records/{target}-unknown-property', 'a member the request does not have',
         {'status': 422, 'type': 'unknown-property', 'property': 'use'}, targets=[target], patch={'use': 'x'})
    case(f'records/{target}-note-4001', f'{note} of 4001 characters',
         {'status': 400, 'type': 'text-too-long', 'property': note}, targets=[target],
         patch={note: {'$repeat': 'n', 'times': 4001}})
    case(f'records/{target}-lone-surrogate', f'a lone surrogate in {note}',
         {'status': 400, 'type': 'invalid-unicode', 'property': note}, targets=[target], patch={note: 'done \ud83d'})
case('records/recover-certificate-yes', 'certificateCancelled "yes" is no boolean',
     {'status': 400, 'type': 'invalid-value', 'property': 'certificateCancelled'}, targets=['recover'],
     patch={'certificateCancelled': 'yes'})
case('records/recover-land-use-sql', 'SQL as the land use', {'status': 400}, targets=['recover'],
     patch={'landUse': "industrial'; DELETE FROM zonegis.parcel; --"})
case('records/recover-reason-markup', 'markup as the reason', {'status': 400}, targets=['recover'],
     patch={'reason': '<script>alert(1)</script>'})
case('records/transition-to-sql', 'SQL as the target status', {'status': 400, 'property': 'to'},
     targets=['parcel-transition'], patch={'to': "filed'; UPDATE zonegis.parcel SET status='recovered'; --"})
case('records/transition-to-number', 'a number as the target status', {'status': 400, 'type': 'invalid-value', 'property': 'to'},
     targets=['parcel-transition', 'workorder-transition'], patch={'to': 3})
case('records/workorder-kind-markup', 'markup as the work order kind', {'status': 400}, targets=['workorder-create'],
     patch={'kind': '<svg onload=alert(1)>'})
case('records/workorder-location-1e400', 'a longitude of 1e400', {'status': 400, 'type': 'invalid-number', 'property': 'lon'},
     targets=['workorder-create'], patch={'location': {'lon': OVERFLOW}})
case('records/workorder-location-altitude', 'a location with an altitude member',
     {'status': 422, 'type': 'unknown-property', 'property': 'alt'}, targets=['workorder-create'],
     patch={'location': {'alt': 12.5}})
case('records/workorder-location-string', 'a longitude as text', {'status': 400, 'type': 'invalid-value', 'property': 'lon'},
     targets=['workorder-create'], patch={'location': {'lon': '122.05'}})
case('records/dispatch-crew-text', 'a crew id as text', {'status': 400, 'type': 'invalid-value', 'property': 'crewId'},
     targets=['workorder-dispatch'], patch={'crewId': 'crew-1'})
case('records/dispatch-crew-fraction', 'a crew id with a fraction', {'status': 400, 'property': 'crewId'},
     targets=['workorder-dispatch'], patch={'crewId': 1.5})
case('records/fault-create-order-text', 'createOrder as text', {'status': 400, 'type': 'invalid-value', 'property': 'createOrder'},
     targets=['fault'], patch={'createOrder': 'true'})
case('records/split-line-3d', 'a split line with heights', {'status': 422, 'type': 'invalid-geometry', 'defect': 'too-many-dimensions'},
     targets=['split'], patch={'line': {'type': 'LineString', 'coordinates': [pt(0, 0) + [1], pt(1, 1) + [1]]}})

# --- bodies that are not JSON, or too much of it ------------------------------------------------------
def syntax(name, description, body, status=400, type_='unreadable-body', targets=JSON_WRITES):
    case(f'syntax/{name}', description, {'status': status, 'type': type_}, targets=targets, body=body)
syntax('truncated', 'the body ends in the middle of an object', '{"type":"Feature","properties":{"code":"A')
syntax('trailing-garbage', 'a second value after the object', '{"type":"Feature"} {"type":"Feature"}')
syntax('nan-literal', 'a NaN literal', '{"type":"Feature","properties":{"surveyed_area_m2":NaN},"note":NaN}')
syntax('infinity-literal', 'an Infinity literal', '{"type":"Feature","properties":{"surveyed_area_m2":Infinity},"note":-Infinity}')
syntax('single-quotes', 'single-quoted names', "{'type':'Feature'}")
syntax('comment', 'a comment inside the JSON', '{"type":"Feature" /* DROP TABLE */}')
syntax('duplicate-key', 'the same member twice', '{"type":"Feature","type":"Feature","note":"a","note":"b","to":"x","to":"y"}')
syntax('unquoted-name', 'an unquoted member name', '{type:"Feature"}')
syntax('control-character', 'a raw tab and newline inside a string', '{"type":"Feature","note":"a\tb\nc"}')
syntax('invalid-escape', 'a backslash escape JSON does not have', '{"type":"Feature","note":"\\x41"}')
syntax('deep-40', 'objects nested 40 deep', [{'$repeat': '{"a":', 'times': 40}, '1', {'$repeat': '}', 'times': 40}],
       type_='too-deep')
syntax('deep-arrays-100000', '100,000 nested arrays', [{'$repeat': '[', 'times': 100000}, {'$repeat': ']', 'times': 100000}],
       type_='body-beyond-limits')
syntax('oversized-12mb', 'a 12 MB body', ['{"type":"Feature","note":"', {'$repeat': 'x', 'times': 12 * 1024 * 1024}, '"}'],
       status=413, type_='body-too-large', targets=['parcel-create', 'recover', 'workorder-create', 'ogc-parcel-create'])
syntax('number-1e400-member', 'a member 1e400 at the top', '{"type":"Feature","crewId":1e400,"lon":1e400}', type_='invalid-number')
syntax('huge-integer', 'an integer of 400 digits', '{"type":"Feature","crewId":1' + '0' * 400 + '}', type_='invalid-number')
syntax('empty', 'an empty body', '', type_=None, targets=[t for t in JSON_WRITES if t != 'fault'])
case('syntax/invalid-utf8', 'bytes that are not UTF-8', {'status': 400, 'type': 'unreadable-body'}, targets=JSON_WRITES,
     bodyBase64='eyJ0eXBlIjoiRmVhdHVyZSIsIm5vdGUiOiL/' + 'fiJ9')

# --- addresses the container and the firewall refuse, and hostile parameters --------------------------
def url(name, description, path, status=400, type_=None, method='GET', headers=None, **expect):
    request = {'method': method, 'path': path}
    if headers:
        request['headers'] = headers
    case(f'url/{name}', description, dict(status=status, type=type_, **expect), request=request)
url('semicolon', 'a ; path parameter', '/api/parcels;jsessionid=abc/1', type_='rejected-address')
url('semicolon-sql', 'SQL after a ;', '/api/parcels/1;DROP%20TABLE%20parcel', type_='rejected-address')
url('semicolon-ogc', 'a ; in an OGC path', '/ogc/collections/parcels;x=1/items', type_='rejected-address')
url('nul', 'an encoded NUL in the path', '/api/parcels/%00', type_='bad-request')
url('nul-ogc', 'an encoded NUL in an OGC path', '/ogc/collections/parcels%00/items', type_='bad-request')
url('encoded-slash', 'an encoded slash', '/api/parcels/..%2F..%2Fetc%2Fpasswd', type_='bad-request')
url('encoded-slash-tiles', 'an encoded slash in a tile address', '/tiles/parcels%2F..%2F..%2F/0/0/0.mvt', type_='bad-request')
url('encoded-dot-dot', 'encoded dots climbing out', '/api/%2e%2e/%2e%2e/etc/passwd', type_='bad-request')
url('encoded-dot-dot-ogc', 'encoded dots in an OGC path', '/ogc/collections/%2e%2e/items', type_='rejected-address')
url('encoded-backslash', 'an encoded backslash', '/api/parcels/%5C..%5C1', type_='bad-request')
url('double-slash', 'an empty path segment', '/api/parcels//1', type_='rejected-address')
url('over-long-url', 'an address of 20,000 characters', ['/api/parcels/', {'$repeat': 'a', 'times': 20000}], type_='bad-request')
url('over-long-query', 'a query of 70,000 characters', ['/ogc/collections/parcels/items?filter=', {'$repeat': 'a', 'times': 70000}], type_='bad-request')
url('header-too-large', 'a header of 30,000 characters', '/api/parcels/1', headers={'X-Junk': {'$repeat': 'j', 'times': 30000}}, type_='bad-request')
url('id-sql', 'SQL as a parcel id', '/api/parcels/1%20OR%201=1', type_='invalid-parameter', parameter='id')
url('id-overflow', 'an id beyond a long', '/api/parcels/99999999999999999999999', type_='invalid-parameter', parameter='id')
url('id-1e400', 'an id of 1e400', '/api/parcels/1e400', type_='invalid-parameter', parameter='id')
url('bbox-sql', 'SQL in bbox', '/api/parcels?bbox=1,2,3,4);DROP%20TABLE%20parcel;--', type_=None)
url('bbox-off-globe', 'a bbox off the globe', '/ogc/collections/parcels/items?bbox=-500,37,500,38', type_=None)
url('as-of-57440', 'asOf in the year 57440', '/api/parcels?asOf=57440-10-27', type_='invalid-parameter', parameter='asOf')
url('as-of-markup', 'markup as asOf', '/api/parcels?asOf=%3Cscript%3E', type_='invalid-parameter', parameter='asOf')
url('limit-negative', 'a negative limit', '/ogc/collections/parcels/items?limit=-1', type_=None)
url('limit-1e400', 'a limit of 1e400', '/ogc/collections/parcels/items?limit=1e400', type_=None)
url('tile-off-grid', 'a tile outside the grid', '/tiles/parcels/3/9/9.mvt', type_=None)
url('tile-zoom-99', 'zoom 99', '/tiles/parcels/99/0/0.mvt', type_=None)
url('tile-collection-sql', 'SQL as a tile collection', "/tiles/parcel'%20OR%201=1--/0/0/0.mvt", status=404, type_=None)
url('collection-markup', 'markup as a collection id', '/ogc/collections/%3Cscript%3Ealert(1)%3C/script%3E/items', status=404, type_=None)
url('crs-unknown', 'an unknown CRS', '/ogc/collections/parcels/items?crs=http://www.opengis.net/def/crs/EPSG/0/99999', type_=None)
url('filter-lang-sql', 'filter-lang=sql', "/ogc/collections/parcels/items?filter-lang=sql&filter=1=1", type_='invalid-parameter')
url('method-not-allowed', 'DELETE on the parcel list', '/api/parcels', method='DELETE', status=405, type_='method-not-allowed')
url('text-plain-body', 'a text/plain body for a JSON endpoint', '/api/parcels', method='POST', status=415,
    headers={'Content-Type': 'text/plain'}, type_='unsupported-media-type')
url('unknown-path', 'an address nothing serves', '/api/nothing-here', status=404, type_='not-found')

# --- CQL2: injection, nesting, numbers ----------------------------------------------------------------
def cql(name, description, text, lang='cql2-text', expect=None):
    query = urllib.parse.urlencode({'filter': text, 'filter-lang': lang})
    case(f'cql/{name}', description, expect or {'status': 400, 'type': 'invalid-filter', 'parameter': 'filter'},
         request={'method': 'GET', 'path': '/ogc/collections/parcels/items?' + query})
cql('injection-semicolon', 'a second statement after the filter', "code = 'A'; DROP TABLE zonegis.parcel")
cql('injection-comment', 'a SQL comment to cut the query', "code = 'A' --")
cql('injection-unbalanced-quote', 'an unterminated string', "code = 'A' OR '1'='1")
cql('injection-identifier', 'a quoted identifier holding SQL', '"code; DROP TABLE parcel" = 1',
    expect={'status': 400, 'type': 'unknown-property', 'property': 'code; DROP TABLE parcel'})
cql('injection-function', 'a SQL function call', "pg_sleep(10) = 1")
cql('injection-subquery', 'a subquery', "code IN (SELECT code FROM zonegis.app_user)")
cql('unknown-property', 'a property the collection does not publish', "password_hash = 'x'",
    expect={'status': 400, 'type': 'unknown-property', 'property': 'password_hash'})
cql('deep-parentheses', '500 nested parentheses', '(' * 500 + "code = 'A'" + ')' * 500)
cql('deep-33', '33 nested parentheses', '(' * 33 + "code = 'A'" + ')' * 33)
cql('deep-not', '40 NOTs in a row', 'NOT ' * 40 + "code = 'A'")
cql('number-1e400', 'a comparison with 1e400', 'area_m2 > 1e400')
cql('bbox-1e400', 'a BBOX corner of 1e400', 'S_INTERSECTS(geom, BBOX(121.9, 37.0, 1e400, 37.3))')
cql('wkt-1e400', 'a WKT point of 1e400', 'S_INTERSECTS(geom, POINT(1e400 37.1))')
cql('wkt-unclosed', 'an unclosed WKT polygon', 'S_INTERSECTS(geom, POLYGON((121.9 37.1, 122 37.1, 122 37.2)))')
cql('date-57440', 'a DATE in the year 57440 written wrongly', "updated_at > DATE('57440-10-27')")
cql('json-deep', 'cql2-json nested 100 deep', '{"op":"not","args":[' * 100 + '{"op":"=","args":[{"property":"code"},"A"]}' + ']}' * 100, 'cql2-json')
cql('json-not-json', 'cql2-json that is not JSON', '{"op":"=","args":[{"property":"code"},"A"', 'cql2-json')
cql('json-1e400', 'cql2-json comparing with 1e400', '{"op":">","args":[{"property":"area_m2"},1e400]}', 'cql2-json')
cql('json-unknown-op', 'cql2-json with an operator that is SQL', '{"op":"; DROP TABLE parcel","args":[1,1]}', 'cql2-json')

# --- multipart and files ------------------------------------------------------------------------------
IMPORT = '/api/parcels/import?dryRun=false'
def multipart_raw(name, description, content_type, body, status=400, type_='malformed-multipart'):
    case(f'multipart/{name}', description, {'status': status, 'type': type_},
         request={'method': 'POST', 'path': IMPORT, 'headers': {'Content-Type': content_type}}, body=body)
multipart_raw('no-closing-boundary', 'the last boundary never comes', 'multipart/form-data; boundary=zz',
              '--zz\r\nContent-Disposition: form-data; name="file"; filename="a.txt"\r\n\r\nJ1,1,4116000,41500000\r\n')
multipart_raw('no-boundary-parameter', 'a multipart type without its boundary', 'multipart/form-data',
              '--zz\r\nContent-Disposition: form-data; name="file"; filename="a.txt"\r\n\r\nx\r\n--zz--\r\n')
multipart_raw('broken-part-headers', 'a part whose headers never end', 'multipart/form-data; boundary=zz',
              '--zz\r\nContent-Disposition: form-data; name="file"; filename="a.txt"\r\nContent-Type: text/plain')
multipart_raw('wrong-part-name', 'the file sent under another name', 'multipart/form-data; boundary=zz',
              '--zz\r\nContent-Disposition: form-data; name="upload"; filename="a.txt"\r\n\r\nx\r\n--zz--\r\n',
              type_='missing-parameter')
multipart_raw('json-to-import', 'JSON sent to the upload', 'application/json', '{"file":"a.txt"}', status=415,
              type_='unsupported-media-type')

def upload(name, description, filename, data, status=422, type_=None, query='format=', **expect):
    uploads[filename] = data
    case(f'files/{name}', description, dict(status=status, type=type_, **expect),
         request={'method': 'POST', 'path': IMPORT + ('&' + query if query else '')}, upload={'file': 'files/' + filename})

def zipped(entries):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, 'w', zipfile.ZIP_DEFLATED) as z:
        for name, data in entries:
            # A fixed date keeps the committed files the same on every run.
            z.writestr(zipfile.ZipInfo(name, date_time=(2026, 1, 1, 0, 0, 0)), data, zipfile.ZIP_DEFLATED)
    return buffer.getvalue()

upload('zip-slip', 'a zip entry climbing out with ../', 'zip-slip.zip',
       zipped([('../../evil.shp', b'x'), ('parcels.shx', b'x'), ('parcels.dbf', b'x')]), status=400)
upload('zip-absolute', 'a zip entry with an absolute path', 'zip-absolute.zip', zipped([('/tmp/evil.shp', b'x')]), status=400)
upload('zip-bomb', 'a zip entry of 600 MB of zeros, past the 512 MB unzipped limit', 'zip-bomb.zip',
       zipped([('bomb.shp', b'\0' * (600 * 1024 * 1024))]), status=400)
upload('zip-many-entries', 'a zip of 500 entries, past the limit of 200', 'zip-many-entries.zip',
       zipped([(f'e{i}.txt', b'') for i in range(500)]), status=400)
upload('shapefile-only-shp', 'a zipped shapefile without .shx and .dbf', 'only-shp.zip',
       zipped([('parcels.shp', b'\0\0\x27\x0a' + b'\0' * 96)]), status=400)
upload('shapefile-no-shp', 'a zipped shapefile missing its .shp', 'no-shp.zip',
       zipped([('parcels.shx', b'x'), ('parcels.dbf', b'x'), ('parcels.prj', b'x')]), status=400)
upload('zip-not-zip', 'a .zip that is not a zip', 'not-a-zip.zip', b'PK\x03\x04 this is no zip', status=400)
TXT = ('[属性描述]\r\n坐标系=2000国家大地坐标系\r\n投影类型=高斯克吕格\r\n计量单位=米\r\n带宽=3\r\n带号=41\r\n'
       '[地块坐标]\r\n')
def txt_points(points):
    return TXT + f'{len(points)},1.0,TEST-TXT,测试,面,,工业用地,0601,@\r\n' + ''.join(f'J{i + 1},1,{n},{e}\r\n' for i, (n, e) in enumerate(points))
SQUARE_NE = [(4101500.0, 41403000.0), (4101500.0, 41403100.0), (4101600.0, 41403100.0), (4101600.0, 41403000.0), (4101500.0, 41403000.0)]
upload('txt-axes-swapped', 'a coordinate TXT with easting before northing', 'axes-swapped.txt',
       txt_points([(e, n) for n, e in SQUARE_NE]).encode('utf-8'), query='format=txt')
upload('txt-utf16', 'a coordinate TXT in UTF-16', 'utf16.txt', txt_points(SQUARE_NE).encode('utf-16'), status=400, query='format=txt')
upload('txt-garbage', 'a TXT that is no coordinate file', 'garbage.txt', b'\x00\x01\x02 not a survey file', status=400, query='format=txt')
upload('txt-bow-tie', 'a coordinate TXT whose ring crosses itself', 'bow-tie.txt',
       txt_points([SQUARE_NE[0], SQUARE_NE[2], SQUARE_NE[1], SQUARE_NE[3], SQUARE_NE[0]]).encode('utf-8'), query='format=txt')
upload('empty-file', 'an empty file', 'empty.txt', b'', status=400, query='format=txt')

if __name__ == '__main__':
    shutil.rmtree(CASES, ignore_errors=True)
    shutil.rmtree(FILES, ignore_errors=True)
    for name, spec in cases.items():
        path = os.path.join(CASES, name + '.json')
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, 'w', encoding='utf-8') as f:
            json.dump(spec, f, ensure_ascii=True, indent=1)
            f.write('\n')
    os.makedirs(FILES)
    for filename, data in uploads.items():
        with open(os.path.join(FILES, filename), 'wb') as f:
            f.write(data)
    print(len(cases), 'cases')
