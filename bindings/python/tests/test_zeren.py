"""Tests of the Python binding (unittest only), run by CTest as `python.binding`.

CTest sets ZEREN_LIBRARY (this build's libzeren.so), PYTHONPATH (bindings/python),
ZEREN_TEST_DATA (tests/data) and ZEREN_EXAMPLES (examples/data); without them the data paths
default to this source tree and the package is taken from bindings/python.
"""

import base64
import ctypes
import datetime
import gc
import hashlib
import importlib.util
import json
import math
import os
import pickle
import re
import shutil
import subprocess
import sys
import tarfile
import tempfile
import threading
import unittest
import zipfile

HERE = os.path.dirname(os.path.abspath(__file__))
BINDING = os.path.dirname(HERE)                       # bindings/python
REPO = os.path.normpath(os.path.join(BINDING, "..", ".."))
TEST_DATA = os.environ.get("ZEREN_TEST_DATA") or os.path.join(REPO, "tests", "data")
EXAMPLES = os.environ.get("ZEREN_EXAMPLES") or os.path.join(REPO, "examples", "data")
CONFORMANCE = os.path.join(TEST_DATA, "conformance")
MODEL_1 = os.path.join(CONFORMANCE, "model-1.json")
EXPECTED = os.path.join(CONFORMANCE, "expected")
CLI_DATA = os.path.join(TEST_DATA, "cli")
DEMO = os.path.join(EXAMPLES, "organ.json")
HEADER = os.path.join(REPO, "capi", "zeren.h")

if importlib.util.find_spec("zeren") is None:
    sys.path.insert(0, BINDING)

import zeren  # noqa: E402
from zeren import _errors, _lib  # noqa: E402

C = _lib.lib


def expected(name):
    with open(os.path.join(EXPECTED, name), encoding="utf-8") as f:
        return json.load(f)


def read(path):
    with open(path, encoding="utf-8") as f:
        return f.read()


def day(text):
    return zeren.to_day(text)


def c_error():
    return _lib.ErrorP()


def code_message(function, *args):
    """Calls a fallible C function directly: (status, code in the error, message)."""
    err = c_error()
    status = function(*args, ctypes.byref(err))
    if status == 0:
        return status, 0, ""
    code = C.zeren_error_code(err)
    message = C.zeren_error_message(err).decode()
    C.zeren_error_free(err)
    return status, code, message


def header_text():
    if not os.path.exists(HEADER):
        raise unittest.SkipTest(f"the C header is not at {HEADER} (not a source tree)")
    return read(HEADER)


class Model1(unittest.TestCase):
    """Tests on the conformance model, with one model and snapshot for the class."""

    @classmethod
    def setUpClass(cls):
        cls.model = zeren.Model.load(MODEL_1)
        cls.snapshot = cls.model.snapshot(as_of="2025-03-12")

    @classmethod
    def tearDownClass(cls):
        cls.snapshot.close()
        cls.model.close()


# ---- the C API table ---------------------------------------------------------------------

class TestCApiTable(unittest.TestCase):
    def test_every_header_function_is_declared_and_nothing_else(self):
        declared = set(re.findall(r"ZEREN_EXPORT[^;]*?\b(zeren_\w+)\s*\(", header_text()))
        self.assertEqual(len(declared), 119)
        self.assertEqual(declared, set(_lib.FUNCTION_NAMES))

    def test_every_function_has_restype_and_argtypes(self):
        for name, (restype, argtypes) in _lib._FUNCTIONS.items():
            function = getattr(C, name)
            self.assertIs(function.restype, restype, name)
            self.assertEqual(list(function.argtypes), list(argtypes), name)
        # Every fallible call (a trailing `zeren_error **`) returns an int32_t status.
        fallible = [n for n, (r, a) in _lib._FUNCTIONS.items() if a and a[-1] is _lib.ErrorPP]
        for name in fallible:
            self.assertIs(_lib._FUNCTIONS[name][0], ctypes.c_int32, name)

    def test_argument_counts_match_the_header(self):
        text = header_text()
        for match in re.finditer(r"ZEREN_EXPORT\s+[^;]*?\b(zeren_\w+)\s*\(([^;]*?)\)\s*;", text,
                                 re.S):
            name, parameters = match.group(1), match.group(2).strip()
            count = 0 if parameters in ("void", "") else parameters.count(",") + 1
            self.assertEqual(len(_lib._FUNCTIONS[name][1]), count, name)

    def test_constants_match_the_header(self):
        text = header_text()
        defines = re.findall(r"^#define (ZEREN_[A-Z_]+) \(?(-?\d+)\)?", text, re.M)
        self.assertGreater(len(defines), 80)
        for name, value in defines:
            self.assertEqual(getattr(_lib, name), int(value), name)
        self.assertEqual(_lib.ZEREN_DATE_OPEN, -2**31)
        self.assertIn("#define ZEREN_DATE_OPEN INT32_MIN", text)

    def test_vocabularies_follow_the_c_values(self):
        pairs = [(_lib.ROLES, "ZEREN_ROLE_"), (_lib.LINK_KINDS, "ZEREN_LINK_"),
                 (_lib.DUTY_CATEGORIES, "ZEREN_DUTY_"), (_lib.SEVERITIES, "ZEREN_SEVERITY_"),
                 (_lib.CIRCUMSTANCES, "ZEREN_CIRCUMSTANCE_"), (_lib.CHAIN_KINDS, "ZEREN_CHAIN_"),
                 (_lib.RESPONSIBILITY_KINDS, "ZEREN_RESPONSIBILITY_"),
                 (_lib.CATEGORIES, "ZEREN_CATEGORY_"), (_lib.FORMS, "ZEREN_FORM_"),
                 (_lib.LIGHTS, "ZEREN_LIGHT_"), (_lib.STATUSES, "ZEREN_STATUS_"),
                 (_lib.FINDING_KINDS, "ZEREN_FINDING_"),
                 (_lib.FINDING_SEVERITIES, "ZEREN_FINDING_SEVERITY_")]
        for names, prefix in pairs:
            for value, name in enumerate(names):
                self.assertEqual(getattr(_lib, prefix + name.upper()), value, prefix + name)

    def test_structs_have_the_header_fields_in_order(self):
        text = header_text()
        structs = dict(re.findall(r"typedef struct (zeren_\w+) \{(.*?)\} \1;", text, re.S))
        self.assertEqual(len(structs), 15)
        for name, body in structs.items():
            body = re.sub(r"/\*.*?\*/", "", body, flags=re.S)
            fields = re.findall(r"(\w+)\s*;", body)
            ours = [f[0].rstrip("_") for f in getattr(_lib, name)._fields_]
            self.assertEqual(ours, fields, name)

    def test_struct_init_defaults(self):
        for struct in (_lib.zeren_unit_spec, _lib.zeren_post_spec, _lib.zeren_link_spec,
                       _lib.zeren_duty_spec, _lib.zeren_incident_spec, _lib.zeren_party,
                       _lib.zeren_task_row, _lib.zeren_assessment_columns,
                       _lib.zeren_assess_options):
            self.assertEqual(struct().struct_size, ctypes.sizeof(struct))
        self.assertEqual(_lib.zeren_unit_spec().from_, _lib.ZEREN_DATE_OPEN)
        self.assertEqual(_lib.zeren_post_spec().role, _lib.ZEREN_ROLE_STAFF)
        self.assertEqual(_lib.zeren_duty_spec().role, _lib.ZEREN_ROLE_NONE)
        self.assertEqual(_lib.zeren_incident_spec().since, _lib.ZEREN_DATE_OPEN)
        self.assertEqual(_lib.zeren_task_row().completed, _lib.ZEREN_DATE_OPEN)
        self.assertEqual(_lib.zeren_assess_options().score_members, 1)
        self.assertEqual(_lib.zeren_assess_options().threads, 0)


# ---- library, dates ----------------------------------------------------------------------

class TestLibrary(unittest.TestCase):
    def test_version(self):
        text = zeren.version()
        major, minor, patch = (int(p) for p in text.split("."))
        self.assertEqual(zeren.version_number(), major * 10000 + minor * 100 + patch)
        self.assertEqual(text, zeren.__version__)

    def test_library_path(self):
        self.assertTrue(os.path.exists(zeren.library_path) or "/" not in zeren.library_path)
        if os.environ.get("ZEREN_LIBRARY"):
            self.assertEqual(zeren.library_path, os.environ["ZEREN_LIBRARY"])
            self.assertEqual(_lib.candidates(), [os.environ["ZEREN_LIBRARY"]])

    def test_default_policy_and_scheme(self):
        policy, scheme = zeren.default_policy(), zeren.default_scheme()
        self.assertIsInstance(policy, dict)
        self.assertIsInstance(scheme, dict)
        self.assertTrue(policy)
        self.assertTrue(scheme)

    def test_string_free_of_null_is_a_no_op(self):
        C.zeren_string_free(None)

    def test_null_out_parameters_are_invalid_arguments(self):
        for function in (C.zeren_policy_default_json, C.zeren_scheme_default_json):
            status, code, message = code_message(function, None, None)
            self.assertEqual((status, code), (1, 1))
            self.assertIn("out is NULL", message)
        self.assertEqual(code_message(C.zeren_model_new, None)[:2], (1, 1))
        self.assertEqual(code_message(C.zeren_edit_new, None)[:2], (1, 1))

    def test_errors_may_be_not_asked_for(self):
        self.assertEqual(C.zeren_model_load_file(b"/nonexistent/zeren.json",
                                                 ctypes.byref(_lib.ModelP()), None), 4)


class TestDates(unittest.TestCase):
    def test_parse_and_format(self):
        self.assertEqual(zeren.parse_date("1970-01-01"), datetime.date(1970, 1, 1))
        self.assertEqual(zeren.parse_date(b"2025-03-12"), datetime.date(2025, 3, 12))
        self.assertEqual(zeren.format_date(datetime.date(2024, 2, 29)), "2024-02-29")
        self.assertEqual(zeren.format_date(0), "1970-01-01")
        self.assertEqual(zeren.format_date(-1), "1969-12-31")
        for text in ("0001-01-01", "1999-12-31", "2025-06-30", "9999-12-31"):
            self.assertEqual(zeren.format_date(zeren.parse_date(text)), text)
            self.assertEqual(zeren.parse_date(text), datetime.date.fromisoformat(text))

    def test_day_numbers(self):
        self.assertEqual(zeren.to_day(datetime.date(1970, 1, 2)), 1)
        self.assertEqual(zeren.to_day(datetime.datetime(1970, 1, 2, 23, 59)), 1)
        self.assertEqual(zeren.to_day("2025-03-12"), 20159)
        self.assertEqual(zeren.to_day(None), zeren.DATE_OPEN)
        self.assertEqual(zeren.to_day(7), 7)
        self.assertIsNone(zeren.from_day(zeren.DATE_OPEN))
        self.assertEqual(zeren.from_day(20159), datetime.date(2025, 3, 12))

    def test_bad_dates(self):
        for text in ("2025-02-30", "2025-3-12", "yesterday", ""):
            with self.assertRaises(zeren.InvalidArgument) as caught:
                zeren.parse_date(text)
            self.assertEqual(caught.exception.code, _lib.ZEREN_ERR_INVALID_ARGUMENT)
        with self.assertRaises(zeren.InvalidArgument) as caught:
            zeren.parse_date(None)
        self.assertIn("text is NULL", caught.exception.message)
        with self.assertRaises(zeren.OutOfRange):
            zeren.format_date(10**7)  # beyond 9999-12-31
        with self.assertRaises(TypeError):
            zeren.to_day(1.5)
        with self.assertRaises(TypeError):
            zeren.to_day(True)
        with self.assertRaises(zeren.InvalidArgument):
            zeren.parse_date("2025-01-01\0")

    def test_format_buffer_checks(self):
        buffer = ctypes.create_string_buffer(10)
        status, code, message = code_message(C.zeren_date_format, 0, buffer, 10)
        self.assertEqual((status, code), (1, 1))
        self.assertIn("below 11", message)
        self.assertEqual(code_message(C.zeren_date_format, 0, None, 11)[:2], (1, 1))
        out = ctypes.c_int32(5)
        self.assertEqual(code_message(C.zeren_date_parse, b"x", ctypes.byref(out))[:2], (1, 1))
        self.assertEqual(out.value, _lib.ZEREN_DATE_OPEN)
        self.assertEqual(code_message(C.zeren_date_parse, b"2025-01-01", None)[:2], (1, 1))


# ---- errors ------------------------------------------------------------------------------

class TestErrors(unittest.TestCase):
    def test_classes_per_code(self):
        table = {1: (zeren.InvalidArgument, ValueError), 2: (zeren.InvalidModel, ValueError),
                 3: (zeren.NotFound, LookupError), 4: (zeren.ZerenIOError, OSError),
                 5: (zeren.OutOfRange, IndexError), 6: (zeren.NoMemory, MemoryError),
                 7: (zeren.InternalError, zeren.ZerenError)}
        for code, (cls, python) in table.items():
            self.assertIs(_errors.error_class(code), cls)
            self.assertEqual(cls.code, code)
            error = cls(code, f"message {code}", [zeren.Problem("a.b", "x", "bad")], path="f")
            self.assertIsInstance(error, zeren.ZerenError)
            self.assertIsInstance(error, python)
            self.assertEqual((error.code, error.message, error.path), (code, f"message {code}",
                                                                        "f"))
            self.assertEqual(error.problems, [zeren.Problem("a.b", "x", "bad")])
            self.assertEqual(error.problem_total, 1)
            self.assertIn(f"message {code}", str(error))
            again = pickle.loads(pickle.dumps(error))
            self.assertIs(type(again), cls)
            self.assertEqual((again.code, again.message, again.problems, again.path),
                             (error.code, error.message, error.problems, error.path))
        self.assertIs(_errors.error_class(99), zeren.ZerenError)
        self.assertEqual(set(zeren.ERRORS), set(range(1, 8)))

    def test_io_error_is_an_oserror(self):
        error = zeren.ZerenIOError(4, "cannot open", path="/x.json")
        self.assertEqual(error.filename, "/x.json")
        self.assertEqual(error.strerror, "cannot open")
        self.assertEqual(str(error), "/x.json: cannot open")

    def test_from_a_null_error(self):
        error = _errors.from_handle(_lib.ErrorP(), 3)
        self.assertIsInstance(error, zeren.NotFound)
        self.assertEqual(error.code, 3)

    def test_null_error_accessors(self):
        self.assertEqual(C.zeren_error_code(None), 0)
        self.assertEqual(C.zeren_error_message(None), b"")
        self.assertEqual(C.zeren_error_problem_count(None), 0)
        self.assertEqual(C.zeren_error_problem_total(None), 0)
        self.assertEqual(C.zeren_error_problem(None, 0, None, None, None), 1)
        C.zeren_error_free(None)

    def test_missing_file_is_an_io_error(self):
        path = os.path.join(tempfile.gettempdir(), "zeren-no-such-dir", "model.json")
        with self.assertRaises(zeren.ZerenIOError) as caught:
            zeren.Model.load(path)
        error = caught.exception
        self.assertEqual(error.code, _lib.ZEREN_ERR_IO)
        self.assertEqual(error.path, path)
        self.assertEqual(error.filename, path)
        self.assertIsInstance(error, OSError)
        self.assertIn("model.json", str(error))
        with self.assertRaises(OSError):
            zeren.Model.load(path)

    def test_bad_document_problems(self):
        path = os.path.join(CLI_DATA, "two-problems.json")
        with self.assertRaises(zeren.InvalidModel) as caught:
            zeren.Model.load(path)
        error = caught.exception
        self.assertEqual(error.code, _lib.ZEREN_ERR_INVALID_MODEL)
        self.assertEqual(error.path, path)
        self.assertEqual(error.problem_total, 2)
        self.assertEqual([(p.path, p.id) for p in error.problems],
                         [("units[1].id", "b1"), ("units[2].parents[0]", "nowhere")])
        self.assertIn("duplicate", error.problems[0].message)
        self.assertIn("unknown unit", error.problems[1].message)
        self.assertIn("units[1].id", str(error.problems[0]))
        self.assertIn("1 more", error.message)
        # The same from a buffer and from validate(), without a file path.
        for call in (zeren.Model.from_json, zeren.validate):
            with self.assertRaises(zeren.InvalidModel) as caught:
                call(read(path))
            self.assertIsNone(caught.exception.path)
            self.assertEqual([p.id for p in caught.exception.problems], ["b1", "nowhere"])

    def test_problem_accessor_bounds(self):
        err = c_error()
        data = read(os.path.join(CLI_DATA, "two-problems.json")).encode()
        self.assertEqual(C.zeren_validate_buffer(data, len(data), ctypes.byref(err)), 2)
        try:
            self.assertEqual(C.zeren_error_problem_count(err), 2)
            path, message = ctypes.c_char_p(b"x"), ctypes.c_char_p(b"x")
            self.assertEqual(C.zeren_error_problem(err, 2, ctypes.byref(path), None,
                                                   ctypes.byref(message)), 5)
            self.assertEqual((path.value, message.value), (b"", b""))
            self.assertEqual(C.zeren_error_problem(err, 0, None, None, None), 0)
        finally:
            C.zeren_error_free(err)

    def test_malformed_and_truncated_documents(self):
        for text in ("{", "[]", "{\"format\": \"zeren-model\"}", "not json", ""):
            with self.assertRaises(zeren.InvalidModel) as caught:
                zeren.Model.from_json(text)
            self.assertTrue(caught.exception.message)
            self.assertGreaterEqual(caught.exception.problem_total, 1)
        with self.assertRaises(zeren.InvalidModel):
            zeren.Model.load(os.path.join(CLI_DATA, "truncated.json"))
        with self.assertRaises(zeren.InvalidModel) as caught:
            zeren.Model.load(os.path.join(CLI_DATA, "unknown-parent.json"))
        self.assertTrue(any(p.path and p.message for p in caught.exception.problems))

    def test_null_arguments_from_python(self):
        with self.assertRaises(zeren.InvalidArgument) as caught:
            zeren.Model.load(None)
        self.assertIn("path is NULL", caught.exception.message)
        with zeren.Model.load(MODEL_1) as model, model.snapshot("2025-03-12") as snapshot:
            with self.assertRaises(zeren.InvalidArgument):
                model.save(None)
            for call in (lambda: snapshot.chain(None), lambda: snapshot.person(None),
                         lambda: snapshot.account(None), lambda: snapshot.unit_level(None),
                         lambda: snapshot.holders(None, "secretary")):
                with self.assertRaises(zeren.InvalidArgument) as caught:
                    call()
                self.assertIn("is NULL", caught.exception.message)
            with self.assertRaises(TypeError):
                snapshot.chain(42.0)
            with self.assertRaises(zeren.InvalidArgument):
                snapshot.chain("br\0" + "11")

    def test_null_handles_in_c(self):
        handle_calls = [
            (C.zeren_model_save_file, None, b"/tmp/x"),
            (C.zeren_model_apply, None, None),
            (C.zeren_snapshot_compile, None, ctypes.byref(_lib.SnapshotP())),
            (C.zeren_snapshot_chain, None, b"u", 0, ctypes.byref(_lib.ChainP())),
            (C.zeren_chain_get, None, 0, ctypes.byref(_lib.zeren_chain_entry())),
            (C.zeren_snapshot_ledger, None, 0, ctypes.byref(_lib.LedgerP())),
            (C.zeren_ledger_fill_lights, None, None, None, 0, None),
            (C.zeren_snapshot_assess, None, ctypes.byref(_lib.AssessmentP())),
            (C.zeren_assessment_people, None, None, None, 0, ctypes.byref(ctypes.c_size_t())),
            (C.zeren_edit_put_person, None, b"p", b"P"),
        ]
        for function, *args in handle_calls:
            self.assertEqual(code_message(function, *args)[:2], (1, 1), function.__name__)
        for counter in (C.zeren_model_unit_count, C.zeren_snapshot_unit_count,
                        C.zeren_chain_size, C.zeren_accounting_size, C.zeren_audit_size,
                        C.zeren_ledger_task_count, C.zeren_assessment_unit_count):
            self.assertEqual(counter(None), 0)
        for free in (C.zeren_model_free, C.zeren_edit_free, C.zeren_snapshot_free,
                     C.zeren_chain_free, C.zeren_person_view_free, C.zeren_accounting_free,
                     C.zeren_ledger_free, C.zeren_audit_free, C.zeren_assessment_free):
            free(None)

    def test_wrong_handle_types_are_refused_by_ctypes(self):
        with zeren.Model() as model, zeren.Edit() as edit:
            with self.assertRaises(ctypes.ArgumentError):
                C.zeren_model_apply(edit._ptr, model._ptr, None)


# ---- models ------------------------------------------------------------------------------

class TestModel(unittest.TestCase):
    def test_load_and_counts(self):
        with zeren.Model.load(MODEL_1) as model:
            self.assertEqual((model.unit_count, model.person_count, model.post_count,
                              model.link_count), (8, 15, 15, 3))
            self.assertIn("units=8", repr(model))

    def test_empty_model(self):
        with zeren.Model() as model:
            self.assertEqual((model.unit_count, model.person_count), (0, 0))
            document = model.to_dict()
            self.assertEqual(document["format"], "zeren-model")
            with model.snapshot() as snapshot:
                self.assertEqual(snapshot.unit_count, 0)
                self.assertEqual(snapshot.unit_ids(), [])
                self.assertEqual(snapshot.incident_count, 0)

    def test_from_json_forms(self):
        text = read(MODEL_1)
        for document in (text, text.encode("utf-8"), json.loads(text),
                         bytearray(text.encode("utf-8"))):
            with zeren.Model.from_json(document) as model:
                self.assertEqual(model.unit_count, 8)
        with self.assertRaises(TypeError):
            zeren.Model.from_json(42)

    def test_to_json_round_trip_and_save(self):
        with zeren.Model.load(MODEL_1) as model:
            document = model.to_dict()
            self.assertEqual(json.loads(model.to_json()), document)
            self.assertEqual(document["units"][0]["name"], "Bureau Party Group 局党组")
            with tempfile.TemporaryDirectory() as directory:
                path = os.path.join(directory, "saved.json")
                model.save(path)
                with zeren.Model.load(path) as again:
                    self.assertEqual(again.to_dict(), document)
                from pathlib import Path
                model.save(Path(directory) / "pathlib.json")
                self.assertTrue(os.path.exists(os.path.join(directory, "pathlib.json")))
                with self.assertRaises(zeren.ZerenIOError) as caught:
                    model.save(os.path.join(directory, "missing", "x.json"))
                self.assertEqual(caught.exception.path,
                                 os.path.join(directory, "missing", "x.json"))
            with zeren.Model.from_json(document) as again:
                self.assertEqual(again.to_dict(), document)

    def test_validate(self):
        self.assertIsNone(zeren.validate(read(MODEL_1)))
        self.assertIsNone(zeren.validate(json.loads(read(MODEL_1))))

    def test_close_and_context_manager(self):
        model = zeren.Model.load(MODEL_1)
        with model as entered:
            self.assertIs(entered, model)
            self.assertFalse(model.closed)
        self.assertTrue(model.closed)
        model.close()  # twice is fine
        self.assertIn("closed", repr(model))
        for call in (lambda: model.unit_count, model.to_json, model.snapshot,
                     lambda: model.save("/tmp/x.json"), lambda: model.account("k1")):
            with self.assertRaises(zeren.InvalidArgument) as caught:
                call()
            self.assertIn("closed", str(caught.exception))
        with self.assertRaises(zeren.InvalidArgument):
            with model:
                pass

    def test_handles_cannot_be_pickled(self):
        with zeren.Model() as model:
            with self.assertRaises(TypeError):
                pickle.dumps(model)

    def test_collection_frees(self):
        for _ in range(50):
            model = zeren.Model.load(MODEL_1)
            snapshot = model.snapshot("2025-03-12")
            chain = snapshot.chain("br11")
            del model, snapshot, chain
        gc.collect()

    def test_convenience_queries_follow_edits(self):
        with zeren.Model.load(MODEL_1) as model:
            self.assertEqual(len(model.account("k1")), 9)
            with self.assertRaises(zeren.NotFound):
                model.account("k9")
            with model.edit() as edit:
                edit.put_incident("k9", "br12", "2025-07-01", severity="minor", direct=["w3"])
            self.assertEqual(model.account("k9").parties[0]["party"], {"person": "w3"})
            self.assertEqual(len(model.account_all()["incidents"]), 4)
            self.assertEqual(model.chain("br11", "2025-03-12").to_dict()["unit"], "br11")
            self.assertEqual(model.person("a_mem", "2025-03-12").to_dict()["person"], "a_mem")
            self.assertEqual(len(model.ledger("2025-03-12")), 5)
            self.assertGreater(len(model.audit("2025-03-12")), 0)
            self.assertEqual(len(model.assess()), 8)


# ---- edits -------------------------------------------------------------------------------

def build_small(edit):
    """A small organization: a leading group over two branches, a discipline body."""
    (edit.put_unit("org", "Leading Group", "leading_group")
         .put_unit("dc", "Discipline Commission", "discipline_commission", parents=["org"])
         .put_unit("b1", "Branch One", "branch", members=12, parents=[("org", 1.0)])
         .put_unit("b2", "Branch Two", "branch", parents={"org": 0.5},
                   from_="2024-01-01")
         .put_person("p1", "Secretary One")
         .put_person("p2", "Member Two")
         .put_person("p3", "Discipline Three")
         .put_person("p4", "Secretary Four")
         .put_person("w", "Worker")
         .add_post("p1", "org", "secretary", "2020-01-01")
         .add_post("p2", "org", "member", datetime.date(2020, 1, 1), in_charge_of=["b1"])
         .add_post("p3", "dc", "discipline_secretary", "2020-01-01")
         .add_post("p4", "b1", _lib.ZEREN_ROLE_SECRETARY, "2020-01-01")
         .add_post("w", "b1", "staff", "2021-01-01", "2026-01-01")
         .add_link("supervises", "dc", "org", from_date="2020-01-01")
         .add_link("guides", "p2", "b1")
         .put_duty("du1", "b1", role="secretary", category="first_responsible",
                   dimension="grassroots", text="Run the branch")
         .put_duty("du2", "org")
         .put_incident("i1", "b1", "2025-05-01", since="2025-01-01", severity="serious",
                       case_id="C-1", dimension="grassroots", duty="du1",
                       direct=["w"], participants=["p2"],
                       circumstances=["prompt_rectification", ("concealment", "w"),
                                      {"kind": "self_report", "person": "p2"}]))
    return edit


class TestEdit(unittest.TestCase):
    def test_build_from_scratch(self):
        with zeren.Model() as model:
            with model.edit() as edit:
                build_small(edit)
            self.assertEqual((model.unit_count, model.person_count, model.post_count,
                              model.link_count), (4, 5, 5, 2))
            document = model.to_dict()
            units = {u["id"]: u for u in document["units"]}
            self.assertEqual(units["b1"]["members"], 12)
            self.assertEqual(units["b2"]["from"], "2024-01-01")
            self.assertEqual(units["b2"]["parents"], [{"unit": "org", "weight": 0.5}])
            self.assertEqual(units["dc"]["parents"], ["org"])
            posts = {p["person"]: p for p in document["posts"]}
            self.assertEqual((posts["w"]["from"], posts["w"]["to"]), ("2021-01-01", "2026-01-01"))
            self.assertNotIn("to", posts["p4"])
            self.assertEqual(posts["p2"]["in_charge_of"], ["b1"])
            incident = document["incidents"][0]
            self.assertEqual(incident["since"], "2025-01-01")
            self.assertEqual((incident["case"], incident["dimension"], incident["duty"]),
                             ("C-1", "grassroots", "du1"))
            self.assertEqual((incident["direct"], incident["participants"]), (["w"], ["p2"]))
            self.assertEqual([c["kind"] for c in incident["circumstances"]],
                             ["prompt_rectification", "concealment", "self_report"])
            self.assertNotIn("person", incident["circumstances"][0])
            self.assertEqual(incident["circumstances"][1]["person"], "w")
            duties = {d["id"]: d for d in document["duties"]}
            self.assertEqual(duties["du1"]["holder"], {"unit": "b1", "role": "secretary"})
            self.assertEqual(duties["du2"]["holder"], {"unit": "org"})

            with model.snapshot(as_of="2025-05-01") as snapshot:
                self.assertEqual(snapshot.unit_level("b1"), 1)
                kinds = [e.kind for e in snapshot.chain("b1").entries()]
                self.assertIn("guide", kinds)
                self.assertIn("supervisor", kinds)
                accounting = snapshot.account("i1").to_dict()
                self.assertEqual(accounting["severity"], "serious")
                first = accounting["parties"][0]
                self.assertEqual(first["party"], {"person": "w"})
                self.assertEqual(first["category"], "direct")
                self.assertEqual(first["adjustments"],
                                 ["prompt_rectification:-1", "concealment:+1"])

            # Close a post and a link, remove a unit and a person, in one batch.
            with model.edit() as edit:
                (edit.end_post("p4", "b1", "secretary", "2025-06-01")
                     .end_link("supervises", "dc", "org", "2025-06-01")
                     .remove_unit("b2")
                     .put_person("p5", "New")
                     .remove_person("p5"))
            self.assertEqual((model.unit_count, model.person_count), (3, 5))
            document = model.to_dict()
            self.assertEqual([p["to"] for p in document["posts"] if p["person"] == "p4"],
                             ["2025-06-01"])
            link = [l for l in document["links"] if l["kind"] == "supervises"][0]
            self.assertEqual((link["from_date"], link["to_date"]), ("2020-01-01", "2025-06-01"))
            with model.snapshot() as snapshot:
                holders = snapshot.holders("b1", "secretary", "2025-06-01")
                self.assertEqual(holders, [])
                holders = snapshot.holders("b1", "secretary", "2025-05-31")
                self.assertEqual(holders, [zeren.Holder("p4", "Secretary Four",
                                                        datetime.date(2020, 1, 1),
                                                        datetime.date(2025, 6, 1))])

    def test_failed_edit_leaves_the_model_as_it_was(self):
        with zeren.Model.load(MODEL_1) as model:
            before = model.to_dict()
            edit = zeren.Edit()
            edit.put_unit("x1", "X", "branch", parents=["nowhere"])
            edit.add_post("nobody", "br11", "member", "2025-01-01")
            with self.assertRaises(zeren.InvalidModel) as caught:
                model.apply(edit)
            error = caught.exception
            self.assertEqual(error.code, _lib.ZEREN_ERR_INVALID_MODEL)
            self.assertGreaterEqual(len(error.problems), 2)
            ids = {p.id for p in error.problems}
            self.assertTrue({"nowhere", "nobody"} <= ids, error.problems)
            self.assertTrue(all(p.path and p.message for p in error.problems))
            self.assertEqual(model.to_dict(), before)
            # The edit is not consumed: fixed and applied again.
            edit.put_unit("x1", "X", "branch", parents=["br11"]).put_person("nobody", "N")
            model.apply(edit)
            model.apply(edit)  # twice: the same result (insert or replace, posts append)
            self.assertEqual(model.unit_count, 9)
            edit.close()
            with self.assertRaises(zeren.InvalidArgument):
                model.apply(edit)

    def test_edit_block_with_an_exception_is_not_applied(self):
        with zeren.Model.load(MODEL_1) as model:
            with self.assertRaises(RuntimeError):
                with model.edit() as edit:
                    edit.put_person("zz", "Z")
                    raise RuntimeError("stop")
            self.assertEqual(model.person_count, 15)
            self.assertTrue(edit.closed)
            with self.assertRaises(zeren.InvalidModel):
                with model.edit() as edit:
                    edit.remove_unit("nope-unit")
                    edit.put_unit("u", "U", "branch", parents=["nope"])
            self.assertEqual(model.unit_count, 8)

    def test_argument_checks(self):
        with zeren.Edit() as edit:
            with self.assertRaises(zeren.InvalidArgument) as caught:
                edit.put_person(None, "X")
            self.assertIn("id is NULL", caught.exception.message)
            with self.assertRaises(zeren.InvalidArgument):
                edit.put_unit("u", None, "branch")
            with self.assertRaises(zeren.InvalidArgument) as caught:
                edit.add_post("p", "u", "boss", "2025-01-01")
            self.assertIn("boss", caught.exception.message)
            with self.assertRaises(zeren.InvalidArgument) as caught:
                edit.add_post("p", "u", 99, "2025-01-01")
            self.assertIn("ZEREN_ROLE_", caught.exception.message)
            with self.assertRaises(zeren.InvalidArgument) as caught:
                edit.add_post("p", "u", "member", None)
            self.assertIn("post->from is required", caught.exception.message)
            with self.assertRaises(zeren.InvalidArgument):
                edit.add_link("leads", "a", "b")
            with self.assertRaises(zeren.InvalidArgument):
                edit.add_link(7, "a", "b")
            with self.assertRaises(zeren.InvalidArgument):
                edit.put_duty("d", "u", category="major")
            with self.assertRaises(zeren.InvalidArgument):
                edit.put_duty("d", "u", category=9)
            with self.assertRaises(zeren.InvalidArgument):
                edit.put_incident("i", "u", None)
            with self.assertRaises(zeren.InvalidArgument):
                edit.put_incident("i", "u", "2025-01-01", severity="awful")
            with self.assertRaises(zeren.InvalidArgument):
                edit.put_incident("i", "u", "2025-01-01", severity=5)
            with self.assertRaises(zeren.InvalidArgument):
                edit.put_incident("i", "u", "2025-01-01", circumstances=["luck"])
            with self.assertRaises(zeren.InvalidArgument):
                edit.put_incident("i", "u", "2025-01-01", circumstances=[("a", "b", "c")])
            with self.assertRaises(zeren.InvalidArgument):
                edit.put_incident("i", "u", "2025-01-01", direct=["a", None])
            with self.assertRaises(zeren.InvalidArgument):
                edit.end_post("p", "u", "member", None)
            with self.assertRaises(zeren.InvalidArgument):
                edit.end_link("guides", "p", "u", None)
            with self.assertRaises(zeren.InvalidArgument):
                edit.remove_unit(None)
            with self.assertRaises(zeren.InvalidArgument):
                edit.remove_person(None)
            with self.assertRaises(zeren.InvalidArgument) as caught:
                edit.put_unit("u", "U", "branch", parents=["a", ("b", 0.5)])
            self.assertIn("every entry has a weight", caught.exception.message)
            with self.assertRaises(zeren.InvalidArgument):
                edit.put_unit("u", "U", "branch", parents=[("a", 1, 2)])
            with self.assertRaises(TypeError):
                edit.put_unit("u", "U", "branch", parents="org")
            with self.assertRaises(TypeError):
                edit.put_unit("u", "U", "branch", from_=2.5)
            with self.assertRaises(zeren.InvalidArgument):
                edit.put_person("p\0", "X")
            with self.assertRaises(TypeError):
                zeren.Model().apply("not an edit")

    def test_struct_size_checks(self):
        with zeren.Edit() as edit:
            spec = _lib.zeren_unit_spec(id=b"u", name=b"U", kind=b"branch")
            spec.struct_size = 4
            status, code, message = code_message(C.zeren_edit_put_unit, edit._ptr,
                                                 ctypes.byref(spec))
            self.assertEqual(code, 1)
            self.assertIn("struct_size", message)
            self.assertEqual(code_message(C.zeren_edit_put_unit, edit._ptr, None)[1], 1)
            # An older, smaller struct: the fields past its size keep their defaults.
            spec = _lib.zeren_unit_spec(id=b"u", name=b"U", kind=b"branch", members=5)
            spec.struct_size = _lib.zeren_unit_spec.members.offset
            self.assertEqual(code_message(C.zeren_edit_put_unit, edit._ptr,
                                          ctypes.byref(spec))[0], 0)
            for function, struct in ((C.zeren_edit_add_post, _lib.zeren_post_spec),
                                     (C.zeren_edit_add_link, _lib.zeren_link_spec),
                                     (C.zeren_edit_put_duty, _lib.zeren_duty_spec),
                                     (C.zeren_edit_put_incident, _lib.zeren_incident_spec)):
                spec = struct()
                spec.struct_size = 0
                self.assertEqual(code_message(function, edit._ptr, ctypes.byref(spec))[1], 1)
            with zeren.Model() as model:
                model.apply(edit)
                self.assertEqual(model.to_dict()["units"][0].get("members", 0), 0)


# ---- snapshots: chains, people, holders --------------------------------------------------

class TestSnapshot(Model1):
    def test_counts_levels_ids(self):
        s = self.snapshot
        self.assertEqual((s.unit_count, s.incident_count), (8, 3))
        self.assertEqual(s.as_of, datetime.date(2025, 3, 12))
        ids = s.unit_ids()
        self.assertEqual(sorted(ids), sorted(u["id"] for u in self.model.to_dict()["units"]))
        levels = [s.unit_level(u) for u in ids]
        self.assertEqual(levels, sorted(levels))  # level order
        self.assertEqual((s.unit_level("party"), s.unit_level("dept1"), s.unit_level("br11")),
                         (0, 1, 2))
        with self.assertRaises(zeren.NotFound):
            s.unit_level("nowhere")
        self.assertIn("units=8", repr(s))

    def test_unit_ids_capacity(self):
        ids = (ctypes.c_char_p * 8)()
        self.assertEqual(code_message(C.zeren_snapshot_unit_ids, self.snapshot._ptr, ids, 7)[1],
                         5)
        self.assertEqual(code_message(C.zeren_snapshot_unit_ids, self.snapshot._ptr, None,
                                      8)[1], 1)

    def test_on_time_rates(self):
        rates = self.snapshot.on_time_rates("2025-01-01", "2026-01-01")
        self.assertEqual(list(rates), self.snapshot.unit_ids())
        self.assertTrue(all(0.0 <= r <= 1.0 for r in rates.values()))
        self.assertEqual(rates, self.snapshot.on_time_rates(datetime.date(2025, 1, 1),
                                                            datetime.date(2026, 1, 1)))
        with self.assertRaises(zeren.InvalidArgument):
            self.snapshot.on_time_rates("2025-02-01", "2025-01-01")
        with self.assertRaises(zeren.InvalidArgument):
            self.snapshot.on_time_rates(None, "2025-01-01")
        small = (ctypes.c_double * 8)()
        self.assertEqual(code_message(C.zeren_snapshot_on_time_rates, self.snapshot._ptr,
                                      day("2025-01-01"), day("2026-01-01"), small, 3)[1], 5)

    def test_chain(self):
        chain = self.snapshot.chain("br11")
        document = chain.to_dict()
        self.assertEqual((document["unit"], document["as_of"]), ("br11", "2025-03-12"))
        entries = chain.entries()
        self.assertEqual(len(entries), len(chain))
        self.assertEqual(len(entries), len(document["entries"]))
        self.assertEqual(list(chain), entries)
        for entry, item in zip(entries, document["entries"]):
            self.assertIsInstance(entry, zeren.ChainEntry)
            self.assertEqual((entry.kind, entry.person, entry.unit, entry.distance,
                              entry.reason),
                             (item["kind"], item.get("person"), item.get("unit"),
                              item["distance"], item["reason"]))
        first = entries[0]
        self.assertEqual((first.kind, first.person, first.person_name, first.unit_name),
                         ("secretary", "s11", "Person S11", "Policy Branch One"))
        self.assertEqual(json.loads(chain.to_json()), document)
        self.assertIn("entries=", repr(chain))

    def test_chain_vacancy_and_dates(self):
        # br12 has no secretary on 2025-03-12: the entry has no person.
        entries = self.snapshot.chain("br12").entries()
        self.assertEqual(entries[0].kind, "secretary")
        self.assertIsNone(entries[0].person)
        self.assertIn("vacant", entries[0].reason)
        # a_mem2 was in charge of dept2 until 2025-04-01, then a_mem3.
        def in_charge(as_of):
            return [e.person for e in self.snapshot.chain("dept2", as_of).entries()
                    if e.kind == "in_charge"]
        self.assertEqual(in_charge("2025-03-12"), ["a_mem2"])
        self.assertEqual(in_charge(datetime.date(2025, 4, 1)), ["a_mem3"])

    def test_chain_errors(self):
        with self.assertRaises(zeren.NotFound) as caught:
            self.snapshot.chain("nowhere")
        self.assertIn("nowhere", caught.exception.message)
        with self.model.snapshot() as undated:
            with self.assertRaises(zeren.InvalidArgument) as caught:
                undated.chain("br11")
            self.assertIn("as_of is required", caught.exception.message)
            self.assertEqual(len(undated.chain("br11", "2025-03-12")), len(self.snapshot.chain(
                "br11")))

    def test_chain_per_entry_calls(self):
        chain = self.snapshot.chain("br11")
        entries = chain.entries()
        for index, expected_entry in enumerate(entries):
            entry = _lib.zeren_chain_entry()
            self.assertEqual(code_message(C.zeren_chain_get, chain._ptr, index,
                                          ctypes.byref(entry))[0], 0)
            self.assertEqual((entry.person_id and entry.person_id.decode(), entry.distance,
                              entry.reason.decode()),
                             (expected_entry.person, expected_entry.distance,
                              expected_entry.reason))
        entry = _lib.zeren_chain_entry()
        self.assertEqual(code_message(C.zeren_chain_get, chain._ptr, len(entries),
                                      ctypes.byref(entry))[1], 5)
        entry.struct_size = 4
        self.assertEqual(code_message(C.zeren_chain_get, chain._ptr, 0,
                                      ctypes.byref(entry))[1], 1)
        # A smaller (older) struct is filled only up to its size.
        entry = _lib.zeren_chain_entry()
        entry.struct_size = _lib.zeren_chain_entry.person_name.offset
        entry.person_name = b"untouched"
        self.assertEqual(code_message(C.zeren_chain_get, chain._ptr, 0,
                                      ctypes.byref(entry))[0], 0)
        self.assertEqual(entry.person_name, b"untouched")
        self.assertEqual(entry.person_id, b"s11")
        # foreach stops when the callback returns nonzero.
        seen = []
        stop = _lib.zeren_chain_fn(lambda payload, e: seen.append(e.contents.kind) or 1)
        self.assertEqual(code_message(C.zeren_chain_foreach, chain._ptr, stop, None)[0], 0)
        self.assertEqual(len(seen), 1)
        self.assertEqual(code_message(C.zeren_chain_foreach, chain._ptr,
                                      ctypes.cast(None, _lib.zeren_chain_fn), None)[1], 1)

    def test_person(self):
        view = self.snapshot.person("a_mem")
        document = view.to_dict()
        entries = view.entries()
        self.assertEqual(len(view), len(entries))
        self.assertEqual([e.kind for e in entries], ["post", "in_charge", "guides", "guides"])
        for entry, item in zip(entries, document["entries"]):
            self.assertIsInstance(entry, zeren.Responsibility)
            self.assertEqual((entry.kind, entry.unit, entry.role, entry.duty, entry.reason),
                             (item["kind"], item.get("unit"), item.get("role"),
                              item.get("duty"), item["reason"]))
        self.assertEqual(entries[0].unit_name, "Bureau Party Group 局党组")
        self.assertEqual(list(view), entries)
        self.assertEqual(json.loads(view.to_json()), document)
        duties = [e for e in self.snapshot.person("a_sec").entries() if e.kind == "duty"]
        self.assertEqual([d.duty for d in duties], ["du2"])
        self.assertEqual(self.snapshot.person("s12", "2025-06-01").entries(), [])
        with self.assertRaises(zeren.NotFound):
            self.snapshot.person("nobody")

    def test_person_per_entry_calls(self):
        view = self.snapshot.person("d_sec")
        entries = view.entries()
        for index, expected_entry in enumerate(entries):
            entry = _lib.zeren_responsibility()
            self.assertEqual(code_message(C.zeren_person_view_get, view._ptr, index,
                                          ctypes.byref(entry))[0], 0)
            self.assertEqual((_lib.RESPONSIBILITY_KINDS[entry.kind], entry.unit_id.decode(),
                              _lib.ROLES[entry.role], entry.reason.decode()),
                             (expected_entry.kind, expected_entry.unit, expected_entry.role,
                              expected_entry.reason))
        self.assertEqual(code_message(C.zeren_person_view_get, view._ptr, len(entries),
                                      ctypes.byref(_lib.zeren_responsibility()))[1], 5)
        self.assertEqual(code_message(C.zeren_person_view_get, view._ptr, 0, None)[1], 1)
        count = []
        stop = _lib.zeren_responsibility_fn(lambda payload, e: count.append(1) or 1)
        self.assertEqual(code_message(C.zeren_person_view_foreach, view._ptr, stop, None)[0],
                         0)
        self.assertEqual(len(count), 1)

    def test_holders(self):
        members = self.snapshot.holders("party", "member")
        self.assertEqual([h.person for h in members], ["a_mem", "a_mem2"])
        self.assertEqual(members[1], zeren.Holder("a_mem2", "Person A_MEM2",
                                                  datetime.date(2024, 1, 1),
                                                  datetime.date(2025, 4, 1)))
        self.assertIsNone(members[0].end)
        later = self.snapshot.holders("party", _lib.ZEREN_ROLE_MEMBER, "2025-06-01")
        self.assertEqual([h.person for h in later], ["a_mem", "a_mem3"])
        self.assertEqual(self.snapshot.holders("br12", "secretary"), [])
        with self.assertRaises(zeren.NotFound):
            self.snapshot.holders("nowhere", "secretary")
        with self.assertRaises(zeren.InvalidArgument):
            self.snapshot.holders("party", "emperor")
        with self.assertRaises(zeren.InvalidArgument):
            self.snapshot.holders("party", -1)  # ZEREN_ROLE_NONE is no post
        first = []
        stop = _lib.zeren_holder_fn(lambda payload, pid, name, start, end: first.append(pid)
                                    or 1)
        self.assertEqual(code_message(C.zeren_snapshot_holders, self.snapshot._ptr, b"party",
                                      _lib.ZEREN_ROLE_MEMBER, day("2025-03-12"), stop,
                                      None)[0], 0)
        self.assertEqual(first, [b"a_mem"])

    def test_callback_exceptions_propagate(self):
        errors = []
        callback = zeren._capture(lambda *args: 1 / 0, errors)
        self.assertEqual(callback(None), 1)
        with self.assertRaises(ZeroDivisionError):
            zeren._reraise(errors)


# ---- accountability ----------------------------------------------------------------------

def party_key(party):
    return tuple(sorted(party["party"].items()))


class TestAccountability(Model1):
    def test_k1_as_the_brief_says(self):
        accounting = self.snapshot.account("k1")
        parties = accounting.parties
        self.assertEqual(len(parties), 9)
        self.assertEqual(len(accounting), 9)
        first = parties[0]
        self.assertEqual(first["party"], {"person": "w1"})
        self.assertEqual(first["category"], "direct")
        self.assertEqual(first["degree"], 1)
        self.assertEqual(first["form"], "organizational_adjustment")
        self.assertEqual(first["adjustments"], ["prompt_rectification:-1"])
        self.assertEqual(accounting.incident, "k1")
        self.assertEqual(accounting.to_dict()["date"], "2025-06-01")
        self.assertIn("parties=9", repr(accounting))

    def test_conformance(self):
        for incident in ("k1", "k2", "k3"):
            want = expected(f"account-{incident}.json")
            got = self.snapshot.account(incident).to_dict()
            self.assertEqual(got["incident"], want["incident"])
            self.assertEqual(len(got["parties"]), len(want["parties"]), incident)
            by_party = {party_key(p): p for p in got["parties"]}
            for party in want["parties"]:
                mine = by_party[party_key(party)]
                self.assertEqual(mine["category"], party["category"], (incident, party))
                self.assertTrue(math.isclose(mine["degree"], party["degree"], rel_tol=1e-9),
                                (incident, party))
                self.assertEqual(mine["form"], party["form"], (incident, party))
                self.assertEqual(mine["adjustments"], party["adjustments"], (incident, party))
            degrees = [p["degree"] for p in got["parties"]]
            self.assertEqual(degrees, sorted(degrees, reverse=True))  # the spec's order

    def test_columns_match_the_document(self):
        for incident in ("k1", "k2", "k3"):
            accounting = self.snapshot.account(incident)
            columns = accounting.columns()
            parties = accounting.parties
            self.assertEqual(columns["id"], [p["party"].get("person") or p["party"]["unit"]
                                             for p in parties])
            self.assertEqual(columns["is_unit"], ["unit" in p["party"] for p in parties])
            self.assertEqual(columns["category"], [p["category"] for p in parties])
            self.assertEqual(columns["form"], [p["form"] for p in parties])
            for mine, party in zip(columns["degree"], parties):
                self.assertTrue(math.isclose(mine, party["degree"], rel_tol=1e-9))
            for steps, category in zip(columns["upward_steps"], columns["category"]):
                self.assertEqual(steps > 0, category == "upward")

    def test_by_index_and_all(self):
        everything = self.snapshot.account_all()
        self.assertEqual([a["incident"] for a in everything["incidents"]], ["k1", "k2", "k3"])
        for index, document in enumerate(everything["incidents"]):
            self.assertEqual(self.snapshot.account(index).to_dict(), document)
            self.assertEqual(self.snapshot.account(document["incident"]).to_dict(), document)
        with self.assertRaises(zeren.OutOfRange) as caught:
            self.snapshot.account(3)
        self.assertEqual(caught.exception.code, _lib.ZEREN_ERR_OUT_OF_RANGE)
        with self.assertRaises(zeren.OutOfRange):
            self.snapshot.account(-1)
        with self.assertRaises(zeren.NotFound) as caught:
            self.snapshot.account("k9")
        self.assertIn("k9", caught.exception.message)

    def test_per_party_calls(self):
        accounting = self.snapshot.account("k2")
        parties = accounting.parties
        pointer = accounting._ptr
        for index, party in enumerate(parties):
            row = _lib.zeren_party()
            self.assertEqual(code_message(C.zeren_accounting_get, pointer, index,
                                          ctypes.byref(row))[0], 0)
            self.assertEqual(row.id.decode(), party["party"].get("person") or
                             party["party"]["unit"])
            self.assertTrue(row.name)
            self.assertEqual(_lib.FORMS[row.form], party["form"])
            self.assertEqual(row.adjustment_count, len(party["adjustments"]))
            self.assertEqual(row.because_count, len(party["because"]))
            for k in range(row.adjustment_count):
                text = ctypes.c_char_p()
                self.assertEqual(code_message(C.zeren_accounting_adjustment, pointer, index, k,
                                              ctypes.byref(text))[0], 0)
                self.assertEqual(text.value.decode(), party["adjustments"][k])
            for k in range(row.because_count):
                text = ctypes.c_char_p()
                self.assertEqual(code_message(C.zeren_accounting_because, pointer, index, k,
                                              ctypes.byref(text))[0], 0)
                self.assertEqual(text.value.decode(), party["because"][k])
            text = ctypes.c_char_p()
            self.assertEqual(code_message(C.zeren_accounting_adjustment, pointer, index,
                                          row.adjustment_count, ctypes.byref(text))[1], 5)
            self.assertEqual(code_message(C.zeren_accounting_because, pointer, index,
                                          row.because_count, ctypes.byref(text))[1], 5)
        self.assertEqual(code_message(C.zeren_accounting_get, pointer, len(parties),
                                      ctypes.byref(_lib.zeren_party()))[1], 5)
        # Bulk fill with a smaller capacity fills that many rows.
        ids = (ctypes.c_char_p * 3)()
        columns = _lib.zeren_party_columns(capacity=3, ids=ids)
        written = ctypes.c_size_t()
        self.assertEqual(code_message(C.zeren_accounting_fill, pointer, ctypes.byref(columns),
                                      ctypes.byref(written))[0], 0)
        self.assertEqual(written.value, 3)
        self.assertEqual([i.decode() for i in ids], accounting.columns()["id"][:3])
        self.assertEqual(code_message(C.zeren_accounting_fill, pointer, None, None)[1], 1)


# ---- ledger, audit -----------------------------------------------------------------------

class TestLedger(Model1):
    def test_conformance(self):
        for as_of in ("2025-03-12", "2025-12-31"):
            want = expected(f"ledger-{as_of}.json")
            with self.snapshot.ledger(as_of) as ledger:
                got = ledger.to_dict()
                self.assertEqual(got["as_of"], as_of)
                self.assertEqual([(t["task"], t["unit"], t["light"]) for t in got["tasks"]],
                                 [(t["task"], t["unit"], t["light"]) for t in want["tasks"]])
                for mine, theirs in zip(got["directives"], want["directives"]):
                    self.assertEqual(mine["directive"], theirs["directive"])
                    self.assertEqual(mine["levels"], theirs["levels"])
                    self.assertEqual(mine["break_points"], theirs["break_points"])
                self.assertEqual(ledger.lights(), {t["task"]: t["light"] for t in want["tasks"]})
                self.assertEqual(len(ledger), len(want["tasks"]))
                self.assertEqual(ledger.task_count, len(want["tasks"]))
                self.assertEqual(ledger.directive_count, len(want["directives"]))
                self.assertEqual(ledger.tasks, got["tasks"])
                self.assertEqual(ledger.directives, got["directives"])

    def test_default_date_and_errors(self):
        self.assertEqual(self.snapshot.ledger().to_dict()["as_of"], "2025-03-12")
        with self.model.snapshot() as undated:
            with self.assertRaises(zeren.InvalidArgument):
                undated.ledger()
        ledger = self.snapshot.ledger()
        ledger.close()
        with self.assertRaises(zeren.InvalidArgument):
            ledger.lights()

    def test_per_row_calls(self):
        ledger = self.snapshot.ledger("2025-12-31")
        document = ledger.to_dict()
        pointer = ledger._ptr
        for index, task in enumerate(document["tasks"]):
            row = _lib.zeren_task_row()
            self.assertEqual(code_message(C.zeren_ledger_task, pointer, index,
                                          ctypes.byref(row))[0], 0)
            self.assertEqual((row.task_id.decode(), row.directive_id.decode(),
                              row.unit_id.decode(), zeren.format_date(row.due),
                              _lib.STATUSES[row.status], _lib.LIGHTS[row.light]),
                             (task["task"], task["directive"], task["unit"], task["due"],
                              task["status"], task["light"]))
            if task["status"] in ("done", "verified"):
                self.assertNotEqual(row.completed, _lib.ZEREN_DATE_OPEN)
        self.assertEqual(code_message(C.zeren_ledger_task, pointer, len(document["tasks"]),
                                      ctypes.byref(_lib.zeren_task_row()))[1], 5)
        for index, directive in enumerate(document["directives"]):
            name, levels, breaks = ctypes.c_char_p(), ctypes.c_size_t(), ctypes.c_size_t()
            self.assertEqual(code_message(C.zeren_ledger_directive, pointer, index,
                                          ctypes.byref(name), ctypes.byref(levels),
                                          ctypes.byref(breaks))[0], 0)
            self.assertEqual((name.value.decode(), levels.value, breaks.value),
                             (directive["directive"], len(directive["levels"]),
                              len(directive["break_points"])))
            for k, level in enumerate(directive["levels"]):
                numbers = [ctypes.c_uint32() for _ in range(4)]
                self.assertEqual(code_message(C.zeren_ledger_level, pointer, index, k,
                                              *(ctypes.byref(n) for n in numbers))[0], 0)
                self.assertEqual([n.value for n in numbers],
                                 [level["level"], level["reached"], level["done"],
                                  level["on_time"]])
            self.assertEqual(code_message(C.zeren_ledger_level, pointer, index, levels.value,
                                          None, None, None, None)[1], 5)
            for k, unit in enumerate(directive["break_points"]):
                text = ctypes.c_char_p()
                self.assertEqual(code_message(C.zeren_ledger_break_point, pointer, index, k,
                                              ctypes.byref(text))[0], 0)
                self.assertEqual(text.value.decode(), unit)
            self.assertEqual(code_message(C.zeren_ledger_break_point, pointer, index,
                                          breaks.value, ctypes.byref(ctypes.c_char_p()))[1], 5)
        self.assertEqual(code_message(C.zeren_ledger_directive, pointer, 99,
                                      ctypes.byref(ctypes.c_char_p()),
                                      ctypes.byref(ctypes.c_size_t()),
                                      ctypes.byref(ctypes.c_size_t()))[1], 5)
        # Bulk lights with a smaller capacity.
        lights = (ctypes.c_int32 * 2)()
        written = ctypes.c_size_t()
        self.assertEqual(code_message(C.zeren_ledger_fill_lights, pointer, None, lights, 2,
                                      ctypes.byref(written))[0], 0)
        self.assertEqual(written.value, 2)
        self.assertEqual([_lib.LIGHTS[v] for v in lights],
                         [t["light"] for t in document["tasks"][:2]])


class TestAudit(Model1):
    def test_conformance(self):
        for as_of in ("2025-03-12", "2025-12-31"):
            want = expected(f"audit-{as_of}.json")
            with self.snapshot.audit(as_of) as audit:
                got = audit.to_dict()
                self.assertEqual(got["as_of"], as_of)
                self.assertEqual(len(audit), len(want["findings"]))
                self.assertEqual(audit.findings, got["findings"])
                remaining = list(got["findings"])
                for finding in want["findings"]:
                    match = [f for f in remaining
                             if all(f.get(k) == v for k, v in finding.items())]
                    self.assertTrue(match, (as_of, finding, got["findings"]))
                    remaining.remove(match[0])
                severities = [_lib.FINDING_SEVERITIES.index(f["severity"])
                              for f in got["findings"]]
                self.assertEqual(severities, sorted(severities))

    def test_per_finding_calls(self):
        audit = self.snapshot.audit("2025-03-12")
        findings = audit.findings
        for index, finding in enumerate(findings):
            row = _lib.zeren_finding()
            self.assertEqual(code_message(C.zeren_audit_get, audit._ptr, index,
                                          ctypes.byref(row))[0], 0)
            self.assertEqual((_lib.FINDING_KINDS[row.kind],
                              _lib.FINDING_SEVERITIES[row.severity], row.detail.decode()),
                             (finding["kind"], finding["severity"], finding["detail"]))
            # Every subject the JSON names is in the row (the row may name more: the unit of
            # a duty_without_holder finding).
            for key, field in (("unit", row.unit_id), ("person", row.person_id),
                               ("duty", row.duty_id), ("directive", row.directive_id)):
                if key in finding:
                    self.assertEqual(finding[key], field and field.decode(), (key, finding))
        self.assertEqual(code_message(C.zeren_audit_get, audit._ptr, len(findings),
                                      ctypes.byref(_lib.zeren_finding()))[1], 5)
        self.assertEqual(json.loads(audit.to_json()), audit.to_dict())


# ---- assessment --------------------------------------------------------------------------

class TestAssessment(Model1):
    def test_conformance(self):
        want = {u["unit"]: u for u in expected("assess.json")["units"]}
        with self.snapshot.assess() as assessment:
            got = assessment.to_dict()
            self.assertEqual(got["period"], expected("assess.json")["period"])
            self.assertEqual(len(got["units"]), len(want))
            for unit in got["units"]:
                theirs = want[unit["unit"]]
                for key in ("own", "total"):
                    self.assertTrue(math.isclose(unit[key], theirs[key], rel_tol=1e-9),
                                    (unit["unit"], key, unit[key], theirs[key]))
                self.assertEqual((unit["grade"], unit["rank"], unit["peer_group"]),
                                 (theirs["grade"], theirs["rank"], theirs["peer_group"]))
            self.assertEqual(assessment.units, got["units"])
            self.assertEqual(len(assessment), 8)
            self.assertEqual(assessment.unit_count, 8)

    def test_columns_people_explain(self):
        assessment = self.snapshot.assess()
        units = {u["unit"]: u for u in assessment.to_dict()["units"]}
        columns = assessment.columns()
        self.assertEqual(columns["unit"], self.snapshot.unit_ids())
        for i, unit in enumerate(columns["unit"]):
            mine = units[unit]
            self.assertTrue(math.isclose(columns["own"][i], mine["own"], rel_tol=1e-12))
            self.assertTrue(math.isclose(columns["total"][i], mine["total"], rel_tol=1e-12))
            self.assertEqual(columns["grade"][i], mine["grade"])
            self.assertEqual(columns["rank"][i], mine["rank"])
            self.assertEqual(columns["flag_count"][i], len(mine["flags"]))
            if "daily" in mine.get("components", {}):
                self.assertTrue(math.isclose(columns["daily"][i], mine["components"]["daily"],
                                             rel_tol=1e-12))
        people = assessment.people()
        self.assertEqual(people, {p["person"]: p["score"]
                                  for p in assessment.to_dict()["people"]})
        self.assertEqual(len(people), 15)
        self.assertEqual(assessment.explain("br11"), units["br11"]["why"])
        with self.assertRaises(zeren.NotFound):
            assessment.explain("nowhere")
        one = assessment.to_dict("br11")
        self.assertEqual([u["unit"] for u in one["units"]], ["br11"])
        self.assertEqual(json.loads(assessment.to_json("br11")), one)
        with self.assertRaises(zeren.NotFound):
            assessment.to_dict("nowhere")

    def test_assess_options_and_person_score(self):
        everyone = self.snapshot.assess()
        people = everyone.people()
        two = self.snapshot.assess(threads=2, score_members=False)
        self.assertEqual(two.columns()["total"], everyone.columns()["total"])
        # This model has no member roster: every person with a post is still listed.
        self.assertEqual(two.people(), people)
        for person, score in people.items():
            self.assertEqual(two.person_score(person), score)
        with self.assertRaises(zeren.NotFound):
            two.person_score("nobody")
        with self.assertRaises(zeren.InvalidArgument):
            self.snapshot.assess(threads=-1)

    def test_members_scored_on_demand(self):
        spec = _lib.zeren_generate_spec(units=60, seed=5)
        pointer = _lib.ModelP()
        self.assertEqual(C.zeren_generate(ctypes.byref(spec), ctypes.byref(pointer), None), 0)
        with zeren.Model._wrap(pointer) as model, model.snapshot() as snapshot:
            everyone = snapshot.assess().people()
            leaders = snapshot.assess(score_members=False)
            listed = leaders.people()
            members = [p for p in everyone if p.startswith("m")]
            self.assertGreater(len(members), 100)
            self.assertEqual(sorted(listed), sorted(p for p in everyone if p.startswith("p")))
            for person in members[::37] + [members[-1]]:
                self.assertEqual(leaders.person_score(person), everyone[person])

    def test_grade_ids(self):
        assessment = self.snapshot.assess()
        self.assertEqual(assessment.grade_id(0), "good")
        with self.assertRaises(zeren.OutOfRange):
            assessment.grade_id(99)
        with self.assertRaises(zeren.OutOfRange):
            assessment.grade_id(-1)

    def test_bulk_capacity_checks(self):
        assessment = self.snapshot.assess()
        columns = _lib.zeren_assessment_columns(capacity=3)
        self.assertEqual(code_message(C.zeren_assessment_fill, assessment._ptr,
                                      ctypes.byref(columns))[1], 5)
        self.assertEqual(code_message(C.zeren_assessment_fill, assessment._ptr, None)[1], 1)
        count = ctypes.c_size_t()
        ids = (ctypes.c_char_p * 2)()
        self.assertEqual(code_message(C.zeren_assessment_people, assessment._ptr, ids, None, 2,
                                      ctypes.byref(count))[0], 0)
        self.assertEqual(count.value, 15)
        self.assertEqual([i.decode() for i in ids], list(assessment.people())[:2])
        self.assertEqual(code_message(C.zeren_assessment_people, assessment._ptr, None, None,
                                      0, None)[1], 1)
        self.assertEqual(code_message(C.zeren_assessment_explain, assessment._ptr, b"br11",
                                      ctypes.cast(None, _lib.zeren_line_fn), None)[1], 1)
        lines = []
        stop = _lib.zeren_line_fn(lambda payload, line: lines.append(line) or 1)
        self.assertEqual(code_message(C.zeren_assessment_explain, assessment._ptr, b"br11",
                                      stop, None)[0], 0)
        self.assertEqual(len(lines), 1)

    def test_columns_need_the_snapshot(self):
        with self.model.snapshot() as snapshot:
            assessment = snapshot.assess()
        self.assertTrue(snapshot.closed)
        self.assertEqual(len(assessment.to_dict()["units"]), 8)  # the result lives on
        with self.assertRaises(zeren.InvalidArgument):
            assessment.columns()

    def test_no_assessment_section(self):
        with zeren.Model.load(os.path.join(CLI_DATA, "no-assessment.json")) as model:
            with self.assertRaises(zeren.NotFound) as caught:
                model.assess()
            self.assertEqual(caught.exception.code, _lib.ZEREN_ERR_NOT_FOUND)


# ---- lifetimes and threads ---------------------------------------------------------------

class TestLifetimes(unittest.TestCase):
    def test_results_outlive_their_snapshot_and_model(self):
        model = zeren.Model.load(MODEL_1)
        snapshot = model.snapshot("2025-03-12")
        chain = snapshot.chain("br11")
        view = snapshot.person("a_mem")
        accounting = snapshot.account("k1")
        ledger = snapshot.ledger()
        audit = snapshot.audit()
        assessment = snapshot.assess()
        snapshot.close()
        model.close()
        gc.collect()
        self.assertEqual(chain.entries()[0].person_name, "Person S11")
        self.assertEqual(len(view.entries()), 4)
        self.assertEqual(accounting.columns()["id"][0], "w1")
        self.assertEqual(ledger.lights()["t.2"], "red")
        self.assertGreater(len(audit.findings), 0)
        self.assertEqual(assessment.explain("br11")[-1], "total 79.49 reaches average (min 60.00)")
        for result in (chain, view, accounting, ledger, audit, assessment):
            result.close()
            self.assertTrue(result.closed)
            with self.assertRaises(zeren.InvalidArgument):
                result.to_json()

    def test_snapshot_queries_from_threads(self):
        with zeren.Model.load(MODEL_1) as model, model.snapshot("2025-03-12") as snapshot:
            want = (snapshot.chain("br11").to_dict(), snapshot.account("k2").to_dict())
            results, errors = [], []

            def work():
                try:
                    for _ in range(20):
                        results.append((snapshot.chain("br11").to_dict(),
                                        snapshot.account("k2").to_dict()))
                except BaseException as e:  # noqa: B036
                    errors.append(e)

            threads = [threading.Thread(target=work) for _ in range(4)]
            for thread in threads:
                thread.start()
            for thread in threads:
                thread.join()
            self.assertEqual(errors, [])
            self.assertEqual(len(results), 80)
            self.assertTrue(all(r == want for r in results))


# ---- the demo organization ---------------------------------------------------------------

class TestDemo(unittest.TestCase):
    def test_demo(self):
        with zeren.Model.load(DEMO) as model, model.snapshot("2025-06-30") as snapshot:
            self.assertEqual((model.unit_count, model.person_count), (200, 381))
            self.assertEqual(snapshot.unit_count, 200)
            entries = snapshot.chain("d11").entries()
            self.assertEqual((entries[0].kind, entries[0].person), ("secretary", None))
            self.assertRegex(entries[0].reason,
                             r"the secretary post of .*\(d11\) is vacant on 2025-06-30")
            everything = snapshot.account_all()["incidents"]
            self.assertEqual(len(everything), snapshot.incident_count)
            self.assertEqual([a["incident"] for a in everything],
                             ["i1", "i2", "i3", "i4", "i5"])
            for index in range(snapshot.incident_count):
                with snapshot.account(index) as accounting:
                    self.assertEqual(accounting.to_dict(), everything[index])
            with snapshot.assess() as assessment:
                columns = assessment.columns()
                self.assertEqual(len(columns["unit"]), 200)
                self.assertEqual(len(assessment.to_dict()["units"]), 200)
            lights = snapshot.ledger().lights()
            self.assertTrue(set(lights.values()) <= set(zeren.LIGHTS))
            self.assertGreater(len(snapshot.audit()), 0)
            self.assertEqual(len(snapshot.on_time_rates("2025-01-01", "2026-01-01")), 200)


# ---- finding the library -----------------------------------------------------------------

def run_python(code, env_changes, cwd):
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "ZEREN_LIBRARY")}
    env.update(env_changes)
    return subprocess.run([sys.executable, "-c", code], env=env, cwd=cwd, capture_output=True,
                          text=True, timeout=120)


class TestLibraryLookup(unittest.TestCase):
    def setUp(self):
        self.library = os.path.realpath(zeren.library_path)
        if not os.path.exists(self.library):
            self.skipTest(f"the loaded library {zeren.library_path} is not a file path")
        self.directory = tempfile.mkdtemp(prefix="zeren-lookup-")
        self.addCleanup(shutil.rmtree, self.directory, True)

    def copy_package(self, site):
        target = os.path.join(site, "zeren")
        shutil.copytree(os.path.dirname(zeren.__file__), target,
                        ignore=shutil.ignore_patterns("__pycache__", "libzeren.so*"))
        return target

    def test_next_to_the_package(self):
        package = self.copy_package(os.path.join(self.directory, "site"))
        os.symlink(self.library, os.path.join(package, "libzeren.so.0"))
        result = run_python("import zeren; print(zeren.library_path); print(zeren.version())",
                            {"PYTHONPATH": os.path.dirname(package)}, self.directory)
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertEqual(result.stdout.split(), [os.path.join(package, "libzeren.so.0"),
                                                 zeren.version()])

    def test_installed_layout(self):
        libdir = os.path.join(self.directory, "lib")
        site = os.path.join(libdir, "python3", "dist-packages")
        self.copy_package(site)
        os.symlink(self.library, os.path.join(libdir, "libzeren.so.0"))
        result = run_python("import zeren; print(zeren.library_path)", {"PYTHONPATH": site},
                            self.directory)
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertEqual(result.stdout.strip(), os.path.join(libdir, "libzeren.so.0"))

    def test_bad_environment_variable(self):
        missing = os.path.join(self.directory, "nothing.so")
        result = run_python("import zeren", {"PYTHONPATH": BINDING, "ZEREN_LIBRARY": missing},
                            self.directory)
        self.assertNotEqual(result.returncode, 0)
        self.assertIn("ImportError", result.stderr)
        self.assertIn(missing, result.stderr)

    def test_not_found_lists_the_places_tried(self):
        site = os.path.join(self.directory, "site")
        self.copy_package(site)
        result = run_python(
            "import ctypes.util\n"
            "ctypes.util.find_library = lambda name: None\n"
            "try:\n"
            "    import zeren\n"
            "except ImportError as e:\n"
            "    print('IMPORT-ERROR', e)\n"
            "else:\n"
            "    print('LOADED', zeren.library_path)\n",
            {"PYTHONPATH": site, "LD_LIBRARY_PATH": ""}, self.directory)
        self.assertEqual(result.returncode, 0, result.stderr)
        if result.stdout.startswith("LOADED"):
            self.skipTest("libzeren.so.0 is installed on this system: " + result.stdout)
        self.assertIn("ZEREN_LIBRARY", result.stdout)
        self.assertIn(os.path.join(site, "zeren", "libzeren.so.0"), result.stdout)


# ---- packaging: the in-tree PEP 517 backend, pip into a venv ----------------------------

def load_backend():
    spec = importlib.util.spec_from_file_location(
        "zeren_build_under_test", os.path.join(BINDING, "_build", "zeren_build.py"))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


class TestPackaging(unittest.TestCase):
    def setUp(self):
        self.directory = tempfile.mkdtemp(prefix="zeren-packaging-")
        self.addCleanup(shutil.rmtree, self.directory, True)

    def test_pyproject(self):
        text = read(os.path.join(BINDING, "pyproject.toml"))
        self.assertRegex(text, r"(?m)^requires = \[\]$")
        self.assertRegex(text, r'(?m)^build-backend = "zeren_build"$')
        self.assertRegex(text, r'(?m)^backend-path = \["_build"\]$')
        backend = load_backend()
        project = backend._read_project(text)
        self.assertEqual((project["name"], project["version"]), ("zeren", zeren.__version__))
        try:
            import tomllib
        except ImportError:
            return
        self.assertEqual(project, tomllib.loads(text)["project"])
        self.assertEqual(tomllib.loads(text)["build-system"]["requires"], [])

    def test_hooks(self):
        backend = load_backend()
        self.assertEqual(backend.get_requires_for_build_wheel(), [])
        self.assertEqual(backend.get_requires_for_build_sdist(), [])
        self.assertEqual(backend.get_requires_for_build_editable(), [])
        name = backend.prepare_metadata_for_build_wheel(self.directory)
        self.assertEqual(name, "zeren-0.1.0.dist-info")
        metadata = read(os.path.join(self.directory, name, "METADATA"))
        self.assertIn("Name: zeren\n", metadata)
        self.assertIn("Version: 0.1.0\n", metadata)

    def test_wheel(self):
        backend = load_backend()
        name = backend.build_wheel(self.directory)
        self.assertEqual(name, "zeren-0.1.0-py3-none-any.whl")
        path = os.path.join(self.directory, name)
        with zipfile.ZipFile(path) as wheel:
            names = wheel.namelist()
            for module in ("__init__.py", "_lib.py", "_errors.py"):
                self.assertIn(f"zeren/{module}", names)
            self.assertFalse([n for n in names if ".so" in n or "__pycache__" in n], names)
            self.assertIn("Root-Is-Purelib: true", wheel.read("zeren-0.1.0.dist-info/WHEEL")
                          .decode())
            self.assertIn("Tag: py3-none-any", wheel.read("zeren-0.1.0.dist-info/WHEEL")
                          .decode())
            record = wheel.read("zeren-0.1.0.dist-info/RECORD").decode().splitlines()
            listed = {}
            for line in record:
                file, digest, size = line.rsplit(",", 2)
                listed[file] = (digest, size)
            self.assertEqual(set(listed), set(names))
            for file, (digest, size) in listed.items():
                if file.endswith("RECORD"):
                    self.assertEqual((digest, size), ("", ""))
                    continue
                data = wheel.read(file)
                want = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=")
                self.assertEqual(digest, "sha256=" + want.decode(), file)
                self.assertEqual(int(size), len(data), file)
            with open(zeren.__file__, "rb") as f:
                self.assertEqual(wheel.read("zeren/__init__.py"), f.read())
        # Reproducible: the same bytes twice.
        again = os.path.join(self.directory, "again")
        backend.build_wheel(again)
        with open(path, "rb") as a, open(os.path.join(again, name), "rb") as b:
            self.assertEqual(a.read(), b.read())

    def test_sdist(self):
        backend = load_backend()
        name = backend.build_sdist(self.directory)
        self.assertEqual(name, "zeren-0.1.0.tar.gz")
        with tarfile.open(os.path.join(self.directory, name)) as sdist:
            names = sdist.getnames()
        for file in ("PKG-INFO", "pyproject.toml", "_build/zeren_build.py", "zeren/__init__.py",
                     "zeren/_lib.py", "zeren/_errors.py", "tests/test_zeren.py"):
            self.assertIn(f"zeren-0.1.0/{file}", names)

    def test_pip_install_into_a_fresh_venv(self):
        missing = [m for m in ("venv", "ensurepip") if importlib.util.find_spec(m) is None]
        if missing:
            self.skipTest(f"{' and '.join(missing)} unavailable in {sys.executable}: cannot "
                          "create a venv with pip (on Debian: apt-get install python3-venv)")
        venv = os.path.join(self.directory, "venv")
        made = subprocess.run([sys.executable, "-m", "venv", venv], capture_output=True,
                              text=True, timeout=300)
        if made.returncode != 0 and "ensurepip" in (made.stdout + made.stderr):
            self.skipTest("ensurepip is unavailable, so a venv cannot get pip (on Debian: "
                          "apt-get install python3-venv): " + (made.stdout + made.stderr)
                          .strip().splitlines()[-1])
        self.assertEqual(made.returncode, 0, made.stdout + made.stderr)
        python = os.path.join(venv, "bin", "python")
        env = {k: v for k, v in os.environ.items()
               if k not in ("PYTHONPATH", "PYTHONHOME", "PIP_REQUIRE_VIRTUALENV")}
        env.update({"PIP_DISABLE_PIP_VERSION_CHECK": "1", "PIP_NO_INPUT": "1",
                    "PIP_NO_CACHE_DIR": "1", "PYTHONDONTWRITEBYTECODE": "1"})

        def pip(*args):
            result = subprocess.run([python, "-m", "pip", *args], env=env, cwd=self.directory,
                                    capture_output=True, text=True, timeout=300)
            self.assertEqual(result.returncode, 0, result.stdout + result.stderr)
            return result

        pip("install", "--no-build-isolation", "--no-index", BINDING)
        check = (
            "import json, os, sys, zeren\n"
            "print(json.dumps({'file': zeren.__file__, 'version': zeren.version(),\n"
            "  'library': zeren.library_path,\n"
            "  'first': zeren.Model.load(sys.argv[1]).account('k1').parties[0]}))\n")
        env_run = dict(env, ZEREN_LIBRARY=os.path.realpath(zeren.library_path))
        result = subprocess.run([python, "-c", check, MODEL_1], env=env_run,
                                cwd=self.directory, capture_output=True, text=True,
                                timeout=120)
        self.assertEqual(result.returncode, 0, result.stderr)
        report = json.loads(result.stdout)
        self.assertTrue(os.path.realpath(report["file"]).startswith(os.path.realpath(venv)),
                        report["file"])
        self.assertEqual(report["version"], zeren.version())
        self.assertEqual(report["first"]["party"], {"person": "w1"})
        shown = pip("show", "zeren").stdout
        self.assertIn("Version: 0.1.0", shown)
        # Editable (PEP 660) too: the package then comes from the source tree.
        pip("uninstall", "--yes", "zeren")
        pip("install", "--no-build-isolation", "--no-index", "--editable", BINDING)
        result = subprocess.run([python, "-c", "import zeren; print(zeren.__file__)"],
                                env=env_run, cwd=self.directory, capture_output=True,
                                text=True, timeout=120)
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertEqual(os.path.realpath(result.stdout.strip()),
                         os.path.realpath(os.path.join(BINDING, "zeren", "__init__.py")))


if __name__ == "__main__":
    unittest.main()
