"""Keeps docs/zeren-model.schema.json in step with the model loader.

* Every example and test document that `zeren validate` accepts is valid against the schema.
* Small documents that the loader rejects for their shape (unknown keys, wrong JSON types,
  unknown vocabulary, malformed dates, missing required keys, a bad policy or scheme) are
  rejected by the schema too, and `zeren validate` rejects each of them (exit code 1) with the
  problem the case is about, at its JSON path.
* Small documents that the loader accepts (partial policies and schemes, `x_` keys in every
  object, integers written as decimals) are accepted by the schema too.
* The vocabularies the loader reports in its messages are the schema's enums.

The schema is about shape: semantic checks of the loader (unknown ids, cycles, overlapping
posts, dates out of order) are not tested here.

Paths come from the environment (set by CTest): ZEREN_SCHEMA (the schema file), ZEREN_TEST_DATA
(tests/data), ZEREN_EXAMPLES (examples/data) and ZEREN_CLI (the `zeren` program).
"""

import copy
import glob
import json
import os
import re
import subprocess
import tempfile
import unittest

import jsonschema

ENVIRONMENT = ("ZEREN_SCHEMA", "ZEREN_TEST_DATA", "ZEREN_EXAMPLES", "ZEREN_CLI")
EXIT_OK = 0
EXIT_INVALID_MODEL = 1


def setUpModule():
    missing = [name for name in ENVIRONMENT if not os.environ.get(name)]
    if missing:
        raise RuntimeError(
            "set " + ", ".join(missing) + " (CTest sets them: ctest -R schema)")
    if not os.access(os.environ["ZEREN_CLI"], os.X_OK):
        raise RuntimeError(
            "ZEREN_CLI=" + os.environ["ZEREN_CLI"] + " is not an executable: build the "
            "zeren_cli target first")


def load_schema():
    with open(os.environ["ZEREN_SCHEMA"], encoding="utf-8") as f:
        return json.load(f)


def validator():
    return jsonschema.Draft202012Validator(load_schema())


def schema_errors(checker, document):
    return sorted(checker.iter_errors(document), key=lambda e: list(e.absolute_path))


def describe(errors):
    return "; ".join(
        "/".join(str(p) for p in e.absolute_path) + ": " + e.message[:200] for e in errors[:5])


class CliRunner:
    """Runs `zeren validate` on documents written to a temporary folder."""

    def __init__(self):
        self._folder = tempfile.TemporaryDirectory(prefix="zeren-schema-")
        self._count = 0

    def close(self):
        self._folder.cleanup()

    def validate_file(self, path):
        return subprocess.run([os.environ["ZEREN_CLI"], "validate", path],
                              capture_output=True, text=True, timeout=120)

    def validate_text(self, text):
        self._count += 1
        path = os.path.join(self._folder.name, "model-%d.json" % self._count)
        with open(path, "w", encoding="utf-8") as f:
            f.write(text)
        return self.validate_file(path)

    def validate(self, document):
        return self.validate_text(json.dumps(document, ensure_ascii=False, indent=1))

    def default(self, what):
        result = subprocess.run([os.environ["ZEREN_CLI"], what, "--default"],
                                capture_output=True, text=True, timeout=120)
        if result.returncode != EXIT_OK:
            raise AssertionError("zeren %s --default failed: %s" % (what, result.stderr))
        return json.loads(result.stdout)


# A small document using every object of the format; `zeren validate` accepts it.
BASE = {
    "format": "zeren-model",
    "version": 1,
    "name": "schema test organization",
    "settings": {"warn_days": 7, "max_secretary_posts": 3},
    "units": [
        {"id": "org", "name": "Leading Group", "kind": "leading_group"},
        {"id": "opc", "name": "Organ Committee", "kind": "organ_committee", "parents": ["org"]},
        {"id": "odc", "name": "Discipline Commission", "kind": "discipline_commission",
         "parents": ["opc"]},
        {"id": "b1", "name": "Branch One", "kind": "branch", "members": 12, "from": "2020-01-01",
         "parents": [{"unit": "opc", "weight": 0.6}, {"unit": "org", "weight": 0.4}]},
        {"id": "tmp", "name": "Task Force", "kind": "task_force", "parents": [],
         "from": "2024-01-01", "to": "2026-01-01"},
    ],
    "people": [{"id": "p1", "name": "Secretary"}, {"id": "p2", "name": "Member"},
               {"id": "p3", "name": "Staff"}],
    "posts": [
        {"person": "p1", "unit": "org", "role": "secretary", "from": "2021-03-01"},
        {"person": "p2", "unit": "org", "role": "member", "from": "2021-03-01",
         "to": "2026-01-01", "in_charge_of": ["b1"]},
        {"person": "p3", "unit": "b1", "role": "staff", "from": "2023-05-01"},
    ],
    "links": [
        {"kind": "supervises", "from": "odc", "to": "opc"},
        {"kind": "specializes", "from": "opc", "to": "b1"},
        {"kind": "guides", "from": "p2", "to": "b1", "from_date": "2024-01-01",
         "to_date": "2026-01-01"},
    ],
    "duties": [
        {"id": "d1", "holder": {"unit": "b1"}, "category": "principal",
         "dimension": "grassroots", "text": "party building in the branch"},
        {"id": "d2", "holder": {"unit": "org", "role": "secretary"},
         "category": "first_responsible"},
    ],
    "directives": [
        {"id": "dv1", "title": "A directive", "issued_by": "org", "date": "2025-01-10",
         "reach": 2,
         "tasks": [
             {"id": "t1", "unit": "opc", "due": "2025-03-01", "status": "done",
              "completed": "2025-02-20",
              "subtasks": [{"id": "t1.1", "unit": "b1", "due": "2025-02-25", "status": "open"}]},
         ],
         "reviews": [{"date": "2025-04-01", "task": "t1.1", "result": "fail", "note": "late"},
                     {"date": "2025-04-02", "result": "pass"}]},
        {"id": "dv2", "issued_by": "opc", "date": "2025-06-01"},
    ],
    "incidents": [
        {"id": "i1", "unit": "b1", "date": "2025-05-01", "since": "2024-09-01",
         "severity": "serious", "case": "c7", "dimension": "grassroots", "duty": "d1",
         "task": "t1.1", "direct": ["p3"], "participants": ["p2"],
         "circumstances": [{"kind": "concealment", "person": "p3"},
                           {"kind": "due_diligence"}]},
        {"id": "i2", "unit": "opc", "date": "2025-07-01", "severity": "minor"},
    ],
    "assessment": {
        "period": {"from": "2025-01-01", "to": "2026-01-01"},
        "scheme": "default",
        "points": [{"unit": "b1", "indicator": "integrity.meetings", "value": 18}],
        "bonuses": [{"unit": "b1", "points": 2, "reason": "a model branch"},
                    {"unit": "opc", "points": 1}],
        "ballots": [{"subject": {"unit": "b1", "role": "secretary"}, "good": 30,
                     "fairly_good": 8, "average": 2, "poor": 0},
                    {"subject": {"unit": "opc"}, "good": 3}],
        "reviews": [{"unit": "b1", "score": 88}],
        "appraisals": [{"person": "p3", "score": 92.5}],
    },
    "policy": "default",
}


def base():
    return copy.deepcopy(BASE)


def setting(path, value):
    """A mutation that sets the member at `path` (keys and indexes) to `value`."""
    def mutate(document):
        target = document
        for step in path[:-1]:
            target = target[step]
        target[path[-1]] = copy.deepcopy(value)
    return mutate


def removing(path):
    """A mutation that removes the member at `path`."""
    def mutate(document):
        target = document
        for step in path[:-1]:
            target = target[step]
        del target[path[-1]]
    return mutate


def with_scheme(scheme):
    return setting(("assessment", "scheme"), scheme)


# Documents the loader rejects for their shape: (name, mutation of BASE, what `zeren validate`
# reports: the JSON path and the start of the message). Each case changes one thing.
REJECTED = [
    # The cases of the brief.
    ("unknown key", setting(("colour",), "red"), 'colour: unknown key "colour"'),
    ("members of the wrong type", setting(("units", 3, "members"), "12"),
     "units[3].members: expected an integer, found a string"),
    ("unknown role", setting(("posts", 0, "role"), "chairman"),
     'posts[0].role: unknown role "chairman"'),
    ("unknown link kind", setting(("links", 0, "kind"), "oversees"),
     'links[0].kind: unknown kind "oversees"'),
    ("unknown severity", setting(("incidents", 0, "severity"), "critical"),
     'incidents[0].severity: unknown severity "critical"'),
    ("unknown task status", setting(("directives", 0, "tasks", 0, "status"), "finished"),
     'directives[0].tasks[0].status: unknown status "finished"'),
    ("unknown circumstance", setting(("incidents", 0, "circumstances", 0, "kind"), "remorse"),
     'incidents[0].circumstances[0].kind: unknown kind "remorse"'),
    ("malformed date", setting(("posts", 0, "from"), "2021-3-1"),
     'posts[0].from: malformed date "2021-3-1"'),
    ("missing units", removing(("units",)), 'units: missing required key "units"'),
    ("unit without a name", removing(("units", 0, "name")),
     'units[0].name: missing required key "name"'),
    ("parent entry with an unknown key", setting(("units", 3, "parents", 0, "share"), 0.5),
     'units[3].parents[0].share: unknown key "share"'),
    ('policy "strict"', setting(("policy",), "strict"),
     'policy: expected "default" or an object'),
    ("version 2", setting(("version",), 2), "version: unsupported format version 2"),
    ("unknown form in policy.forms", setting(("policy",), {"forms": {"direct": {"minor": "warning"}}}),
     'policy.forms.direct.minor: unknown minor "warning"'),
    # The document and its records.
    ("another format", setting(("format",), "zeren-modle"), 'format: expected "zeren-model"'),
    ("version as a string", setting(("version",), "1"),
     "version: expected an integer, found a string"),
    ("missing version", removing(("version",)), 'version: missing required key "version"'),
    ("x_ spelled with a capital", setting(("X_note",), "hello"), 'X_note: unknown key "X_note"'),
    ("name not a string", setting(("name",), 5), "name: expected a string, found a number"),
    ("units not an array", setting(("units",), {}), "units: expected an array, found an object"),
    ("posts not an array", setting(("posts",), "none"), "posts: expected an array, found a string"),
    ("a unit that is not an object", setting(("units", 0), "org"),
     "units[0]: expected an object, found a string"),
    ("unknown key in settings", setting(("settings", "warn_weeks"), 1),
     'settings.warn_weeks: unknown key "warn_weeks"'),
    ("settings as a fraction", setting(("settings", "warn_days"), 7.5),
     "settings.warn_days: expected an integer, found a fraction"),
    ("settings out of 32 bits", setting(("settings", "max_secretary_posts"), 2 ** 31),
     "settings.max_secretary_posts: integer 2147483648 is out of range"),
    ("negative warn_days", setting(("settings", "warn_days"), -1),
     "settings.warn_days: must not be negative"),
    ("empty unit id", setting(("units", 4, "id"), ""), "units[4].id: id must be a non-empty"),
    ("unit id not a string", setting(("units", 4, "id"), 4), "units[4].id: expected a string"),
    ("members as a fraction", setting(("units", 3, "members"), 12.5),
     "units[3].members: expected an integer, found a fraction"),
    ("negative members", setting(("units", 3, "members"), -1),
     "units[3].members: members must be from 0 to 2^53"),
    ("members beyond 2^53", setting(("units", 3, "members"), 2 ** 53 + 2),
     "units[3].members: expected an integer within"),
    ("malformed unit date", setting(("units", 4, "to"), "2026/01/01"),
     'units[4].to: malformed date "2026/01/01"'),
    ("parents not an array", setting(("units", 1, "parents"), "org"),
     "units[1].parents: expected an array, found a string"),
    ("a parent that is a number", setting(("units", 1, "parents"), [1]),
     "units[1].parents[0]: expected an object, found a number"),
    ("parent without a weight", setting(("units", 3, "parents", 0), {"unit": "opc"}),
     'units[3].parents[0].weight: missing required key "weight"'),
    ("parent weight zero", setting(("units", 3, "parents", 0, "weight"), 0),
     "units[3].parents[0].weight: weight of parent"),
    ("weighted and unweighted parents mixed",
     setting(("units", 3, "parents"), ["opc", {"unit": "org", "weight": 1}]),
     "units[3].parents: parents of unit"),
    ("unknown key in a person", setting(("people", 0, "title"), "Dr"),
     'people[0].title: unknown key "title"'),
    ("person without a name", removing(("people", 0, "name")),
     'people[0].name: missing required key "name"'),
    ("unknown key in a post", setting(("posts", 0, "deputy_of"), "b1"),
     'posts[0].deputy_of: unknown key "deputy_of"'),
    ("post without from", removing(("posts", 0, "from")),
     'posts[0].from: missing required key "from"'),
    ("in_charge_of with a number", setting(("posts", 1, "in_charge_of"), [1]),
     "posts[1].in_charge_of[0]: expected a string, found a number"),
    ("staff post in charge of a unit", setting(("posts", 2, "in_charge_of"), ["b1"]),
     "posts[2].in_charge_of: only a leadership post"),
    ("link dates named from/to", setting(("links", 2, "valid_from"), "2024-01-01"),
     'links[2].valid_from: unknown key "valid_from"'),
    ("link without to", removing(("links", 0, "to")), 'links[0].to: missing required key "to"'),
    ("malformed link date", setting(("links", 2, "to_date"), "2026-01"),
     'links[2].to_date: malformed date "2026-01"'),
    ("unknown duty category", setting(("duties", 0, "category"), "general"),
     'duties[0].category: unknown category "general"'),
    ("duty holder as a string", setting(("duties", 0, "holder"), "b1"),
     "duties[0].holder: expected an object, found a string"),
    ("unknown holder role", setting(("duties", 1, "holder", "role"), "chair"),
     'duties[1].holder.role: unknown role "chair"'),
    ("unknown key in a holder", setting(("duties", 1, "holder", "person"), "p1"),
     'duties[1].holder.person: unknown key "person"'),
    ("directive without issued_by", removing(("directives", 0, "issued_by")),
     'directives[0].issued_by: missing required key "issued_by"'),
    ("reach zero", setting(("directives", 0, "reach"), 0),
     "directives[0].reach: reach must be at least 1"),
    ("reach as a string", setting(("directives", 0, "reach"), "2"),
     "directives[0].reach: expected an integer, found a string"),
    ("done task without completed", removing(("directives", 0, "tasks", 0, "completed")),
     "directives[0].tasks[0].completed: task"),
    ("unknown key in a subtask",
     setting(("directives", 0, "tasks", 0, "subtasks", 0, "owner"), "p3"),
     'directives[0].tasks[0].subtasks[0].owner: unknown key "owner"'),
    ("subtask without due", removing(("directives", 0, "tasks", 0, "subtasks", 0, "due")),
     'directives[0].tasks[0].subtasks[0].due: missing required key "due"'),
    ("unknown review result", setting(("directives", 0, "reviews", 0, "result"), "ok"),
     'directives[0].reviews[0].result: unknown result "ok"'),
    ("review without a date", removing(("directives", 0, "reviews", 1, "date")),
     'directives[0].reviews[1].date: missing required key "date"'),
    ("incident without a unit", removing(("incidents", 1, "unit")),
     'incidents[1].unit: missing required key "unit"'),
    ("direct as a string", setting(("incidents", 0, "direct"), "p3"),
     "incidents[0].direct: expected an array, found a string"),
    ("unknown key in a circumstance",
     setting(("incidents", 0, "circumstances", 1, "weight"), 2),
     'incidents[0].circumstances[1].weight: unknown key "weight"'),
    ("a date with a final newline", setting(("incidents", 1, "date"), "2025-07-01\n"),
     'incidents[1].date: malformed date "2025-07-01'),
    ("malformed since", setting(("incidents", 0, "since"), "September 2024"),
     'incidents[0].since: malformed date "September 2024"'),
    # Assessment inputs.
    ("assessment without a period", removing(("assessment", "period")),
     'assessment.period: missing required key "period"'),
    ("unknown key in the period", setting(("assessment", "period", "year"), 2025),
     'assessment.period.year: unknown key "year"'),
    ("unknown key in the assessment", setting(("assessment", "weights"), {}),
     'assessment.weights: unknown key "weights"'),
    ("points value as a string", setting(("assessment", "points", 0, "value"), "18"),
     "assessment.points[0].value: expected a number, found a string"),
    ("ballot without a subject", removing(("assessment", "ballots", 1, "subject")),
     'assessment.ballots[1].subject: missing required key "subject"'),
    ("votes as a fraction", setting(("assessment", "ballots", 0, "good"), 30.5),
     "assessment.ballots[0].good: expected an integer, found a fraction"),
    ("negative votes", setting(("assessment", "ballots", 0, "poor"), -1),
     "assessment.ballots[0]: vote counts must be from 0 to 2^53"),
    ("appraisal without a score", removing(("assessment", "appraisals", 0, "score")),
     'assessment.appraisals[0].score: missing required key "score"'),
    # Policy.
    ("policy as a number", setting(("policy",), 1), 'policy: expected "default" or an object'),
    ("unknown key in the policy", setting(("policy",), {"weights": {}}),
     'policy.weights: unknown key "weights"'),
    ("unknown category in policy.degrees", setting(("policy",), {"degrees": {"bystander": 0.1}}),
     'policy.degrees.bystander: unknown key "bystander"'),
    ("degree above 1", setting(("policy",), {"degrees": {"direct": 1.5}}),
     "policy.degrees.direct: must be in (0, 1]"),
    ("degree as a string", setting(("policy",), {"degrees": {"guidance": "0.3"}}),
     "policy.degrees.guidance: expected a number, found a string"),
    ("unknown severity in policy.upward",
     setting(("policy",), {"upward": {"min_severity": "extreme"}}),
     'policy.upward.min_severity: unknown min_severity "extreme"'),
    ("decay zero", setting(("policy",), {"upward": {"decay": 0}}),
     "policy.upward.decay: must be in (0, 1]"),
    ("max_levels above 1000", setting(("policy",), {"upward": {"max_levels": 1001}}),
     "policy.upward.max_levels: must be an integer from 0 to 1000"),
    ("unknown severity in policy.forms",
     setting(("policy",), {"forms": {"guidance": {"extreme": "none"}}}),
     'policy.forms.guidance.extreme: unknown key "extreme"'),
    ("a unit form for people",
     setting(("policy",), {"forms": {"direct": {"grave": "reorganization"}}}),
     'policy.forms.direct.grave: form "reorganization" is not on the people\'s ladder'),
    ("a person form for the unit",
     setting(("policy",), {"forms": {"overall_leadership": {"minor": "admonishment"}}}),
     'policy.forms.overall_leadership.minor: form "admonishment" is not on the units\' ladder'),
    ("a forms row that is not an object", setting(("policy",), {"forms": {"upward": "none"}}),
     "policy.forms.upward: expected an object, found a string"),
    ("unknown circumstance in the policy",
     setting(("policy",), {"circumstances": {"remorse": -1}}),
     'policy.circumstances.remorse: unknown key "remorse"'),
    ("a fractional step", setting(("policy",), {"circumstances": {"repeat": 1.5}}),
     "policy.circumstances.repeat: expected an integer step"),
    ("a step beyond 100", setting(("policy",), {"circumstances": {"repeat": 101}}),
     "policy.circumstances.repeat: expected an integer step"),
    ("a step that is another word", setting(("policy",), {"circumstances": {"repeat": "double"}}),
     "policy.circumstances.repeat: expected an integer step"),
    # Scheme.
    ('scheme "strict"', with_scheme("strict"), 'assessment.scheme: expected "default" or an object'),
    ("unknown key in the scheme", with_scheme({"weights": {}}),
     'assessment.scheme.weights: unknown key "weights"'),
    ("unknown component", with_scheme({"components": {"attendance": 0.1}}),
     'assessment.scheme.components.attendance: unknown key "attendance"'),
    ("negative component", with_scheme({"components": {"daily": -0.1}}),
     "assessment.scheme.components.daily: must not be negative"),
    ("a dimension without a weight",
     with_scheme({"dimensions": [{"id": "x", "indicators": [{"id": "x.a", "max": 10}]}]}),
     'assessment.scheme.dimensions[0].weight: missing required key "weight"'),
    ("a dimension without indicators",
     with_scheme({"dimensions": [{"id": "x", "weight": 1, "indicators": []}]}),
     "assessment.scheme.dimensions[0].indicators: a dimension needs at least one indicator"),
    ("an indicator with max 0",
     with_scheme({"dimensions": [{"id": "x", "weight": 1, "indicators": [{"id": "x.a", "max": 0}]}]}),
     "assessment.scheme.dimensions[0].indicators[0].max: must be greater than 0"),
    ("an indicator from elsewhere",
     with_scheme({"dimensions": [{"id": "x", "weight": 1,
                                  "indicators": [{"id": "x.a", "max": 10, "from": "ledger.count"}]}]}),
     'assessment.scheme.dimensions[0].indicators[0].from: unknown source "ledger.count"'),
    ("unknown deduction factor", with_scheme({"deductions": {"factors": {"remorse": 0.5}}}),
     'assessment.scheme.deductions.factors.remorse: unknown key "remorse"'),
    ("ballot value as a string", with_scheme({"ballot_values": {"good": "100"}}),
     "assessment.scheme.ballot_values.good: expected a number, found a string"),
    ("a veto without max_grade", with_scheme({"vetoes": [{"severity": "grave"}]}),
     'assessment.scheme.vetoes[0].max_grade: missing required key "max_grade"'),
    ("unknown weighting", with_scheme({"rollup": {"weight_by": "size"}}),
     'assessment.scheme.rollup.weight_by: unknown weighting "size"'),
    ("no grades", with_scheme({"grades": []}), "assessment.scheme.grades: at least one grade"),
    ("a quota above 1",
     with_scheme({"grades": [{"id": "a", "min": 50, "quota": 1.5}, {"id": "b", "min": 0}]}),
     "assessment.scheme.grades[0].quota: must be in [0, 1]"),
    ("unknown peer grouping", with_scheme({"peer_groups": "unit"}),
     'assessment.scheme.peer_groups: unknown peer grouping "unit"'),
    ("held_accountable as a string",
     with_scheme({"flags": [{"id": "f", "held_accountable": "yes"}]}),
     "assessment.scheme.flags[0].held_accountable: expected true or false"),
    ("unknown key in a flag", with_scheme({"flags": [{"id": "f", "when": "always"}]}),
     'assessment.scheme.flags[0].when: unknown key "when"'),
]


def x_everywhere(value):
    """Adds an `x_` member (with a nested object, itself not the format's) to every object."""
    if isinstance(value, dict):
        out = {key: x_everywhere(member) for key, member in value.items()}
        out["x_schema_test"] = {"kept": [1, "two", None], "nested": {"any": True}}
        return out
    if isinstance(value, list):
        return [x_everywhere(element) for element in value]
    return value


def as_decimals(document):
    """Writes the integers of the document that the format reads as integers as 1.0 etc."""
    document["version"] = 1.0
    document["settings"] = {"warn_days": 7.0, "max_secretary_posts": 3.0}
    document["units"][3]["members"] = 12.0
    document["directives"][0]["reach"] = 2.0
    document["assessment"]["ballots"][0]["good"] = 30.0
    document["policy"] = {"upward": {"max_levels": 2.0}, "circumstances": {"repeat": 2.0}}


def minimal(document):
    """Keeps only the required keys: format, version and an empty list of units."""
    for key in list(document):
        if key not in ("format", "version"):
            del document[key]
    document["units"] = []


# Documents the loader accepts: (name, mutation of BASE).
ACCEPTED = [
    ("the base document", lambda d: None),
    ("a minimal document", minimal),
    ("integers written as decimals", as_decimals),
    ("a partial policy", setting(("policy",), {
        "degrees": {"direct": 0.9},
        "upward": {"max_levels": 0},
        "forms": {"overall_leadership": {"grave": "reorganization"},
                  "direct": {"minor": "none"}},
        "circumstances": {"repeat": 2, "self_report": "exempt", "concealment": -100}})),
    ("an empty policy object", setting(("policy",), {})),
    ("a partial scheme", with_scheme({
        "components": {"daily": 1},
        "deductions": {"factors": {"repeat": 1.5}},
        "rollup": {"weight_by": "equal"},
        "bonus_cap": 0})),
    ("a scheme with its own grades, vetoes and flags", with_scheme({
        "grades": [{"id": "a", "min": 50, "quota": 0.5}, {"id": "b", "min": 0}],
        "vetoes": [{"severity": "grave", "max_grade": "b"}],
        "flags": [{"id": "f", "grades": ["b"], "held_accountable": False,
                   "incident_at_least": "minor"}]})),
    ("a scheme with its own dimensions", with_scheme({
        "dimensions": [{"id": "x", "weight": 1,
                        "indicators": [{"id": "integrity.meetings", "max": 10},
                                       {"id": "x.rate", "max": 5, "from": "ledger.on_time_rate"}]}]})),
]


class SchemaFile(unittest.TestCase):
    def test_is_a_valid_draft_2020_12_schema(self):
        schema = load_schema()
        self.assertEqual(schema.get("$schema"), "https://json-schema.org/draft/2020-12/schema")
        self.assertTrue(schema.get("$id"))
        jsonschema.Draft202012Validator.check_schema(schema)

    def test_every_object_forbids_unknown_keys_and_allows_x_keys(self):
        """Every object the schema defines is closed, with the `x_` door open."""
        objects = []

        def walk(node, path):
            if isinstance(node, dict):
                if node.get("type") == "object":
                    objects.append(path)
                    with self.subTest(object=path):
                        self.assertIs(node.get("additionalProperties"), False)
                        self.assertEqual(node.get("patternProperties"), {"^x_": {}})
                for key, member in node.items():
                    if key not in ("const", "enum", "default", "examples"):
                        walk(member, path + "/" + key)
            elif isinstance(node, list):
                for i, member in enumerate(node):
                    walk(member, "%s/%d" % (path, i))

        walk(load_schema(), "#")
        self.assertGreaterEqual(len(objects), 30)


class LoaderAgreement(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.checker = validator()
        cls.cli = CliRunner()

    @classmethod
    def tearDownClass(cls):
        cls.cli.close()

    def assert_schema_valid(self, document, what):
        errors = schema_errors(self.checker, document)
        self.assertEqual(errors, [], "%s: the loader accepts it, the schema does not: %s"
                         % (what, describe(errors)))

    def assert_loader_accepts(self, result, what):
        self.assertEqual(result.returncode, EXIT_OK,
                         "%s: zeren validate rejects it:\n%s" % (what, result.stderr))

    def test_examples_and_conformance_documents(self):
        paths = [os.path.join(os.environ["ZEREN_EXAMPLES"], "organ.json"),
                 os.path.join(os.environ["ZEREN_TEST_DATA"], "conformance", "model-1.json")]
        for path in paths:
            with self.subTest(document=path):
                self.assert_loader_accepts(self.cli.validate_file(path), path)
                with open(path, encoding="utf-8") as f:
                    self.assert_schema_valid(json.load(f), path)

    def test_cli_documents_the_loader_accepts(self):
        paths = sorted(glob.glob(os.path.join(os.environ["ZEREN_TEST_DATA"], "cli", "*.json")))
        self.assertTrue(paths, "no documents in tests/data/cli")
        accepted = []
        for path in paths:
            if self.cli.validate_file(path).returncode != EXIT_OK:
                continue  # rejected by the loader; most for semantic reasons (ids), not shape
            accepted.append(path)
            with self.subTest(document=path):
                with open(path, encoding="utf-8") as f:
                    self.assert_schema_valid(json.load(f), path)
        self.assertTrue(accepted, "the loader accepts none of tests/data/cli/*.json")

    def test_documents_both_accept(self):
        for name, mutate in ACCEPTED:
            with self.subTest(case=name):
                document = base()
                mutate(document)
                self.assert_loader_accepts(self.cli.validate(document), name)
                self.assert_schema_valid(document, name)

    def test_default_policy_and_scheme_in_full(self):
        document = base()
        document["policy"] = self.cli.default("policy")
        document["assessment"]["scheme"] = self.cli.default("scheme")
        self.assertIn("flags", document["assessment"]["scheme"])
        self.assert_loader_accepts(self.cli.validate(document), "the default policy and scheme")
        self.assert_schema_valid(document, "the default policy and scheme")

    def test_x_keys_in_every_object(self):
        document = base()
        document["policy"] = self.cli.default("policy")
        document["assessment"]["scheme"] = self.cli.default("scheme")
        document = x_everywhere(document)
        self.assert_loader_accepts(self.cli.validate(document), "x_ keys in every object")
        self.assert_schema_valid(document, "x_ keys in every object")

    def test_documents_the_loader_rejects_for_their_shape(self):
        names = [name for name, _, _ in REJECTED]
        self.assertEqual(len(names), len(set(names)), "case names must be unique")
        for name, mutate, message in REJECTED:
            with self.subTest(case=name):
                document = base()
                mutate(document)
                self.assertTrue(schema_errors(self.checker, document),
                                    "%s: the schema accepts it" % name)
                result = self.cli.validate(document)
                self.assertEqual(result.returncode, EXIT_INVALID_MODEL,
                                 "%s: zeren validate exits %d:\n%s%s"
                                 % (name, result.returncode, result.stdout, result.stderr))
                self.assertIn(": " + message, result.stderr,
                              "%s: zeren validate rejects it for another reason" % name)

    def test_vocabularies_are_the_loaders(self):
        """The spellings the loader lists for an unknown word are the schema's enum."""
        defs = load_schema()["$defs"]
        cases = [
            ("role", setting(("posts", 0, "role"), "?"), defs["role"]["enum"]),
            ("link kind", setting(("links", 0, "kind"), "?"), defs["linkKind"]["enum"]),
            ("duty category", setting(("duties", 0, "category"), "?"),
             defs["dutyCategory"]["enum"]),
            ("severity", setting(("incidents", 0, "severity"), "?"), defs["severity"]["enum"]),
            ("task status", setting(("directives", 0, "tasks", 0, "status"), "?"),
             defs["taskStatus"]["enum"]),
            ("review result", setting(("directives", 0, "reviews", 0, "result"), "?"),
             defs["reviewResult"]["enum"]),
            ("circumstance kind", setting(("incidents", 0, "circumstances", 0, "kind"), "?"),
             defs["circumstanceKind"]["enum"]),
            ("form", setting(("policy",), {"forms": {"direct": {"minor": "?"}}}),
             defs["unitForm"]["enum"] + defs["personForm"]["enum"]),
        ]
        for name, mutate, enum in cases:
            with self.subTest(vocabulary=name):
                document = base()
                mutate(document)
                result = self.cli.validate(document)
                found = re.search(r'"\?" \(expected one of ([^)]*)\)', result.stderr)
                self.assertIsNotNone(found, "no list of spellings in: " + result.stderr)
                # (The two ladders share rungs: compare sets.)
                self.assertEqual(set(found.group(1).split(", ")), set(enum))


if __name__ == "__main__":
    unittest.main()
