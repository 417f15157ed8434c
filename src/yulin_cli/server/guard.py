"""The server as the judge of last resort (RULES.md: a staff login can write, by any client, only
what the CLI would write for it, with the amounts of the policy version in force).

Row-level security says whose rows a login may touch; these functions and triggers say what a
row may hold. They restate in SQL what the rules derive, for the rows a forger would want:

- a rule-made points entry or notice must be exactly what its key names (``rules.outcomes``):
  the amount of the policy version in force on its day (``policy_version``, JSONB), the person
  the rule gives it to (a finding's finder as of the visit's day, a sweep's visitor), and a fact
  that earns it (a substandard visit; an effective sweep after the day's planned visits, near
  them, finding a quality customer, the first of the company's day; an unproven verdict); what
  gives one back must be the exact opposite, once, after something withdrew it; and a rule-made
  row may be deleted only when the rules no longer make it;
- a visit's ``effective`` is what its items, contacts, photos and verdicts say (Q7, Q15);
- a manager's rights come from the ``staff`` row mapped to the login, so a demotion takes them
  away at once; answers to inspections, adjustments, merges, policy versions, settling a
  direct-sales project, and changing centres, people, roles or a prospect's finder are theirs;
- a staff login acts as its own person: visits in its own centre as a visitor, rounds on what it
  found or as a prospector, plans for itself, signals withdrawn rather than deleted, a prospect
  of someone else's changed only in what a visit finds out (contact, scale, location, selection),
  every change of a prospect recorded in its history in the same transaction.

Every refusal is the server's ``insufficient_privilege`` (42501), which the CLI reports as one
line (exit 1). The administrator (the schema's owner) is not checked: migrations, ``copy`` and
``team setup`` run as them. ``tests/test_teammode.py`` tries each forgery as a staff login, and
``tests/test_sql_mirrors.py`` holds these restatements equal to the rules on random histories.

(No ``:word`` in these texts: SQLAlchemy would read it as a parameter.)
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from yulin_cli.db import Tx

FUNCTIONS = r"""
CREATE OR REPLACE FUNCTION yulin_admin() RETURNS boolean LANGUAGE sql STABLE AS $f$
  SELECT COALESCE((SELECT r.rolsuper FROM pg_roles r WHERE r.rolname = current_user), false)
      OR pg_has_role(current_user,
                     (SELECT c.relowner FROM pg_class c WHERE c.oid = 'alembic_version'::regclass),
                     'MEMBER')
$f$;

CREATE OR REPLACE FUNCTION yulin_me() RETURNS integer LANGUAGE sql STABLE AS $f$
  SELECT id FROM staff WHERE login = current_user
$f$;

CREATE OR REPLACE FUNCTION yulin_role(wanted text) RETURNS boolean LANGUAGE sql STABLE AS $f$
  SELECT COALESCE((SELECT wanted = ANY (string_to_array(roles, ',')) FROM staff
                   WHERE login = current_user), false)
$f$;

CREATE OR REPLACE FUNCTION yulin_manager() RETURNS boolean LANGUAGE sql STABLE AS $f$
  SELECT yulin_role('manager')
$f$;

CREATE OR REPLACE FUNCTION yulin_refuse(why text) RETURNS void LANGUAGE plpgsql AS $f$
BEGIN
  RAISE EXCEPTION 'yulin refuses: %', why USING ERRCODE = 'insufficient_privilege';
END
$f$;

-- Today, as the server sees it in China (or as the administrator pinned it for tests).
CREATE OR REPLACE FUNCTION yulin_today() RETURNS text LANGUAGE sql STABLE AS $f$
  SELECT COALESCE((SELECT value FROM meta WHERE key = 'pinned_today'),
                  to_char(now() AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD'))
$f$;

-- The policy version in force on a day (policy.PolicyBook.version_at).
CREATE OR REPLACE FUNCTION yulin_policy(d text) RETURNS jsonb LANGUAGE sql STABLE AS $f$
  SELECT body FROM policy_version WHERE valid_from IS NULL OR valid_from <= d
  ORDER BY COALESCE(valid_from, '') DESC, id DESC LIMIT 1
$f$;

-- A fact of a prospect as it stood on a day (rules.ProspectFacts.as_of), as JSON text: the
-- value the earliest later change replaced, else ``now_value``; with ``before_visit``, the
-- changes found out that day by that visit or later ones are undone too.
CREATE OR REPLACE FUNCTION yulin_fact(pid integer, fld text, d text, before_visit integer,
                                      now_value text) RETURNS text LANGUAGE sql STABLE AS $f$
  SELECT (COALESCE(
    (SELECT ARRAY[old_value] FROM prospect_change
     WHERE prospect_id = pid AND field = fld
       AND (day > d OR (before_visit IS NOT NULL AND day = d AND visit_id IS NOT NULL
                        AND visit_id >= before_visit))
     ORDER BY day, id LIMIT 1), ARRAY[now_value]))[1]
$f$;

-- Who answers for a visit's finding: the finder of the prospect it was recorded on, as of its
-- day (outcomes.service.logged_visits).
CREATE OR REPLACE FUNCTION yulin_finder(v visit) RETURNS integer LANGUAGE plpgsql STABLE AS $f$
DECLARE
  origin integer;
BEGIN
  SELECT pm.drop_id INTO origin FROM merge_moved mm JOIN prospect_merge pm ON pm.id = mm.merge_id
  WHERE mm.table_name = 'visit' AND mm.row_id = v.id AND pm.unmerged_at IS NULL
  ORDER BY pm.id LIMIT 1;
  origin := COALESCE(origin, v.prospect_id);
  RETURN (SELECT yulin_fact(p.id, 'sourced_by_id', v.day, NULL, p.sourced_by_id::text)::integer
          FROM prospect p WHERE p.id = origin);
END
$f$;

-- rules.visit_effectiveness: every item and contact of the version in force, a photo when it
-- asks for one; never a refusal nor a follow-up.
CREATE OR REPLACE FUNCTION yulin_rule_effective(v visit) RETURNS boolean LANGUAGE plpgsql STABLE
AS $f$
DECLARE
  pol jsonb := yulin_policy(v.day);
BEGIN
  IF v.kind NOT IN ('planned', 'sweep', 'upgrade') OR v.outcome = 'refused' THEN
    RETURN false;
  END IF;
  IF EXISTS (SELECT 1 FROM jsonb_array_elements_text(pol -> 'effective_visit' -> 'items') i
             WHERE NOT i = ANY (string_to_array(v.items, ','))) THEN
    RETURN false;
  END IF;
  IF EXISTS (SELECT 1 FROM jsonb_array_elements_text(pol -> 'effective_visit' -> 'contacts') c
             WHERE NOT c = ANY (string_to_array(v.contacts, ','))) THEN
    RETURN false;
  END IF;
  IF COALESCE((pol -> 'proof' ->> 'require_photo')::boolean, false)
     AND NOT EXISTS (SELECT 1 FROM visit_photo ph WHERE ph.visit_id = v.id) THEN
    RETURN false;
  END IF;
  RETURN true;
END
$f$;

CREATE OR REPLACE FUNCTION yulin_unproven(vid integer) RETURNS boolean LANGUAGE sql STABLE
AS $f$
  SELECT EXISTS (SELECT 1 FROM inspection i WHERE i.visit_id = vid
                 AND i.question = 'proof' AND i.status = 'unproven')
$f$;

-- rules.standard_check as a sweep sees it: the scale as of its day (before what it found
-- out), and no earlier finding that stands.
CREATE OR REPLACE FUNCTION yulin_quality(v visit) RETURNS boolean LANGUAGE plpgsql STABLE AS $f$
DECLARE
  p prospect;
  pol jsonb := yulin_policy(v.day);
  emp text;
  pcs text;
BEGIN
  SELECT * INTO p FROM prospect WHERE id = v.prospect_id;
  emp := yulin_fact(p.id, 'employees', v.day, v.id, p.employees::text);
  pcs := yulin_fact(p.id, 'pcs', v.day, v.id, p.pcs::text);
  IF emp IS NULL OR pcs IS NULL OR emp = 'null' OR pcs = 'null'
     OR emp::integer < (pol -> 'standard' ->> 'min_employees')::integer
     OR pcs::integer < (pol -> 'standard' ->> 'min_pcs')::integer THEN
    RETURN false;
  END IF;
  RETURN NOT EXISTS (
    SELECT 1 FROM visit sv WHERE sv.prospect_id = v.prospect_id AND sv.outcome = 'substandard'
      AND sv.voided_at IS NULL AND (sv.day < v.day OR (sv.day = v.day AND sv.id < v.id))
      AND NOT EXISTS (SELECT 1 FROM inspection si WHERE si.visit_id = sv.id
                      AND si.status IN ('overturned', 'unproven')));
END
$f$;

-- rules.duplicates.district_key: 吴江区 and 吴江 are one district.
CREATE OR REPLACE FUNCTION yulin_district_key(d text) RETURNS text LANGUAGE plpgsql IMMUTABLE
AS $f$
DECLARE
  _t text := btrim(normalize(d, NFKC));
  _s text;
BEGIN
  FOREACH _s IN ARRAY ARRAY['自治县', '自治旗', '林区', '特区', '新区', '区', '市', '县', '旗'] LOOP
    IF right(_t, length(_s)) = _s AND length(_t) - length(_s) >= 2 THEN
      RETURN left(_t, length(_t) - length(_s));
    END IF;
  END LOOP;
  RETURN _t;
END
$f$;

-- rules.visit_consequences for a sweep's praise (Q12): effective, met, after every planned
-- visit of the visitor's day, near one of them, finding a quality customer, and the first of
-- the company's day to earn it (the earlier ones that earned it hold an entry).
CREATE OR REPLACE FUNCTION yulin_sweep_earns(v visit) RETURNS boolean LANGUAGE plpgsql STABLE
AS $f$
DECLARE
  _dist text;
  _company integer;
BEGIN
  IF v.kind <> 'sweep' OR v.outcome <> 'met' OR NOT yulin_rule_effective(v) THEN
    RETURN false;
  END IF;
  IF NOT EXISTS (SELECT 1 FROM planned_visit WHERE visitor_id = v.staff_id AND day = v.day)
     OR EXISTS (SELECT 1 FROM planned_visit WHERE visitor_id = v.staff_id AND day = v.day
                AND (visit_id IS NULL OR visit_id > v.id)) THEN
    RETURN false;
  END IF;
  SELECT yulin_fact(p.id, 'district', v.day, v.id, to_jsonb(p.district)::text)::jsonb #>> '{}',
         COALESCE(p.duplicate_of, p.id)
    INTO _dist, _company FROM prospect p WHERE p.id = v.prospect_id;
  IF COALESCE(_dist, '') <> '' AND NOT EXISTS (
       SELECT 1 FROM planned_visit pv JOIN prospect pp ON pp.id = pv.prospect_id
       WHERE pv.visitor_id = v.staff_id AND pv.day = v.day
         AND (COALESCE(pp.district, '') = ''
              OR yulin_district_key(pp.district) = yulin_district_key(_dist))) THEN
    RETURN false;
  END IF;
  IF NOT yulin_quality(v) THEN
    RETURN false;
  END IF;
  RETURN NOT EXISTS (
    SELECT 1 FROM visit w JOIN prospect wp ON wp.id = w.prospect_id
      JOIN points_entry e ON e.derived_key = 'visit' || chr(58) || w.id || chr(58) || 'sweep'
    WHERE w.kind = 'sweep' AND w.day = v.day AND w.id < v.id AND w.voided_at IS NULL
      AND COALESCE(wp.duplicate_of, wp.id) = _company AND NOT yulin_unproven(w.id));
END
$f$;

-- What the rules give for the consequence ``key`` ('visit' V RULE), or NULL when they give
-- nothing: (staff id, day, amount) as one text 'staff|day|amount'.
CREATE OR REPLACE FUNCTION yulin_consequence(key text) RETURNS text LANGUAGE plpgsql STABLE AS $f$
DECLARE
  parts text[] := string_to_array(key, chr(58));
  v visit;
  verdict inspection;
BEGIN
  IF array_length(parts, 1) <> 3 OR parts[1] <> 'visit' OR parts[2] !~ '^[0-9]+$' THEN
    RETURN NULL;
  END IF;
  SELECT * INTO v FROM visit WHERE id = parts[2]::integer;
  IF v.id IS NULL THEN
    RETURN NULL;
  END IF;
  IF parts[3] = 'substandard' THEN
    IF v.outcome = 'substandard' AND v.kind IN ('planned', 'sweep') THEN
      RETURN yulin_finder(v) || '|' || v.day || '|'
             || (yulin_policy(v.day) -> 'points' ->> 'substandard');
    END IF;
  ELSIF parts[3] = 'sweep' THEN
    IF yulin_sweep_earns(v) THEN
      RETURN v.staff_id || '|' || v.day || '|' || (yulin_policy(v.day) -> 'points' ->> 'sweep');
    END IF;
  ELSIF parts[3] = 'proof' THEN
    SELECT * INTO verdict FROM inspection
    WHERE visit_id = v.id AND question = 'proof' AND status = 'unproven';
    IF verdict.id IS NOT NULL THEN
      RETURN v.staff_id || '|' || verdict.decided_on || '|'
             || (yulin_policy(verdict.decided_on) -> 'points' ->> 'unproven_visit');
    END IF;
  END IF;
  RETURN NULL;
END
$f$;

-- Whether the consequence ``key`` was withdrawn (rules.outcomes.withdrawals): its visit
-- voided, its entry voided, its finding overturned or its visit found unproven; and whether a
-- give-back dated ``back_day`` by ``rule`` may be the one.
CREATE OR REPLACE FUNCTION yulin_withdrawn(key text, rule text, back_day text, own_day text)
  RETURNS boolean LANGUAGE plpgsql STABLE AS $f$
DECLARE
  parts text[] := string_to_array(key, chr(58));
  v visit;
BEGIN
  SELECT * INTO v FROM visit WHERE id = parts[2]::integer;
  IF rule = 'void' THEN
    RETURN back_day = own_day AND (v.voided_at IS NOT NULL OR EXISTS (
      SELECT 1 FROM points_entry e WHERE e.derived_key = key AND e.voided_at IS NOT NULL));
  ELSIF rule = 'inspection' THEN
    RETURN EXISTS (SELECT 1 FROM inspection i WHERE i.visit_id = v.id AND i.decided_on = back_day
                   AND (i.status = 'unproven' AND parts[3] IN ('substandard', 'sweep')
                        OR i.status = 'overturned' AND parts[3] = 'substandard'));
  END IF;
  RETURN false;
END
$f$;

-- A rule-made points entry holds when it is exactly what its key names.
CREATE OR REPLACE FUNCTION yulin_entry_holds(e points_entry) RETURNS boolean LANGUAGE plpgsql
  STABLE AS $f$
DECLARE
  parts text[] := string_to_array(e.derived_key, chr(58));
  given text;
  o points_entry;
  v visit;
BEGIN
  IF e.derived_key IS NULL THEN
    RETURN false;
  END IF;
  IF parts[1] = 'entry' THEN  -- a voided adjustment given back, on its own day
    SELECT * INTO o FROM points_entry WHERE id = parts[2]::integer;
    RETURN array_length(parts, 1) = 3 AND parts[3] = 'back' AND o.id IS NOT NULL
      AND o.derived_key IS NULL AND o.voided_at IS NOT NULL AND e.reverses_id = o.id
      AND e.delta = -o.delta AND e.staff_id = o.staff_id AND e.day = o.day AND e.rule = 'void';
  END IF;
  SELECT * INTO v FROM visit WHERE id = parts[2]::integer;
  IF v.id IS NULL OR e.visit_id IS DISTINCT FROM v.id
     OR e.prospect_id IS DISTINCT FROM v.prospect_id THEN
    RETURN false;
  END IF;
  IF array_length(parts, 1) = 4 AND parts[4] = 'back' THEN
    SELECT * INTO o FROM points_entry
    WHERE derived_key = array_to_string(parts[1:3], chr(58));
    RETURN o.id IS NOT NULL AND e.reverses_id = o.id AND e.delta = -o.delta
      AND e.staff_id = o.staff_id
      AND yulin_withdrawn(o.derived_key, e.rule, e.day, o.day);
  END IF;
  given := yulin_consequence(e.derived_key);
  RETURN given IS NOT NULL AND e.rule = parts[3] AND e.reverses_id IS NULL
    AND given = e.staff_id || '|' || e.day || '|' || e.delta;
END
$f$;

-- A notice holds when it is the notice of a consequence that holds, or what withdraws one.
CREATE OR REPLACE FUNCTION yulin_notice_holds(n notice) RETURNS boolean LANGUAGE plpgsql STABLE
AS $f$
DECLARE
  parts text[] := string_to_array(n.derived_key, chr(58));
  given text;
  o notice;
BEGIN
  IF n.derived_key IS NULL OR parts[1] <> 'visit' OR parts[2] !~ '^[0-9]+$'
     OR n.visit_id IS DISTINCT FROM parts[2]::integer THEN
    RETURN false;
  END IF;
  IF array_length(parts, 1) = 4 AND parts[4] = 'back' THEN
    SELECT * INTO o FROM notice WHERE derived_key = array_to_string(parts[1:3], chr(58));
    RETURN o.id IS NOT NULL AND n.reverses_id = o.id AND n.kind = 'voided'
      AND n.delta = -o.delta AND n.staff_id = o.staff_id AND n.day = o.day
      AND (yulin_withdrawn(o.derived_key, 'void', o.day, o.day) OR EXISTS (
        SELECT 1 FROM inspection i WHERE i.visit_id = n.visit_id
          AND (i.status = 'unproven' AND parts[3] IN ('substandard', 'sweep')
               OR i.status = 'overturned' AND parts[3] = 'substandard')));
  END IF;
  given := yulin_consequence(n.derived_key);
  RETURN given IS NOT NULL AND n.rule = parts[3] AND n.reverses_id IS NULL
    AND given = n.staff_id || '|' || n.day || '|' || n.delta
    AND n.kind = CASE WHEN parts[3] = 'sweep' THEN 'praise'
                      WHEN parts[3] = 'proof' AND n.delta > 0 THEN 'praise'
                      ELSE 'criticism' END;
END
$f$;
"""

TRIGGERS = r"""
CREATE OR REPLACE FUNCTION yulin_guard_points() RETURNS trigger LANGUAGE plpgsql AS $f$
BEGIN
  IF yulin_admin() THEN
    RETURN COALESCE(NEW, OLD);
  END IF;
  IF TG_OP = 'DELETE' THEN
    IF OLD.derived_key IS NULL OR yulin_entry_holds(OLD) THEN
      PERFORM yulin_refuse('points entry ' || OLD.id || ' still stands');
    END IF;
    RETURN OLD;
  END IF;
  IF NEW.derived_key IS NULL THEN  -- a manager's adjustment (Q15), and its void
    IF NOT yulin_manager() OR NEW.rule <> 'adjustment' THEN
      PERFORM yulin_refuse('only a manager adjusts points');
    END IF;
    IF TG_OP = 'INSERT' AND (NEW.by_id IS DISTINCT FROM yulin_me() OR NEW.voided_at IS NOT NULL)
    THEN
      PERFORM yulin_refuse('an adjustment names the manager who makes it');
    END IF;
    IF TG_OP = 'UPDATE' AND (OLD.voided_at IS NOT NULL OR NEW.voided_by_id IS DISTINCT FROM yulin_me()
        OR (NEW.staff_id, NEW.day, NEW.delta, NEW.rule, NEW.by_id)
           IS DISTINCT FROM (OLD.staff_id, OLD.day, OLD.delta, OLD.rule, OLD.by_id)) THEN
      PERFORM yulin_refuse('an adjustment is only voided, once, by the manager voiding it');
    END IF;
    RETURN NEW;
  END IF;
  IF TG_OP = 'UPDATE' AND OLD.voided_at IS DISTINCT FROM NEW.voided_at THEN
    IF NOT yulin_manager() OR OLD.voided_at IS NOT NULL
       OR NEW.voided_by_id IS DISTINCT FROM yulin_me() THEN
      PERFORM yulin_refuse('only a manager voids a points entry, once');
    END IF;
  END IF;
  IF NOT yulin_entry_holds(NEW) THEN
    PERFORM yulin_refuse('not what the rules give for ' || NEW.derived_key);
  END IF;
  RETURN NEW;
END
$f$;

CREATE OR REPLACE FUNCTION yulin_guard_notice() RETURNS trigger LANGUAGE plpgsql AS $f$
BEGIN
  IF yulin_admin() THEN
    RETURN COALESCE(NEW, OLD);
  END IF;
  IF TG_OP = 'DELETE' THEN
    IF yulin_notice_holds(OLD) THEN
      PERFORM yulin_refuse('notice ' || OLD.id || ' still stands');
    END IF;
    RETURN OLD;
  END IF;
  IF NOT yulin_notice_holds(NEW) THEN
    PERFORM yulin_refuse('not the notice the rules give for ' || COALESCE(NEW.derived_key, '-'));
  END IF;
  RETURN NEW;
END
$f$;

CREATE OR REPLACE FUNCTION yulin_guard_visit() RETURNS trigger LANGUAGE plpgsql AS $f$
DECLARE
  derived boolean;
BEGIN
  IF yulin_admin() THEN
    RETURN NEW;
  END IF;
  IF TG_OP = 'INSERT' THEN
    IF NOT (yulin_role('visitor') OR yulin_manager()) THEN
      PERFORM yulin_refuse('visits are logged by visitors and managers');
    END IF;
    IF NEW.staff_id IS DISTINCT FROM yulin_me() AND NOT yulin_manager() THEN
      PERFORM yulin_refuse('a visit is logged by the one who made it');
    END IF;
    IF (SELECT s.center_id FROM staff s WHERE s.id = NEW.staff_id) IS DISTINCT FROM
       (SELECT s.center_id FROM prospect p JOIN staff s ON s.id = p.sourced_by_id
        WHERE p.id = NEW.prospect_id) THEN
      PERFORM yulin_refuse('a visit goes to a prospect of its visitor''s own centre');
    END IF;
    IF NEW.effective OR NEW.voided_at IS NOT NULL OR NEW.voided_by_id IS NOT NULL THEN
      PERFORM yulin_refuse('a visit is logged as it happened; the rules judge it');
    END IF;
    NEW.recorded_at := to_char(now() AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD"T"HH24:MI:SS');
    RETURN NEW;
  END IF;
  IF NEW.prospect_id IS DISTINCT FROM OLD.prospect_id AND NOT yulin_manager() THEN
    PERFORM yulin_refuse('a visit moves to another prospect only by a manager''s merge');
  END IF;
  IF NEW.effective IS DISTINCT FROM OLD.effective THEN
    derived := yulin_rule_effective(NEW) AND NOT yulin_unproven(NEW.id);
    IF NEW.effective IS DISTINCT FROM derived THEN
      PERFORM yulin_refuse('a visit is effective when its survey says so (Q7)');
    END IF;
  END IF;
  IF (NEW.voided_at, NEW.voided_by_id, NEW.void_reason)
     IS DISTINCT FROM (OLD.voided_at, OLD.voided_by_id, OLD.void_reason) THEN
    IF OLD.voided_at IS NOT NULL THEN
      PERFORM yulin_refuse('a void stands');
    END IF;
    IF NEW.voided_by_id IS DISTINCT FROM yulin_me() OR NEW.voided_at IS NULL THEN
      PERFORM yulin_refuse('a void names the one who makes it');
    END IF;
    IF NOT yulin_manager() AND (OLD.recorded_by_login IS DISTINCT FROM current_user
        OR left(COALESCE(OLD.recorded_at, ''), 10) <> yulin_today()
        OR EXISTS (SELECT 1 FROM inspection i WHERE i.visit_id = OLD.id)) THEN
      PERFORM yulin_refuse('only its recorder, the day they logged it, or a manager voids it');
    END IF;
  END IF;
  RETURN NEW;
END
$f$;

-- A void of a round or an outcome (rules.may_void): once, by the one who makes it, and by its
-- recorder on the day they recorded it unless a manager makes it.
CREATE OR REPLACE FUNCTION yulin_check_void(old_voided text, new_voided text, new_by integer,
                                            recorder text, recorded_at text)
RETURNS void LANGUAGE plpgsql AS $f$
BEGIN
  IF old_voided IS NOT NULL OR new_by IS DISTINCT FROM yulin_me() OR new_voided IS NULL THEN
    PERFORM yulin_refuse('a void names the one who makes it, once');
  END IF;
  IF NOT yulin_manager() AND (recorder IS DISTINCT FROM current_user
      OR left(COALESCE(recorded_at, ''), 10) <> yulin_today()) THEN
    PERFORM yulin_refuse('only its recorder, the day they recorded it, or a manager voids it');
  END IF;
END
$f$;

CREATE OR REPLACE FUNCTION yulin_guard_round() RETURNS trigger LANGUAGE plpgsql AS $f$
BEGIN
  IF yulin_admin() THEN
    RETURN NEW;
  END IF;
  IF TG_OP = 'INSERT' THEN
    IF NEW.staff_id IS DISTINCT FROM yulin_me() AND NOT yulin_manager() THEN
      PERFORM yulin_refuse('a round is recorded by the one who made it');
    END IF;
    IF NOT (yulin_role('prospector') OR yulin_manager() OR NEW.staff_id = (
             SELECT sourced_by_id FROM prospect WHERE id = NEW.prospect_id)) THEN
      PERFORM yulin_refuse('rounds are made by the finder, prospectors and managers (Q1)');
    END IF;
    IF NEW.voided_at IS NOT NULL THEN
      PERFORM yulin_refuse('a round is recorded as it happened');
    END IF;
    NEW.recorded_at := to_char(now() AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD"T"HH24:MI:SS');
    RETURN NEW;
  END IF;
  IF (NEW.prospect_id, NEW.round_no) IS DISTINCT FROM (OLD.prospect_id, OLD.round_no) THEN
    IF NOT yulin_manager() THEN
      PERFORM yulin_refuse('a round moves to another prospect only by a manager''s merge');
    END IF;
    RETURN NEW;
  END IF;
  PERFORM yulin_check_void(OLD.voided_at, NEW.voided_at, NEW.voided_by_id,
                           OLD.recorded_by_login, OLD.recorded_at);
  RETURN NEW;
END
$f$;

CREATE OR REPLACE FUNCTION yulin_guard_inspection() RETURNS trigger LANGUAGE plpgsql AS $f$
BEGIN
  IF yulin_admin() THEN
    RETURN COALESCE(NEW, OLD);
  END IF;
  IF TG_OP = 'INSERT' AND NEW.status = 'open' AND NEW.decided_by IS NULL
     AND NEW.decided_on IS NULL THEN
    RETURN NEW;  -- a question the rules ask (anyone's command may open it)
  END IF;
  IF NOT yulin_manager() THEN
    PERFORM yulin_refuse('only a manager answers or closes an inspection (Q15)');
  END IF;
  IF TG_OP = 'DELETE' THEN
    IF OLD.status <> 'open' THEN
      PERFORM yulin_refuse('an answer stands');
    END IF;
    RETURN OLD;
  END IF;
  IF TG_OP = 'UPDATE' AND (OLD.status <> 'open' OR NEW.visit_id <> OLD.visit_id
                           OR NEW.question <> OLD.question) THEN
    PERFORM yulin_refuse('an answer stands');
  END IF;
  IF NEW.status <> 'open' AND (NEW.decided_by IS DISTINCT FROM yulin_me()
      OR NEW.status <> ALL (CASE NEW.question WHEN 'finding' THEN ARRAY['upheld', 'overturned']
                                 ELSE ARRAY['proven', 'unproven'] END)) THEN
    PERFORM yulin_refuse('an answer names the manager who gives it, in its own words');
  END IF;
  RETURN NEW;
END
$f$;

-- Facts a staff login may change on a prospect someone else found: what a visit finds out.
CREATE OR REPLACE FUNCTION yulin_guard_prospect() RETURNS trigger LANGUAGE plpgsql AS $f$
DECLARE
  changed text[];
  col text;
  own_row jsonb := to_jsonb(OLD);
  new_row jsonb := to_jsonb(NEW);
BEGIN
  IF yulin_admin() THEN
    RETURN NEW;
  END IF;
  IF TG_OP = 'INSERT' THEN
    IF NEW.sourced_by_id IS DISTINCT FROM yulin_me() AND NOT yulin_manager() THEN
      PERFORM yulin_refuse('a staff login adds what it found itself');
    END IF;
    IF NEW.merged_into IS NOT NULL THEN
      PERFORM yulin_refuse('a prospect is added live');
    END IF;
    RETURN NEW;
  END IF;
  SELECT array_agg(k) INTO changed FROM jsonb_object_keys(new_row) k
  WHERE new_row -> k IS DISTINCT FROM own_row -> k;
  IF changed IS NULL THEN
    RETURN NEW;
  END IF;
  IF yulin_manager() THEN
    RETURN NEW;
  END IF;
  IF 'sourced_by_id' = ANY (changed) OR 'merged_into' = ANY (changed) THEN
    PERFORM yulin_refuse('changing the finder or a merge is a manager''s act');
  END IF;
  IF 'duplicate_of' = ANY (changed) AND NEW.duplicate_of IS NOT NULL AND NOT EXISTS (
       SELECT 1 FROM prospect d WHERE d.id = NEW.duplicate_of AND d.id < NEW.id
         AND d.merged_into IS NULL
         AND (d.landline IN (NEW.landline, NEW.mobile) OR d.mobile IN (NEW.landline, NEW.mobile)
              OR (d.name_key = NEW.name_key AND d.city = NEW.city)
              OR d.credit_code = NEW.credit_code)) THEN
    PERFORM yulin_refuse('duplicate_of names the earlier prospect it duplicates (Q8)');
  END IF;
  IF OLD.sourced_by_id IS DISTINCT FROM yulin_me() THEN
    FOREACH col IN ARRAY changed LOOP
      IF col NOT IN ('landline', 'landline_ext', 'mobile', 'email', 'qq', 'employees', 'pcs',
                     'latitude', 'longitude', 'in_selection') THEN
        PERFORM yulin_refuse('only its finder or a manager changes ' || col
                             || ' of prospect ' || OLD.id);
      END IF;
    END LOOP;
  END IF;
  RETURN NEW;
END
$f$;

-- Every change of a prospect's facts is in its history, written in the same transaction by
-- the same login (prospects.queries.update_prospect writes it first).
CREATE OR REPLACE FUNCTION yulin_history_kept() RETURNS trigger LANGUAGE plpgsql AS $f$
DECLARE
  _col text;
  _field text;
BEGIN
  IF yulin_admin() THEN
    RETURN NEW;
  END IF;
  FOR _col IN SELECT k FROM jsonb_object_keys(to_jsonb(NEW)) k
              WHERE to_jsonb(NEW) -> k IS DISTINCT FROM to_jsonb(OLD) -> k
                AND k NOT IN ('name_key', 'recorded_by_login') LOOP
    _field := CASE WHEN _col IN ('latitude', 'longitude') THEN 'location' ELSE _col END;
    IF NOT EXISTS (SELECT 1 FROM prospect_change c WHERE c.prospect_id = NEW.id
                   AND c.field = _field AND c.recorded_by_login = current_user
                   AND c.xmin::text = (pg_current_xact_id()::text::bigint % 4294967296)::text)
    THEN
      PERFORM yulin_refuse('a change of ' || _col || ' is recorded in its history');
    END IF;
  END LOOP;
  RETURN NEW;
END
$f$;

CREATE OR REPLACE FUNCTION yulin_guard_plan() RETURNS trigger LANGUAGE plpgsql AS $f$
BEGIN
  IF yulin_admin() OR yulin_manager() THEN
    RETURN NEW;
  END IF;
  IF TG_OP = 'INSERT' THEN
    IF NEW.visitor_id IS DISTINCT FROM yulin_me() OR NOT yulin_role('visitor')
       OR NEW.visit_id IS NOT NULL THEN
      PERFORM yulin_refuse('a visitor plans their own visits');
    END IF;
    RETURN NEW;
  END IF;
  IF NEW.visit_id IS NULL THEN  -- reopened: only when the visit that closed it was voided
    IF NOT EXISTS (SELECT 1 FROM visit v WHERE v.id = OLD.visit_id AND v.voided_at IS NOT NULL)
    THEN
      PERFORM yulin_refuse('a plan reopens when the visit that made it is voided');
    END IF;
  ELSIF OLD.visit_id IS NOT NULL OR NOT EXISTS (
      SELECT 1 FROM visit v WHERE v.id = NEW.visit_id AND v.prospect_id = NEW.prospect_id
        AND v.staff_id = NEW.visitor_id AND v.day = NEW.day
        AND v.recorded_by_login = current_user) THEN
    PERFORM yulin_refuse('a plan is closed by its own visit, logged by this login');
  END IF;
  RETURN NEW;
END
$f$;

CREATE OR REPLACE FUNCTION yulin_guard_signal() RETURNS trigger LANGUAGE plpgsql AS $f$
BEGIN
  IF yulin_admin() OR yulin_manager() THEN
    RETURN NEW;
  END IF;
  IF TG_OP = 'INSERT' THEN
    IF NEW.by_id IS DISTINCT FROM yulin_me() OR NEW.cleared_on IS NOT NULL THEN
      PERFORM yulin_refuse('a signal is recorded by the one who saw it');
    END IF;
    RETURN NEW;
  END IF;
  IF OLD.cleared_on IS NOT NULL OR NEW.cleared_by_id IS DISTINCT FROM yulin_me()
     OR (NEW.prospect_id, NEW.signal, NEW.day, NEW.by_id)
        IS DISTINCT FROM (OLD.prospect_id, OLD.signal, OLD.day, OLD.by_id) THEN
    PERFORM yulin_refuse('a signal is withdrawn, once, by the one withdrawing it');
  END IF;
  RETURN NEW;
END
$f$;

CREATE OR REPLACE FUNCTION yulin_guard_managers() RETURNS trigger LANGUAGE plpgsql AS $f$
BEGIN
  IF yulin_admin() THEN
    RETURN COALESCE(NEW, OLD);
  END IF;
  IF NOT yulin_manager() THEN
    PERFORM yulin_refuse('only a manager changes ' || TG_TABLE_NAME);
  END IF;
  RETURN COALESCE(NEW, OLD);
END
$f$;

-- The notification outbox: a message goes in unsent, and once sent stays sent (the rate
-- limit counts what was sent; a forged "unsent" would send a report twice).
CREATE OR REPLACE FUNCTION yulin_guard_outbox() RETURNS trigger LANGUAGE plpgsql AS $f$
BEGIN
  IF yulin_admin() THEN
    RETURN NEW;
  END IF;
  IF TG_OP = 'INSERT' AND (NEW.sent_at IS NOT NULL OR NEW.attempts <> 0) THEN
    PERFORM yulin_refuse('a message enters the outbox unsent');
  END IF;
  IF TG_OP = 'UPDATE' AND (OLD.sent_at IS NOT NULL AND NEW.sent_at IS DISTINCT FROM OLD.sent_at
                           OR NEW.attempts < OLD.attempts) THEN
    PERFORM yulin_refuse('a sent message stays sent');
  END IF;
  RETURN NEW;
END
$f$;

-- A staff login's history row tells the truth about the change it goes with: the value the
-- prospect holds now, a day not after today, by itself or by its own visit of that prospect,
-- and never of what only a manager changes (a history row alone would move "as of" facts).
CREATE OR REPLACE FUNCTION yulin_guard_change() RETURNS trigger LANGUAGE plpgsql AS $f$
DECLARE
  cur jsonb;
BEGIN
  IF yulin_admin() OR yulin_manager() THEN
    RETURN NEW;
  END IF;
  IF NEW.by_id IS NOT NULL AND NEW.by_id IS DISTINCT FROM yulin_me() THEN
    PERFORM yulin_refuse('a change is recorded as the one who made it');
  END IF;
  IF NEW.field IN ('sourced_by_id', 'merged_into', 'duplicate_of') OR NEW.day > yulin_today() THEN
    PERFORM yulin_refuse('not a change this login makes: ' || NEW.field);
  END IF;
  IF NEW.visit_id IS NOT NULL AND NOT EXISTS (
       SELECT 1 FROM visit v WHERE v.id = NEW.visit_id AND v.prospect_id = NEW.prospect_id
         AND v.recorded_by_login = current_user) THEN
    PERFORM yulin_refuse('a change found out by a visit names this login''s visit of it');
  END IF;
  SELECT CASE WHEN NEW.field = 'location' THEN
           CASE WHEN p.latitude IS NULL THEN NULL
                ELSE jsonb_build_array(p.latitude, p.longitude) END
         ELSE NULLIF(to_jsonb(p) -> NEW.field, 'null'::jsonb) END
    INTO cur FROM prospect p WHERE p.id = NEW.prospect_id;
  IF NEW.old_value::jsonb IS DISTINCT FROM cur THEN
    PERFORM yulin_refuse('a change starts from what prospect ' || NEW.prospect_id || ' holds');
  END IF;
  RETURN NEW;
END
$f$;

-- How a deal ended (rules.may_record_outcome): recorded by a manager or the prospect's finder,
-- as themselves, not dated ahead, one standing per prospect; voided like a round.
CREATE OR REPLACE FUNCTION yulin_guard_outcome() RETURNS trigger LANGUAGE plpgsql AS $f$
BEGIN
  IF yulin_admin() THEN
    RETURN NEW;
  END IF;
  IF TG_OP = 'INSERT' THEN
    IF NEW.by_id IS DISTINCT FROM yulin_me() AND NOT yulin_manager() THEN
      PERFORM yulin_refuse('an outcome is recorded by the one who records it');
    END IF;
    IF NOT (yulin_manager() OR NEW.by_id = (
             SELECT sourced_by_id FROM prospect WHERE id = NEW.prospect_id)) THEN
      PERFORM yulin_refuse('a deal''s end is recorded by a manager or its finder (Q5, Q13)');
    END IF;
    IF NEW.voided_at IS NOT NULL OR NEW.voided_by_id IS NOT NULL OR NEW.day > yulin_today()
       OR NEW.result NOT IN ('won', 'lost') THEN
      PERFORM yulin_refuse('an outcome is recorded as it happened');
    END IF;
    IF EXISTS (SELECT 1 FROM deal_outcome o WHERE o.prospect_id = NEW.prospect_id
               AND o.voided_at IS NULL) THEN
      PERFORM yulin_refuse('one outcome stands per prospect');
    END IF;
    NEW.recorded_at := to_char(now() AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD"T"HH24:MI:SS');
    RETURN NEW;
  END IF;
  PERFORM yulin_check_void(OLD.voided_at, NEW.voided_at, NEW.voided_by_id,
                           OLD.recorded_by_login, OLD.recorded_at);
  RETURN NEW;
END
$f$;
"""

# table -> (trigger function, events)
GUARDS: dict[str, tuple[str, str]] = {
    "points_entry": ("yulin_guard_points", "INSERT OR UPDATE OR DELETE"),
    "notice": ("yulin_guard_notice", "INSERT OR UPDATE OR DELETE"),
    "visit": ("yulin_guard_visit", "INSERT OR UPDATE"),
    "verification_round": ("yulin_guard_round", "INSERT OR UPDATE"),
    "inspection": ("yulin_guard_inspection", "INSERT OR UPDATE OR DELETE"),
    "prospect": ("yulin_guard_prospect", "INSERT OR UPDATE"),
    "planned_visit": ("yulin_guard_plan", "INSERT OR UPDATE"),
    "redsea_signal": ("yulin_guard_signal", "INSERT OR UPDATE"),
    "prospect_change": ("yulin_guard_change", "INSERT"),
    # Managers' tables: centres, people and roles, merges, policy versions, settlements.
    "center": ("yulin_guard_managers", "INSERT OR UPDATE OR DELETE"),
    "staff": ("yulin_guard_managers", "INSERT OR UPDATE OR DELETE"),
    "prospect_merge": ("yulin_guard_managers", "INSERT OR UPDATE OR DELETE"),
    "merge_moved": ("yulin_guard_managers", "INSERT OR UPDATE OR DELETE"),
    "policy_version": ("yulin_guard_managers", "INSERT OR UPDATE OR DELETE"),
    "distinct_pair": ("yulin_guard_managers", "INSERT OR UPDATE OR DELETE"),
    "deal_outcome": ("yulin_guard_outcome", "INSERT OR UPDATE"),
    "notify_outbox": ("yulin_guard_outbox", "INSERT OR UPDATE"),
}
# After the row is written: its history is there too.
AFTER = {"prospect": ("yulin_history_kept", "UPDATE")}


def install(tx: Tx, tables: set[str]) -> int:
    """The functions and triggers, replacing earlier ones; returns the triggers installed."""
    tx.run(FUNCTIONS)
    tx.run(TRIGGERS)
    count = 0
    for table, (function, events) in GUARDS.items():
        if table not in tables:
            continue
        tx.run(f"DROP TRIGGER IF EXISTS yulin_guard ON {table}")
        tx.run(f"CREATE TRIGGER yulin_guard BEFORE {events} ON {table}"
               f" FOR EACH ROW EXECUTE FUNCTION {function}()")
        count += 1
    for table, (function, events) in AFTER.items():
        tx.run(f"DROP TRIGGER IF EXISTS yulin_history ON {table}")
        tx.run(f"CREATE TRIGGER yulin_history AFTER {events} ON {table}"
               f" FOR EACH ROW EXECUTE FUNCTION {function}()")
        count += 1
    # The settlement of a direct-sales project is a manager's act (Q11).
    tx.run("DROP TRIGGER IF EXISTS yulin_guard ON direct_sales_project")
    tx.run("CREATE TRIGGER yulin_guard BEFORE UPDATE ON direct_sales_project"
           " FOR EACH ROW EXECUTE FUNCTION yulin_guard_managers()")
    return count + 1
