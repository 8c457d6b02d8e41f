-- Province (省) and city (市/州) above the county (issue 12). A province's path is "90/", its
-- city's "90/91/", a county under it "90/91/1." (domain/regions.ts): the scope setting, the
-- row-level security policies and the account functions match by path prefix, so a province or
-- city user's scope covers every county below it unchanged. What changes is who may grant which
-- role, and at which level each role's account sits.

-- The roles a manager may grant: a province admin its province's and cities' admins and leaders and
-- the county admins; a city admin its city's admins and leaders and the county admins; a county
-- admin every role of the county; a township coordinator its village clerks and guidance members.
CREATE OR REPLACE FUNCTION huanjie_grantable_roles(p_role text) RETURNS text[]
LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$
  SELECT CASE p_role
    WHEN 'province_admin' THEN ARRAY['province_admin', 'province_leader', 'city_admin', 'city_leader', 'county_admin']
    WHEN 'city_admin' THEN ARRAY['city_admin', 'city_leader', 'county_admin']
    WHEN 'county_admin' THEN ARRAY['county_admin', 'county_leader', 'county_supervisor', 'township_coordinator', 'guidance_member', 'village_clerk']
    WHEN 'township_coordinator' THEN ARRAY['guidance_member', 'village_clerk']
    ELSE '{}'::text[]
  END
$$;
--> statement-breakpoint
-- The level of region a role's account belongs to.
CREATE OR REPLACE FUNCTION huanjie_role_fits_level(p_role text, p_level text) RETURNS boolean
LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$
  SELECT CASE
    WHEN p_role IN ('province_admin', 'province_leader') THEN p_level = 'province'
    WHEN p_role IN ('city_admin', 'city_leader') THEN p_level = 'city'
    WHEN p_role IN ('county_admin', 'county_leader', 'county_supervisor') THEN p_level = 'county'
    WHEN p_role IN ('township_coordinator', 'guidance_member') THEN p_level = 'township'
    WHEN p_role = 'village_clerk' THEN p_level IN ('village', 'community')
    ELSE false
  END
$$;
--> statement-breakpoint
-- Ancestors-or-self of the anchors, now also across the slashes above a county ("90/91/1.4." gives
-- "90/", "90/91/", "90/91/1.", "90/91/1.4."): a county's users see the names of their city and
-- province in breadcrumbs, never a sibling county's.
CREATE OR REPLACE FUNCTION huanjie_ancestor_paths() RETURNS text[]
LANGUAGE sql STABLE PARALLEL SAFE
AS $$ SELECT ARRAY(SELECT DISTINCT left(anchor, pos) FROM unnest(huanjie_anchors()) AS anchor,
  generate_series(1, length(anchor)) AS pos WHERE substr(anchor, pos, 1) IN ('.', '/')) $$;
