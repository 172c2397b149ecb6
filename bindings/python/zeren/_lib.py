"""Loading libzeren and declaring its C API (capi/zeren.h) for ctypes.

Everything here mirrors the header one to one: the constants, the structs (with their
``_INIT`` defaults), the callback types, and one table, ``_FUNCTIONS``, that gives every
exported function its ``restype`` and ``argtypes``. The Pythonic layer (``zeren/__init__.py``)
never calls a function that is not in that table.

Where the library is looked for, in order (the first that exists is loaded):

1. ``$ZEREN_LIBRARY``: a path to the shared library. When it is set, it is the only
   candidate: a wrong value is an ImportError, not a silent fallback.
2. ``libzeren.so.0``, ``libzeren.so``, then any other ``libzeren.so*`` in the package's own
   directory (a copy placed next to ``__init__.py``).
3. ``libzeren.so.0`` two levels above the directory holding the package: the package
   installed as ``<libdir>/python3/dist-packages/zeren`` finds ``<libdir>/libzeren.so.0``.
4. ``ctypes.util.find_library("zeren")`` (the ldconfig cache, compiler and linker paths),
   then the dynamic loader's own search for ``libzeren.so.0`` (LD_LIBRARY_PATH, system dirs).
"""

import ctypes
import ctypes.util
import glob
import os

from ctypes import (CFUNCTYPE, POINTER, Structure, c_char, c_char_p, c_double, c_int32,
                    c_int64, c_size_t, c_uint32, c_uint64, c_void_p, sizeof)

# ---- status codes ------------------------------------------------------------------------

ZEREN_OK = 0
ZEREN_ERR_INVALID_ARGUMENT = 1
ZEREN_ERR_INVALID_MODEL = 2
ZEREN_ERR_NOT_FOUND = 3
ZEREN_ERR_IO = 4
ZEREN_ERR_OUT_OF_RANGE = 5
ZEREN_ERR_NO_MEMORY = 6
ZEREN_ERR_INTERNAL = 7

# ---- vocabularies ------------------------------------------------------------------------

ZEREN_ROLE_NONE = -1
ZEREN_ROLE_SECRETARY = 0
ZEREN_ROLE_HEAD = 1
ZEREN_ROLE_DEPUTY = 2
ZEREN_ROLE_MEMBER = 3
ZEREN_ROLE_DISCIPLINE_SECRETARY = 4
ZEREN_ROLE_STAFF = 5

ZEREN_LINK_SUPERVISES = 0
ZEREN_LINK_SPECIALIZES = 1
ZEREN_LINK_GUIDES = 2

ZEREN_DUTY_PRINCIPAL = 0
ZEREN_DUTY_FIRST_RESPONSIBLE = 1
ZEREN_DUTY_DUAL_POST = 2
ZEREN_DUTY_SUPERVISORY = 3
ZEREN_DUTY_SPECIALIZED = 4

ZEREN_SEVERITY_MINOR = 0
ZEREN_SEVERITY_SERIOUS = 1
ZEREN_SEVERITY_GRAVE = 2

ZEREN_CIRCUMSTANCE_REPEAT = 0
ZEREN_CIRCUMSTANCE_CONCEALMENT = 1
ZEREN_CIRCUMSTANCE_OBSTRUCTION = 2
ZEREN_CIRCUMSTANCE_REFUSED_RECTIFICATION = 3
ZEREN_CIRCUMSTANCE_SELF_REPORT = 4
ZEREN_CIRCUMSTANCE_PROMPT_RECTIFICATION = 5
ZEREN_CIRCUMSTANCE_DUE_DILIGENCE = 6
ZEREN_CIRCUMSTANCE_OBJECTION_ON_RECORD = 7

ZEREN_CHAIN_SECRETARY = 0
ZEREN_CHAIN_HEAD = 1
ZEREN_CHAIN_DEPUTY = 2
ZEREN_CHAIN_MEMBER = 3
ZEREN_CHAIN_DISCIPLINE_SECRETARY = 4
ZEREN_CHAIN_IN_CHARGE = 5
ZEREN_CHAIN_SUPERVISOR = 6
ZEREN_CHAIN_SPECIALIST = 7
ZEREN_CHAIN_GUIDE = 8
ZEREN_CHAIN_SUPERIOR = 9

ZEREN_RESPONSIBILITY_POST = 0
ZEREN_RESPONSIBILITY_IN_CHARGE = 1
ZEREN_RESPONSIBILITY_GUIDES = 2
ZEREN_RESPONSIBILITY_SUPERVISES = 3
ZEREN_RESPONSIBILITY_DUTY = 4

ZEREN_CATEGORY_DIRECT = 0
ZEREN_CATEGORY_MAIN_LEADERSHIP = 1
ZEREN_CATEGORY_IMPORTANT_LEADERSHIP = 2
ZEREN_CATEGORY_OVERALL_LEADERSHIP = 3
ZEREN_CATEGORY_SUPERVISORY = 4
ZEREN_CATEGORY_GUIDANCE = 5
ZEREN_CATEGORY_UPWARD = 6

ZEREN_FORM_NONE = 0
ZEREN_FORM_SELF_EXAMINATION = 1
ZEREN_FORM_CIRCULATED_NOTICE = 2
ZEREN_FORM_REORGANIZATION = 3
ZEREN_FORM_ADMONISHMENT = 4
ZEREN_FORM_ORGANIZATIONAL_ADJUSTMENT = 5
ZEREN_FORM_DISCIPLINARY_SANCTION = 6

ZEREN_LIGHT_DONE = 0
ZEREN_LIGHT_CANCELLED = 1
ZEREN_LIGHT_RED = 2
ZEREN_LIGHT_YELLOW = 3
ZEREN_LIGHT_GREEN = 4

ZEREN_STATUS_OPEN = 0
ZEREN_STATUS_IN_PROGRESS = 1
ZEREN_STATUS_DONE = 2
ZEREN_STATUS_VERIFIED = 3
ZEREN_STATUS_CANCELLED = 4

ZEREN_FINDING_CONFLICT_OF_INTEREST = 0
ZEREN_FINDING_DUTY_WITHOUT_HOLDER = 1
ZEREN_FINDING_OVERDUE_TASKS = 2
ZEREN_FINDING_OVERLOADED_PERSON = 3
ZEREN_FINDING_STALLED_CASCADE = 4
ZEREN_FINDING_UNGUIDED_BRANCH = 5
ZEREN_FINDING_UNSUPERVISED = 6
ZEREN_FINDING_VACANT_FIRST_RESPONSIBLE = 7
ZEREN_FINDING_SEVERITY_CRITICAL = 0
ZEREN_FINDING_SEVERITY_WARNING = 1
ZEREN_FINDING_SEVERITY_INFO = 2

ZEREN_GRAPH_GRAPHML = 0
ZEREN_GRAPH_DOT = 1

ZEREN_CSV_BYTE_ORDER_MARK = 1

ZEREN_DATE_OPEN = -2**31  # INT32_MIN

# The spellings of the model format, indexed by the C values above.
ROLES = ("secretary", "head", "deputy", "member", "discipline_secretary", "staff")
LINK_KINDS = ("supervises", "specializes", "guides")
DUTY_CATEGORIES = ("principal", "first_responsible", "dual_post", "supervisory", "specialized")
SEVERITIES = ("minor", "serious", "grave")
CIRCUMSTANCES = ("repeat", "concealment", "obstruction", "refused_rectification", "self_report",
                 "prompt_rectification", "due_diligence", "objection_on_record")
CHAIN_KINDS = ("secretary", "head", "deputy", "member", "discipline_secretary", "in_charge",
               "supervisor", "specialist", "guide", "superior")
RESPONSIBILITY_KINDS = ("post", "in_charge", "guides", "supervises", "duty")
CATEGORIES = ("direct", "main_leadership", "important_leadership", "overall_leadership",
              "supervisory", "guidance", "upward")
FORMS = ("none", "self_examination", "circulated_notice", "reorganization", "admonishment",
         "organizational_adjustment", "disciplinary_sanction")
LIGHTS = ("done", "cancelled", "red", "yellow", "green")
STATUSES = ("open", "in_progress", "done", "verified", "cancelled")
FINDING_KINDS = ("conflict_of_interest", "duty_without_holder", "overdue_tasks",
                 "overloaded_person", "stalled_cascade", "unguided_branch", "unsupervised",
                 "vacant_first_responsible")
FINDING_SEVERITIES = ("critical", "warning", "info")

# ---- handles (opaque) --------------------------------------------------------------------


class zeren_error(Structure):
    pass


class zeren_model(Structure):
    pass


class zeren_edit(Structure):
    pass


class zeren_snapshot(Structure):
    pass


class zeren_chain(Structure):
    pass


class zeren_person_view(Structure):
    pass


class zeren_accounting(Structure):
    pass


class zeren_ledger(Structure):
    pass


class zeren_audit(Structure):
    pass


class zeren_assessment(Structure):
    pass


class zeren_view(Structure):
    pass


ErrorP = POINTER(zeren_error)
ModelP = POINTER(zeren_model)
EditP = POINTER(zeren_edit)
SnapshotP = POINTER(zeren_snapshot)
ChainP = POINTER(zeren_chain)
PersonViewP = POINTER(zeren_person_view)
AccountingP = POINTER(zeren_accounting)
LedgerP = POINTER(zeren_ledger)
AuditP = POINTER(zeren_audit)
AssessmentP = POINTER(zeren_assessment)
ViewP = POINTER(zeren_view)

ErrorPP = POINTER(ErrorP)
# `char **` out-parameters of strings the library allocates: kept as raw pointers (not
# c_char_p, which would copy and lose the address) so they can go to zeren_string_free.
OwnedString = POINTER(c_char)
OwnedStringP = POINTER(OwnedString)
BorrowedStringP = POINTER(c_char_p)  # `const char **`: borrowed strings
StringArray = POINTER(c_char_p)      # `const char *const *` / `const char **` arrays

# ---- structs -----------------------------------------------------------------------------


class _Sized(Structure):
    """A struct that starts with `uint32_t struct_size`, initialized like its _INIT macro."""

    _defaults_ = {}

    def __init__(self, **fields):
        values = dict(self._defaults_)
        values.update(fields)
        super().__init__(struct_size=sizeof(self), **values)


class zeren_unit_spec(_Sized):
    _fields_ = [("struct_size", c_uint32), ("id", c_char_p), ("name", c_char_p),
                ("kind", c_char_p), ("members", c_int64), ("parents", StringArray),
                ("parent_weights", POINTER(c_double)), ("parent_count", c_size_t),
                ("from_", c_int32), ("to", c_int32)]
    _defaults_ = {"from_": ZEREN_DATE_OPEN, "to": ZEREN_DATE_OPEN}


class zeren_post_spec(_Sized):
    _fields_ = [("struct_size", c_uint32), ("person", c_char_p), ("unit", c_char_p),
                ("role", c_int32), ("from_", c_int32), ("to", c_int32),
                ("in_charge_of", StringArray), ("in_charge_count", c_size_t)]
    _defaults_ = {"role": ZEREN_ROLE_STAFF, "from_": ZEREN_DATE_OPEN, "to": ZEREN_DATE_OPEN}


class zeren_link_spec(_Sized):
    _fields_ = [("struct_size", c_uint32), ("kind", c_int32), ("from_", c_char_p),
                ("to", c_char_p), ("from_date", c_int32), ("to_date", c_int32)]
    _defaults_ = {"kind": ZEREN_LINK_SUPERVISES, "from_date": ZEREN_DATE_OPEN,
                  "to_date": ZEREN_DATE_OPEN}


class zeren_duty_spec(_Sized):
    _fields_ = [("struct_size", c_uint32), ("id", c_char_p), ("unit", c_char_p),
                ("role", c_int32), ("category", c_int32), ("dimension", c_char_p),
                ("text", c_char_p)]
    _defaults_ = {"role": ZEREN_ROLE_NONE, "category": ZEREN_DUTY_PRINCIPAL}


class zeren_incident_spec(_Sized):
    _fields_ = [("struct_size", c_uint32), ("id", c_char_p), ("unit", c_char_p),
                ("date", c_int32), ("since", c_int32), ("severity", c_int32),
                ("case_id", c_char_p), ("dimension", c_char_p), ("duty", c_char_p),
                ("task", c_char_p), ("direct", StringArray), ("direct_count", c_size_t),
                ("participants", StringArray), ("participant_count", c_size_t),
                ("circumstance_kinds", POINTER(c_int32)),
                ("circumstance_persons", StringArray), ("circumstance_count", c_size_t)]
    _defaults_ = {"since": ZEREN_DATE_OPEN, "severity": ZEREN_SEVERITY_MINOR}


class zeren_chain_entry(_Sized):
    _fields_ = [("struct_size", c_uint32), ("kind", c_int32), ("person_id", c_char_p),
                ("person_name", c_char_p), ("unit_id", c_char_p), ("unit_name", c_char_p),
                ("distance", c_uint32), ("reason", c_char_p)]


class zeren_responsibility(_Sized):
    _fields_ = [("struct_size", c_uint32), ("kind", c_int32), ("unit_id", c_char_p),
                ("unit_name", c_char_p), ("role", c_int32), ("duty_id", c_char_p),
                ("reason", c_char_p)]
    _defaults_ = {"role": ZEREN_ROLE_NONE}


class zeren_party(_Sized):
    _fields_ = [("struct_size", c_uint32), ("is_unit", c_int32), ("id", c_char_p),
                ("name", c_char_p), ("category", c_int32), ("degree", c_double),
                ("form", c_int32), ("upward_steps", c_uint32), ("adjustment_count", c_uint32),
                ("because_count", c_uint32)]


class zeren_party_columns(_Sized):
    _fields_ = [("struct_size", c_uint32), ("capacity", c_size_t),
                ("is_unit", POINTER(c_int32)), ("ids", StringArray),
                ("categories", POINTER(c_int32)), ("degrees", POINTER(c_double)),
                ("forms", POINTER(c_int32)), ("upward_steps", POINTER(c_uint32))]


class zeren_graph_options(_Sized):
    _fields_ = [("struct_size", c_uint32), ("as_of", c_int32), ("format", c_int32),
                ("assessment", AssessmentP)]
    _defaults_ = {"as_of": ZEREN_DATE_OPEN, "format": ZEREN_GRAPH_GRAPHML}


class zeren_generate_spec(_Sized):
    _fields_ = [("struct_size", c_uint32), ("units", c_int64), ("members", c_int64),
                ("seed", c_uint64), ("depth", c_int32), ("member_people", c_int32),
                ("year", c_int32), ("progress", c_void_p), ("progress_payload", c_void_p)]
    _defaults_ = {"units": 1000, "members": -1, "seed": 1, "depth": 8, "member_people": -1,
                  "year": 2025}


class zeren_task_row(_Sized):
    _fields_ = [("struct_size", c_uint32), ("task_id", c_char_p), ("directive_id", c_char_p),
                ("unit_id", c_char_p), ("due", c_int32), ("status", c_int32),
                ("light", c_int32), ("completed", c_int32), ("failed_reviews", c_uint32)]
    _defaults_ = {"completed": ZEREN_DATE_OPEN}


class zeren_finding(_Sized):
    _fields_ = [("struct_size", c_uint32), ("kind", c_int32), ("severity", c_int32),
                ("unit_id", c_char_p), ("person_id", c_char_p), ("duty_id", c_char_p),
                ("directive_id", c_char_p), ("detail", c_char_p)]


class zeren_assess_options(_Sized):
    _fields_ = [("struct_size", c_uint32), ("threads", c_int32), ("score_members", c_int32)]
    _defaults_ = {"score_members": 1}


class zeren_assessment_columns(_Sized):
    _fields_ = [("struct_size", c_uint32), ("capacity", c_size_t), ("own", POINTER(c_double)),
                ("total", POINTER(c_double)), ("grade", POINTER(c_int32)),
                ("rank", POINTER(c_uint32)), ("daily", POINTER(c_double)),
                ("flag_count", POINTER(c_int32))]


# ---- callbacks ---------------------------------------------------------------------------

zeren_chain_fn = CFUNCTYPE(c_int32, c_void_p, POINTER(zeren_chain_entry))
zeren_responsibility_fn = CFUNCTYPE(c_int32, c_void_p, POINTER(zeren_responsibility))
zeren_holder_fn = CFUNCTYPE(c_int32, c_void_p, c_char_p, c_char_p, c_int32, c_int32)
zeren_line_fn = CFUNCTYPE(c_int32, c_void_p, c_char_p)

# ---- functions: name -> (restype, argtypes) ---------------------------------------------

_S = c_int32  # status
_FUNCTIONS = {
    # library
    "zeren_version": (c_char_p, []),
    "zeren_version_number": (c_int32, []),
    "zeren_string_free": (None, [OwnedString]),
    # errors
    "zeren_error_code": (c_int32, [ErrorP]),
    "zeren_error_message": (c_char_p, [ErrorP]),
    "zeren_error_problem_count": (c_size_t, [ErrorP]),
    "zeren_error_problem_total": (c_size_t, [ErrorP]),
    "zeren_error_problem": (_S, [ErrorP, c_size_t, BorrowedStringP, BorrowedStringP,
                                 BorrowedStringP]),
    "zeren_error_free": (None, [ErrorP]),
    # dates
    "zeren_date_parse": (_S, [c_char_p, POINTER(c_int32), ErrorPP]),
    "zeren_date_format": (_S, [c_int32, c_char_p, c_size_t, ErrorPP]),
    # models
    "zeren_model_new": (_S, [POINTER(ModelP), ErrorPP]),
    "zeren_model_load_file": (_S, [c_char_p, POINTER(ModelP), ErrorPP]),
    "zeren_model_load_buffer": (_S, [c_char_p, c_size_t, POINTER(ModelP), ErrorPP]),
    "zeren_validate_buffer": (_S, [c_char_p, c_size_t, ErrorPP]),
    "zeren_model_save_file": (_S, [ModelP, c_char_p, ErrorPP]),
    "zeren_model_to_json": (_S, [ModelP, OwnedStringP, POINTER(c_size_t), ErrorPP]),
    "zeren_model_unit_count": (c_size_t, [ModelP]),
    "zeren_model_person_count": (c_size_t, [ModelP]),
    "zeren_model_post_count": (c_size_t, [ModelP]),
    "zeren_model_link_count": (c_size_t, [ModelP]),
    "zeren_model_free": (None, [ModelP]),
    # edits
    "zeren_edit_new": (_S, [POINTER(EditP), ErrorPP]),
    "zeren_edit_free": (None, [EditP]),
    "zeren_edit_put_unit": (_S, [EditP, POINTER(zeren_unit_spec), ErrorPP]),
    "zeren_edit_put_person": (_S, [EditP, c_char_p, c_char_p, ErrorPP]),
    "zeren_edit_put_duty": (_S, [EditP, POINTER(zeren_duty_spec), ErrorPP]),
    "zeren_edit_put_incident": (_S, [EditP, POINTER(zeren_incident_spec), ErrorPP]),
    "zeren_edit_add_post": (_S, [EditP, POINTER(zeren_post_spec), ErrorPP]),
    "zeren_edit_add_link": (_S, [EditP, POINTER(zeren_link_spec), ErrorPP]),
    "zeren_edit_end_post": (_S, [EditP, c_char_p, c_char_p, c_int32, c_int32, ErrorPP]),
    "zeren_edit_end_link": (_S, [EditP, c_int32, c_char_p, c_char_p, c_int32, ErrorPP]),
    "zeren_edit_remove_unit": (_S, [EditP, c_char_p, ErrorPP]),
    "zeren_edit_remove_person": (_S, [EditP, c_char_p, ErrorPP]),
    "zeren_model_apply": (_S, [ModelP, EditP, ErrorPP]),
    # snapshots
    "zeren_snapshot_compile": (_S, [ModelP, POINTER(SnapshotP), ErrorPP]),
    "zeren_snapshot_unit_count": (c_uint32, [SnapshotP]),
    "zeren_snapshot_unit_level": (_S, [SnapshotP, c_char_p, POINTER(c_uint32), ErrorPP]),
    "zeren_snapshot_free": (None, [SnapshotP]),
    # chains
    "zeren_snapshot_chain": (_S, [SnapshotP, c_char_p, c_int32, POINTER(ChainP), ErrorPP]),
    "zeren_chain_size": (c_size_t, [ChainP]),
    "zeren_chain_get": (_S, [ChainP, c_size_t, POINTER(zeren_chain_entry), ErrorPP]),
    "zeren_chain_foreach": (_S, [ChainP, zeren_chain_fn, c_void_p, ErrorPP]),
    "zeren_chain_to_json": (_S, [ChainP, OwnedStringP, POINTER(c_size_t), ErrorPP]),
    "zeren_chain_free": (None, [ChainP]),
    # person views
    "zeren_snapshot_person": (_S, [SnapshotP, c_char_p, c_int32, POINTER(PersonViewP),
                                   ErrorPP]),
    "zeren_person_view_size": (c_size_t, [PersonViewP]),
    "zeren_person_view_get": (_S, [PersonViewP, c_size_t, POINTER(zeren_responsibility),
                                   ErrorPP]),
    "zeren_person_view_foreach": (_S, [PersonViewP, zeren_responsibility_fn, c_void_p,
                                       ErrorPP]),
    "zeren_person_view_to_json": (_S, [PersonViewP, OwnedStringP, POINTER(c_size_t),
                                       ErrorPP]),
    "zeren_person_view_free": (None, [PersonViewP]),
    "zeren_snapshot_holders": (_S, [SnapshotP, c_char_p, c_int32, c_int32, zeren_holder_fn,
                                    c_void_p, ErrorPP]),
    # accountability
    "zeren_policy_default_json": (_S, [OwnedStringP, POINTER(c_size_t), ErrorPP]),
    "zeren_snapshot_incident_count": (c_uint32, [SnapshotP]),
    "zeren_snapshot_account": (_S, [SnapshotP, c_char_p, POINTER(AccountingP), ErrorPP]),
    "zeren_snapshot_account_index": (_S, [SnapshotP, c_uint32, POINTER(AccountingP),
                                          ErrorPP]),
    "zeren_snapshot_account_all_json": (_S, [SnapshotP, OwnedStringP, POINTER(c_size_t),
                                             ErrorPP]),
    "zeren_accounting_size": (c_size_t, [AccountingP]),
    "zeren_accounting_get": (_S, [AccountingP, c_size_t, POINTER(zeren_party), ErrorPP]),
    "zeren_accounting_fill": (_S, [AccountingP, POINTER(zeren_party_columns),
                                   POINTER(c_size_t), ErrorPP]),
    "zeren_accounting_adjustment": (_S, [AccountingP, c_size_t, c_size_t, BorrowedStringP,
                                         ErrorPP]),
    "zeren_accounting_because": (_S, [AccountingP, c_size_t, c_size_t, BorrowedStringP,
                                      ErrorPP]),
    "zeren_accounting_to_json": (_S, [AccountingP, OwnedStringP, POINTER(c_size_t),
                                      ErrorPP]),
    "zeren_accounting_free": (None, [AccountingP]),
    # ledger
    "zeren_snapshot_ledger": (_S, [SnapshotP, c_int32, POINTER(LedgerP), ErrorPP]),
    "zeren_ledger_task_count": (c_size_t, [LedgerP]),
    "zeren_ledger_task": (_S, [LedgerP, c_size_t, POINTER(zeren_task_row), ErrorPP]),
    "zeren_ledger_fill_lights": (_S, [LedgerP, StringArray, POINTER(c_int32), c_size_t,
                                      POINTER(c_size_t), ErrorPP]),
    "zeren_ledger_directive_count": (c_size_t, [LedgerP]),
    "zeren_ledger_directive": (_S, [LedgerP, c_size_t, BorrowedStringP, POINTER(c_size_t),
                                    POINTER(c_size_t), ErrorPP]),
    "zeren_ledger_level": (_S, [LedgerP, c_size_t, c_size_t, POINTER(c_uint32),
                                POINTER(c_uint32), POINTER(c_uint32), POINTER(c_uint32),
                                ErrorPP]),
    "zeren_ledger_break_point": (_S, [LedgerP, c_size_t, c_size_t, BorrowedStringP, ErrorPP]),
    "zeren_ledger_to_json": (_S, [LedgerP, OwnedStringP, POINTER(c_size_t), ErrorPP]),
    "zeren_ledger_free": (None, [LedgerP]),
    "zeren_snapshot_on_time_rates": (_S, [SnapshotP, c_int32, c_int32, POINTER(c_double),
                                          c_size_t, ErrorPP]),
    "zeren_snapshot_unit_ids": (_S, [SnapshotP, StringArray, c_size_t, ErrorPP]),
    # audit
    "zeren_snapshot_audit": (_S, [SnapshotP, c_int32, POINTER(AuditP), ErrorPP]),
    "zeren_audit_size": (c_size_t, [AuditP]),
    "zeren_audit_get": (_S, [AuditP, c_size_t, POINTER(zeren_finding), ErrorPP]),
    "zeren_audit_to_json": (_S, [AuditP, OwnedStringP, POINTER(c_size_t), ErrorPP]),
    "zeren_audit_free": (None, [AuditP]),
    # assessment
    "zeren_scheme_default_json": (_S, [OwnedStringP, POINTER(c_size_t), ErrorPP]),
    "zeren_snapshot_assess": (_S, [SnapshotP, POINTER(AssessmentP), ErrorPP]),
    "zeren_snapshot_assess_with": (_S, [SnapshotP, POINTER(zeren_assess_options),
                                        POINTER(AssessmentP), ErrorPP]),
    "zeren_assessment_unit_count": (c_size_t, [AssessmentP]),
    "zeren_assessment_fill": (_S, [AssessmentP, POINTER(zeren_assessment_columns), ErrorPP]),
    "zeren_assessment_grade_id": (_S, [AssessmentP, c_int32, BorrowedStringP, ErrorPP]),
    "zeren_assessment_explain": (_S, [AssessmentP, c_char_p, zeren_line_fn, c_void_p,
                                      ErrorPP]),
    "zeren_assessment_to_json": (_S, [AssessmentP, c_char_p, OwnedStringP, POINTER(c_size_t),
                                      ErrorPP]),
    "zeren_assessment_people": (_S, [AssessmentP, StringArray, POINTER(c_double), c_size_t,
                                     POINTER(c_size_t), ErrorPP]),
    "zeren_assessment_person_score": (_S, [AssessmentP, c_char_p, POINTER(c_double), ErrorPP]),
    "zeren_assessment_free": (None, [AssessmentP]),
    # need-to-know views
    "zeren_view_new": (_S, [SnapshotP, StringArray, c_size_t, POINTER(ViewP), ErrorPP]),
    "zeren_view_free": (None, [ViewP]),
    "zeren_view_unit_count": (c_uint32, [ViewP]),
    "zeren_view_person_count": (c_uint32, [ViewP]),
    "zeren_view_has_unit": (c_int32, [ViewP, c_char_p]),
    "zeren_view_has_person": (c_int32, [ViewP, c_char_p]),
    "zeren_view_unit_ids": (_S, [ViewP, StringArray, c_size_t, POINTER(c_size_t), ErrorPP]),
    "zeren_view_chain": (_S, [ViewP, c_char_p, c_int32, POINTER(ChainP), ErrorPP]),
    "zeren_view_person": (_S, [ViewP, c_char_p, c_int32, POINTER(PersonViewP), ErrorPP]),
    "zeren_view_holders": (_S, [ViewP, c_char_p, c_int32, c_int32, zeren_holder_fn, c_void_p,
                                ErrorPP]),
    "zeren_view_account_json": (_S, [ViewP, c_char_p, OwnedStringP, POINTER(c_size_t),
                                     ErrorPP]),
    "zeren_view_account_all_json": (_S, [ViewP, OwnedStringP, POINTER(c_size_t), ErrorPP]),
    "zeren_view_ledger": (_S, [ViewP, c_int32, POINTER(LedgerP), ErrorPP]),
    "zeren_view_audit": (_S, [ViewP, c_int32, POINTER(AuditP), ErrorPP]),
    "zeren_view_assessment_json": (_S, [ViewP, c_char_p, OwnedStringP, POINTER(c_size_t),
                                        ErrorPP]),
    "zeren_view_assessment_explain": (_S, [ViewP, c_char_p, zeren_line_fn, c_void_p,
                                           ErrorPP]),
    # graphs and pictures (docs/export.md)
    "zeren_snapshot_export_graph": (_S, [SnapshotP, POINTER(zeren_graph_options), OwnedStringP,
                                         POINTER(c_size_t), ErrorPP]),
    "zeren_snapshot_export_graph_file": (_S, [SnapshotP, POINTER(zeren_graph_options),
                                              c_char_p, ErrorPP]),
    "zeren_chain_to_dot": (_S, [ChainP, OwnedStringP, POINTER(c_size_t), ErrorPP]),
    "zeren_accounting_to_dot": (_S, [AccountingP, OwnedStringP, POINTER(c_size_t), ErrorPP]),
    # synthetic organizations (docs/generate.md)
    "zeren_generate": (_S, [POINTER(zeren_generate_spec), POINTER(ModelP), ErrorPP]),
    # CSV folders (docs/csv.md)
    "zeren_model_import_csv": (_S, [c_char_p, POINTER(ModelP), OwnedStringP, ErrorPP]),
    "zeren_model_export_csv": (_S, [ModelP, c_char_p, c_uint32, ErrorPP]),
    # archives (.zrn)
    "zeren_model_save_archive": (_S, [ModelP, c_char_p, SnapshotP, ErrorPP]),
    "zeren_model_load_archive": (_S, [c_char_p, POINTER(ModelP), POINTER(SnapshotP), ErrorPP]),
    "zeren_model_archive_to_buffer": (_S, [ModelP, SnapshotP, OwnedStringP, POINTER(c_size_t),
                                           ErrorPP]),
    "zeren_model_load_archive_buffer": (_S, [c_char_p, c_size_t, POINTER(ModelP),
                                             POINTER(SnapshotP), ErrorPP]),
}

FUNCTION_NAMES = tuple(_FUNCTIONS)

# ---- loading -----------------------------------------------------------------------------

ENVIRONMENT_VARIABLE = "ZEREN_LIBRARY"
SONAME = "libzeren.so.0"


def candidates():
    """The places the library is looked for, in order (see the module's docstring)."""
    explicit = os.environ.get(ENVIRONMENT_VARIABLE)
    if explicit:
        return [explicit]
    here = os.path.dirname(os.path.abspath(__file__))
    found = []
    for name in (SONAME, "libzeren.so"):
        found.append(os.path.join(here, name))
    found.extend(sorted(p for p in glob.glob(os.path.join(here, "libzeren.so*"))
                        if p not in found))
    # <libdir>/python3/dist-packages/zeren -> <libdir>/libzeren.so.0
    found.append(os.path.normpath(os.path.join(here, os.pardir, os.pardir, os.pardir, SONAME)))
    return found


def _load():
    explicit = os.environ.get(ENVIRONMENT_VARIABLE)
    if explicit:
        try:
            return ctypes.CDLL(explicit)
        except OSError as e:
            raise ImportError(f"zeren: cannot load ${ENVIRONMENT_VARIABLE}={explicit!r}: {e}") \
                from e
    tried = []
    for path in candidates():
        if os.path.exists(path):
            try:
                return ctypes.CDLL(path)
            except OSError as e:
                tried.append(f"{path}: {e}")
        else:
            tried.append(f"{path}: not there")
    for name in (ctypes.util.find_library("zeren"), SONAME):
        if name:
            try:
                return ctypes.CDLL(name)
            except OSError as e:
                tried.append(f"{name}: {e}")
    raise ImportError("zeren: cannot find the shared library libzeren.so.0; set "
                      f"${ENVIRONMENT_VARIABLE} to its path. Tried:\n  " + "\n  ".join(tried))


def _declare(lib):
    missing = []
    for name, (restype, argtypes) in _FUNCTIONS.items():
        try:
            function = getattr(lib, name)
        except AttributeError:
            missing.append(name)
            continue
        function.restype = restype
        function.argtypes = argtypes
    if missing:
        raise ImportError(f"zeren: {lib._name} lacks {', '.join(missing)}: it is older than "
                          "this binding")
    return lib


lib = _declare(_load())
path = lib._name  # what was loaded
