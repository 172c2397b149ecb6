"""zeren: responsibility systems as graphs — the Python binding of libzeren's C API.

    import zeren
    with zeren.Model.load("organ.json") as model, model.snapshot("2025-06-30") as snap:
        print(snap.chain("d11").to_dict())
        print(model.account("i1").parties[0])
        print(model.assess().to_dict()["units"][0])

Objects that hold a library handle (Model, Edit, Snapshot, Chain, PersonView, Accounting,
Ledger, Audit, Assessment) free it on ``close()``, at the end of a ``with`` block, or when
they are garbage collected. Results come as plain dicts in the JSON shapes of the model
format's "Outputs" section (``to_dict()``, one bulk call each) and as lists, dicts and
dataclasses from the library's bulk column calls. Dates go in as ``datetime.date`` (or
"YYYY-MM-DD" strings, or day numbers since 1970-01-01) and come out as ``datetime.date``
(None for an open end); inside ``to_dict()`` results they stay ISO strings, as in JSON.

Failures raise ZerenError subclasses carrying the library's code, message and validation
problems (each with its JSON path, id and message). Threads: as in C, a snapshot may be
queried from several threads at once; a model may be read from several threads while none
modifies it; every other object belongs to one thread at a time.
"""

import contextlib
import ctypes
import datetime
import json
import os
from dataclasses import dataclass
from typing import Optional

from . import _lib
from ._errors import (ERRORS, InternalError, InvalidArgument, InvalidModel, NoMemory, NotFound,
                      OutOfRange, Problem, ZerenError, ZerenIOError, error_class,
                      from_handle)
from ._lib import (CATEGORIES, CHAIN_KINDS, CIRCUMSTANCES, DUTY_CATEGORIES, FINDING_KINDS,
                   FINDING_SEVERITIES, FORMS, LIGHTS, LINK_KINDS, RESPONSIBILITY_KINDS, ROLES,
                   SEVERITIES, STATUSES, ZEREN_DATE_OPEN)

__version__ = "0.1.0"

__all__ = [
    "Model", "Edit", "Snapshot", "Chain", "PersonView", "Accounting", "Ledger", "Audit",
    "Assessment", "ChainEntry", "Responsibility", "Holder",
    "ZerenError", "InvalidArgument", "InvalidModel", "NotFound", "ZerenIOError", "OutOfRange",
    "NoMemory", "InternalError", "Problem",
    "version", "version_number", "library_path", "parse_date", "format_date", "to_day",
    "from_day", "validate", "default_policy", "default_scheme",
    "ROLES", "LINK_KINDS", "DUTY_CATEGORIES", "SEVERITIES", "CIRCUMSTANCES", "CHAIN_KINDS",
    "RESPONSIBILITY_KINDS", "CATEGORIES", "FORMS", "LIGHTS", "STATUSES", "FINDING_KINDS",
    "FINDING_SEVERITIES", "DATE_OPEN",
]

_C = _lib.lib
DATE_OPEN = ZEREN_DATE_OPEN
_EPOCH = datetime.date(1970, 1, 1)
_EPOCH_ORDINAL = _EPOCH.toordinal()

library_path = _lib.path  # the shared library this process loaded


# ---- plumbing ----------------------------------------------------------------------------

def _invalid(message):
    return InvalidArgument(_lib.ZEREN_ERR_INVALID_ARGUMENT, message)


def _call(function, *args, path=None):
    """Calls a fallible C function (its trailing `zeren_error **` added here) and raises
    the matching ZerenError on failure."""
    err = _lib.ErrorP()
    code = function(*args, ctypes.byref(err))
    if code != _lib.ZEREN_OK:
        raise from_handle(err, code, path=path)


def _owned_text(function, *args):
    """Calls a function returning a new string through `char **out, size_t *size` and gives
    it as str, after freeing the library's copy with zeren_string_free."""
    out = _lib.OwnedString()
    size = ctypes.c_size_t(0)
    _call(function, *args, ctypes.byref(out), ctypes.byref(size))
    try:
        return ctypes.string_at(out, size.value).decode("utf-8")
    finally:
        _C.zeren_string_free(out)


def _owned_json(function, *args):
    return json.loads(_owned_text(function, *args))


def _text(raw):
    """A borrowed `const char *` (bytes or None) as str or None."""
    return None if raw is None else raw.decode("utf-8", "replace")


def _bytes(value, name):
    """A str argument as NUL-terminated UTF-8; None stays None (NULL: the library says
    whether that is allowed)."""
    if value is None:
        return None
    if isinstance(value, str):
        value = value.encode("utf-8")
    elif not isinstance(value, bytes):
        raise TypeError(f"{name} must be a str, not {type(value).__name__}")
    if b"\0" in value:
        raise _invalid(f"{name} contains a NUL character")
    return value


def _path(value, name="path"):
    if value is None:
        return None
    value = os.fsencode(value)
    if b"\0" in value:
        raise _invalid(f"{name} contains a NUL character")
    return value


def _string_array(values, name):
    """A sequence of str as (`const char *const *` array, count)."""
    if values is None:
        return None, 0
    if isinstance(values, (str, bytes)):
        raise TypeError(f"{name} must be a sequence of str, not a single string")
    items = [_bytes(v, f"{name}[{i}]") for i, v in enumerate(values)]
    if not items:
        return None, 0
    return (ctypes.c_char_p * len(items))(*items), len(items)


def _enum(value, names, name, none=None):
    """A vocabulary value given as its spelling ("secretary") or its C number."""
    if value is None and none is not None:
        return none
    if isinstance(value, str):
        try:
            return names.index(value)
        except ValueError:
            raise _invalid(f"{name} {value!r} is not one of {', '.join(names)}") from None
    if isinstance(value, int) and not isinstance(value, bool):
        return value  # the library checks the range
    raise TypeError(f"{name} must be one of {', '.join(names)}, not {value!r}")


def _name(value, names):
    return names[value] if 0 <= value < len(names) else value


def to_day(value, name="date"):
    """A date (datetime.date, "YYYY-MM-DD" or a day number) as the library's day number;
    None gives ZEREN_DATE_OPEN."""
    if value is None:
        return ZEREN_DATE_OPEN
    if isinstance(value, datetime.datetime):
        value = value.date()
    if isinstance(value, datetime.date):
        return value.toordinal() - _EPOCH_ORDINAL
    if isinstance(value, (str, bytes)):
        day = ctypes.c_int32()
        _call(_C.zeren_date_parse, _bytes(value, name), ctypes.byref(day))
        return day.value
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    raise TypeError(f"{name} must be a datetime.date, a 'YYYY-MM-DD' string or a day number, "
                    f"not {type(value).__name__}")


def from_day(day):
    """A library day number as datetime.date; ZEREN_DATE_OPEN gives None."""
    if day == ZEREN_DATE_OPEN:
        return None
    return datetime.date.fromordinal(day + _EPOCH_ORDINAL)


def _capture(sink, errors):
    """Wraps a callback body so that a Python exception stops the C loop (nonzero) and is
    re-raised after it, instead of being printed and lost by ctypes."""
    def run(*args):
        try:
            sink(*args)
            return 0
        except BaseException as e:  # noqa: B036 - re-raised by the caller
            errors.append(e)
            return 1
    return run


def _reraise(errors):
    if errors:
        raise errors[0]


# ---- library -----------------------------------------------------------------------------

def version():
    """The library's "MAJOR.MINOR.PATCH"."""
    return _C.zeren_version().decode("ascii")


def version_number():
    """The library's MAJOR * 10000 + MINOR * 100 + PATCH."""
    return _C.zeren_version_number()


def parse_date(text):
    """Parses "YYYY-MM-DD" with the library: a datetime.date."""
    day = ctypes.c_int32()
    _call(_C.zeren_date_parse, _bytes(text, "text"), ctypes.byref(day))
    return from_day(day.value)


def format_date(value):
    """Formats a date (datetime.date or day number) with the library: "YYYY-MM-DD"."""
    buffer = ctypes.create_string_buffer(16)
    _call(_C.zeren_date_format, to_day(value), buffer, len(buffer))
    return buffer.value.decode("ascii")


def _document(document):
    """A model document given as str, bytes, or a JSON-able dict, as UTF-8 bytes."""
    if isinstance(document, str):
        return document.encode("utf-8")
    if isinstance(document, (bytes, bytearray, memoryview)):
        return bytes(document)
    if isinstance(document, dict):
        return json.dumps(document, ensure_ascii=False).encode("utf-8")
    raise TypeError("a model document is a str, bytes or dict, not "
                    f"{type(document).__name__}")


def validate(document):
    """Checks a model document (str, bytes or dict) without keeping it. Raises InvalidModel
    with every problem when it is not valid."""
    data = _document(document)
    _call(_C.zeren_validate_buffer, data, len(data))


def default_policy():
    """The default accountability policy, as a dict."""
    return _owned_json(_C.zeren_policy_default_json)


def default_scheme():
    """The default assessment scheme, as a dict."""
    return _owned_json(_C.zeren_scheme_default_json)


# ---- handles -----------------------------------------------------------------------------

class _Handle:
    """Owns one library handle; frees it once, on close(), __exit__ or collection."""

    _free_function = None  # the name of the zeren_x_free

    def __init__(self, pointer):
        self._ptr = pointer
        self._free = getattr(_C, self._free_function)  # kept for interpreter shutdown

    @classmethod
    def _wrap(cls, pointer, *args):
        self = cls.__new__(cls)
        _Handle.__init__(self, pointer)
        self._setup(*args)
        return self

    def _setup(self):
        pass

    @property
    def closed(self):
        return not getattr(self, "_ptr", None)

    def close(self):
        """Frees the handle; later calls raise InvalidArgument. Closing twice is fine."""
        pointer, self._ptr = getattr(self, "_ptr", None), None
        if pointer:
            self._free(pointer)

    def __enter__(self):
        self._live()
        return self

    def __exit__(self, *exc):
        self.close()
        return False

    def __del__(self):
        try:
            self.close()
        except Exception:  # at interpreter shutdown anything may be gone already
            pass

    def _live(self):
        if not getattr(self, "_ptr", None):
            raise _invalid(f"zeren: this {type(self).__name__} is closed")
        return self._ptr

    def __repr__(self):
        state = "closed" if self.closed else self._describe()
        return f"<zeren.{type(self).__name__} {state}>"

    def _describe(self):
        return "open"

    def __getstate__(self):
        raise TypeError(f"a zeren.{type(self).__name__} holds a library handle and cannot be "
                        "pickled; save the model (Model.to_json) or the results (to_dict)")


class _JsonResult(_Handle):
    """A result handle whose whole content one *_to_json call gives."""

    _to_json = None

    def _setup(self):
        self._dict = None

    def to_dict(self):
        """The result in the JSON shape of the spec (cached: one library call)."""
        if self._dict is None:
            self._dict = _owned_json(getattr(_C, self._to_json), self._live())
        return self._dict

    def to_json(self):
        """The result as the library writes it (the CLI's --json)."""
        return _owned_text(getattr(_C, self._to_json), self._live())


# ---- models ------------------------------------------------------------------------------

class Model(_Handle):
    """A model: the organization's data as given, editable with Edit batches.

    ``Model()`` is the empty model; ``Model.load(path)`` reads a JSON document and
    ``Model.from_json(text_or_dict)`` parses one. Both validate the whole document and raise
    InvalidModel with all the problems found.
    """

    _free_function = "zeren_model_free"

    def __init__(self):
        pointer = _lib.ModelP()
        _call(_C.zeren_model_new, ctypes.byref(pointer))
        super().__init__(pointer)
        self._setup()

    def _setup(self):
        self._compiled = None  # the snapshot behind the convenience queries

    @classmethod
    def load(cls, path):
        """Reads and validates a model document file."""
        pointer = _lib.ModelP()
        _call(_C.zeren_model_load_file, _path(path), ctypes.byref(pointer),
              path=os.fspath(path) if path is not None else None)
        return cls._wrap(pointer)

    @classmethod
    def from_json(cls, document):
        """Parses and validates a model document: a str, UTF-8 bytes, or a dict."""
        data = _document(document)
        pointer = _lib.ModelP()
        _call(_C.zeren_model_load_buffer, data, len(data), ctypes.byref(pointer))
        return cls._wrap(pointer)

    def save(self, path):
        """Writes the JSON document atomically (temporary file, fsync, rename)."""
        _call(_C.zeren_model_save_file, self._live(), _path(path),
              path=os.fspath(path) if path is not None else None)

    def to_json(self):
        """The JSON document, as a str."""
        return _owned_text(_C.zeren_model_to_json, self._live())

    def to_dict(self):
        """The JSON document, parsed."""
        return json.loads(self.to_json())

    @property
    def unit_count(self):
        return _C.zeren_model_unit_count(self._live())

    @property
    def person_count(self):
        return _C.zeren_model_person_count(self._live())

    @property
    def post_count(self):
        return _C.zeren_model_post_count(self._live())

    @property
    def link_count(self):
        return _C.zeren_model_link_count(self._live())

    def _describe(self):
        return (f"units={self.unit_count} people={self.person_count} posts={self.post_count} "
                f"links={self.link_count}")

    # edits

    def apply(self, edit):
        """Applies an Edit whole or not at all: on InvalidModel the model is unchanged. The
        edit is not consumed and may be applied again."""
        if not isinstance(edit, Edit):
            raise TypeError(f"apply() takes a zeren.Edit, not {type(edit).__name__}")
        _call(_C.zeren_model_apply, self._live(), edit._live())
        self._forget_compiled()

    @contextlib.contextmanager
    def edit(self):
        """``with model.edit() as e: e.put_person(...)``: a new Edit, applied when the block
        ends without an exception, and freed in any case."""
        self._live()
        with Edit() as batch:
            yield batch
            self.apply(batch)

    # queries

    def snapshot(self, as_of=None):
        """Compiles the model for queries. `as_of` (optional) is the snapshot's default date
        for the queries that take one. The snapshot does not refer to the model afterwards."""
        default = None if as_of is None else from_day(to_day(as_of, "as_of"))  # check first
        pointer = _lib.SnapshotP()
        _call(_C.zeren_snapshot_compile, self._live(), ctypes.byref(pointer))
        return Snapshot._wrap(pointer, default)

    def _snapshot(self):
        self._live()
        if self._compiled is None:
            self._compiled = self.snapshot()
        return self._compiled

    def _forget_compiled(self):
        # Dropped, not closed: results taken from it (an Assessment's columns) may still
        # use it; the collector frees it with the last of them.
        self._compiled = None

    def close(self):
        self._forget_compiled()
        super().close()

    def chain(self, unit, as_of):
        """Snapshot.chain on a snapshot compiled (and kept until the next edit) for you."""
        return self._snapshot().chain(unit, as_of)

    def person(self, person, as_of):
        """Snapshot.person on the model's kept snapshot."""
        return self._snapshot().person(person, as_of)

    def account(self, incident):
        """Snapshot.account on the model's kept snapshot: an Accounting."""
        return self._snapshot().account(incident)

    def account_all(self):
        """Snapshot.account_all on the model's kept snapshot."""
        return self._snapshot().account_all()

    def ledger(self, as_of):
        """Snapshot.ledger on the model's kept snapshot."""
        return self._snapshot().ledger(as_of)

    def audit(self, as_of):
        """Snapshot.audit on the model's kept snapshot."""
        return self._snapshot().audit(as_of)

    def assess(self, threads=0, score_members=True):
        """Snapshot.assess on the model's kept snapshot."""
        return self._snapshot().assess(threads, score_members)


# ---- edits -------------------------------------------------------------------------------

def _parents(parents):
    """`parents` as (ids array, weights array or None, count): ids, (id, weight) pairs, or
    a dict id -> weight; either every entry has a weight or none has."""
    if parents is None:
        return None, None, 0
    if isinstance(parents, dict):
        parents = list(parents.items())
    if isinstance(parents, (str, bytes)):
        raise TypeError("parents must be a sequence of unit ids, not a single string")
    ids, weights = [], []
    for i, parent in enumerate(parents):
        if isinstance(parent, (tuple, list)):
            if len(parent) != 2:
                raise _invalid(f"parents[{i}] must be a unit id or a (unit id, weight) pair")
            ids.append(parent[0])
            weights.append(float(parent[1]))
        else:
            ids.append(parent)
    if weights and len(weights) != len(ids):
        raise _invalid("parents: either every entry has a weight or none has")
    array, count = _string_array(ids, "parents")
    weight_array = (ctypes.c_double * count)(*weights) if weights else None
    return array, weight_array, count


def _circumstances(circumstances):
    """Circumstances as (kinds array, persons array or None, count). Each is a kind
    ("self_report"), a (kind, person or None) pair, or a dict {"kind", "person"?}. Without a
    person it applies to every party the incident reaches."""
    if circumstances is None:
        return None, None, 0
    kinds, persons = [], []
    for i, item in enumerate(circumstances):
        if isinstance(item, dict):
            kind, person = item.get("kind"), item.get("person")
        elif isinstance(item, (tuple, list)):
            if len(item) != 2:
                raise _invalid(f"circumstances[{i}] must be a kind or a (kind, person) pair")
            kind, person = item
        else:
            kind, person = item, None
        kinds.append(_enum(kind, CIRCUMSTANCES, f"circumstances[{i}]"))
        persons.append(_bytes(person, f"circumstances[{i}].person"))
    if not kinds:
        return None, None, 0
    count = len(kinds)
    person_array = None
    if any(p is not None for p in persons):
        person_array = (ctypes.c_char_p * count)(*persons)
    return (ctypes.c_int32 * count)(*kinds), person_array, count


class Edit(_Handle):
    """A batch of changes, applied whole or not at all by ``Model.apply``. Every method
    returns the edit, so calls chain. Roles, link kinds, duty categories, severities and
    circumstances are given by their spellings ("secretary") or their C numbers."""

    _free_function = "zeren_edit_free"

    def __init__(self):
        pointer = _lib.EditP()
        _call(_C.zeren_edit_new, ctypes.byref(pointer))
        super().__init__(pointer)

    def put_unit(self, id, name, kind, *, members=0, parents=(), from_=None, to=None):
        """Inserts or replaces unit `id`. `parents`: unit ids, (id, weight) pairs or a dict
        id -> weight. `from_`/`to`: the first day it exists / no longer exists (None: open)."""
        parent_ids, weights, count = _parents(parents)
        spec = _lib.zeren_unit_spec(
            id=_bytes(id, "id"), name=_bytes(name, "name"), kind=_bytes(kind, "kind"),
            members=int(members), parents=parent_ids, parent_weights=weights,
            parent_count=count, from_=to_day(from_, "from_"), to=to_day(to, "to"))
        _call(_C.zeren_edit_put_unit, self._live(), ctypes.byref(spec))
        return self

    def put_person(self, id, name):
        """Inserts or replaces person `id`."""
        _call(_C.zeren_edit_put_person, self._live(), _bytes(id, "id"), _bytes(name, "name"))
        return self

    def put_duty(self, id, unit, *, role=None, category="principal", dimension=None,
                 text=None):
        """Inserts or replaces duty `id`, held by `unit` itself (role None) or by its post
        `role`."""
        spec = _lib.zeren_duty_spec(
            id=_bytes(id, "id"), unit=_bytes(unit, "unit"),
            role=_enum(role, ROLES, "role", none=_lib.ZEREN_ROLE_NONE),
            category=_enum(category, DUTY_CATEGORIES, "category"),
            dimension=_bytes(dimension, "dimension"), text=_bytes(text, "text"))
        _call(_C.zeren_edit_put_duty, self._live(), ctypes.byref(spec))
        return self

    def put_incident(self, id, unit, date, *, since=None, severity="minor", case_id=None,
                     dimension=None, duty=None, task=None, direct=(), participants=(),
                     circumstances=()):
        """Inserts or replaces incident `id` at `unit` on `date`. `circumstances`: kinds,
        (kind, person) pairs or {"kind", "person"} dicts (no person: every party)."""
        direct_ids, direct_count = _string_array(direct, "direct")
        participant_ids, participant_count = _string_array(participants, "participants")
        kinds, persons, circumstance_count = _circumstances(circumstances)
        spec = _lib.zeren_incident_spec(
            id=_bytes(id, "id"), unit=_bytes(unit, "unit"), date=to_day(date, "date"),
            since=to_day(since, "since"), severity=_enum(severity, SEVERITIES, "severity"),
            case_id=_bytes(case_id, "case_id"), dimension=_bytes(dimension, "dimension"),
            duty=_bytes(duty, "duty"), task=_bytes(task, "task"),
            direct=direct_ids, direct_count=direct_count,
            participants=participant_ids, participant_count=participant_count,
            circumstance_kinds=kinds, circumstance_persons=persons,
            circumstance_count=circumstance_count)
        _call(_C.zeren_edit_put_incident, self._live(), ctypes.byref(spec))
        return self

    def add_post(self, person, unit, role, from_, to=None, *, in_charge_of=()):
        """Appends a post: `person` holds `role` in `unit` from `from_` (required) to `to`
        (None: open); `in_charge_of` lists the units a leadership member is in charge of."""
        units, count = _string_array(in_charge_of, "in_charge_of")
        spec = _lib.zeren_post_spec(
            person=_bytes(person, "person"), unit=_bytes(unit, "unit"),
            role=_enum(role, ROLES, "role"), from_=to_day(from_, "from_"),
            to=to_day(to, "to"), in_charge_of=units, in_charge_count=count)
        _call(_C.zeren_edit_add_post, self._live(), ctypes.byref(spec))
        return self

    def add_link(self, kind, from_, to, *, from_date=None, to_date=None):
        """Appends a link of `kind` ("supervises", "specializes", "guides") from a unit (a
        person for "guides") to a unit, valid from `from_date` to `to_date` (None: open)."""
        spec = _lib.zeren_link_spec(
            kind=_enum(kind, LINK_KINDS, "kind"), from_=_bytes(from_, "from_"),
            to=_bytes(to, "to"), from_date=to_day(from_date, "from_date"),
            to_date=to_day(to_date, "to_date"))
        _call(_C.zeren_edit_add_link, self._live(), ctypes.byref(spec))
        return self

    def end_post(self, person, unit, role, to):
        """Closes an open-ended post: `to` is the first day it no longer holds."""
        _call(_C.zeren_edit_end_post, self._live(), _bytes(person, "person"),
              _bytes(unit, "unit"), _enum(role, ROLES, "role"), to_day(to, "to"))
        return self

    def end_link(self, kind, from_, to, end):
        """Closes an open-ended link: `end` is the first day it no longer holds."""
        _call(_C.zeren_edit_end_link, self._live(), _enum(kind, LINK_KINDS, "kind"),
              _bytes(from_, "from_"), _bytes(to, "to"), to_day(end, "end"))
        return self

    def remove_unit(self, id):
        """Removes unit `id`."""
        _call(_C.zeren_edit_remove_unit, self._live(), _bytes(id, "id"))
        return self

    def remove_person(self, id):
        """Removes person `id`."""
        _call(_C.zeren_edit_remove_person, self._live(), _bytes(id, "id"))
        return self


# ---- snapshots ---------------------------------------------------------------------------

@dataclass(frozen=True)
class ChainEntry:
    """One entry of a unit's chain of responsibility (``kind`` in CHAIN_KINDS)."""

    kind: str
    person: Optional[str]       # None for a vacant post or a unit entry
    person_name: Optional[str]
    unit: Optional[str]         # the post's unit, body, guided unit or superior
    unit_name: Optional[str]
    distance: int               # steps up the `leads` links
    reason: str


@dataclass(frozen=True)
class Responsibility:
    """One thing a person answers for (``kind`` in RESPONSIBILITY_KINDS)."""

    kind: str
    unit: Optional[str]
    unit_name: Optional[str]
    role: Optional[str]         # the post's role, or None
    duty: Optional[str]         # the duty's id for kind "duty"
    reason: str


@dataclass(frozen=True)
class Holder:
    """A holder of a post on a day: the person and the post's dates (end None: open)."""

    person: str
    name: str
    start: Optional[datetime.date]
    end: Optional[datetime.date]


class Snapshot(_Handle):
    """A model compiled for queries; immutable, safe to query from several threads.

    `as_of`, given to ``Model.snapshot(as_of)``, is the default date of the queries that
    take one; a query's own `as_of` wins. Without either, those queries raise
    InvalidArgument ("as_of is required").
    """

    _free_function = "zeren_snapshot_free"

    def _setup(self, as_of=None):
        self.as_of = None if as_of is None else from_day(to_day(as_of, "as_of"))

    def _day(self, as_of):
        return to_day(self.as_of if as_of is None else as_of, "as_of")

    @property
    def unit_count(self):
        return _C.zeren_snapshot_unit_count(self._live())

    @property
    def incident_count(self):
        return _C.zeren_snapshot_incident_count(self._live())

    def _describe(self):
        as_of = f" as_of={self.as_of}" if self.as_of else ""
        return f"units={self.unit_count} incidents={self.incident_count}{as_of}"

    def unit_level(self, unit):
        """The unit's level: the longest `leads` path from a root to it."""
        level = ctypes.c_uint32()
        _call(_C.zeren_snapshot_unit_level, self._live(), _bytes(unit, "unit"),
              ctypes.byref(level))
        return level.value

    def unit_ids(self):
        """Every unit id, in snapshot order (level order): one bulk call."""
        pointer = self._live()
        count = _C.zeren_snapshot_unit_count(pointer)
        ids = (ctypes.c_char_p * max(count, 1))()
        _call(_C.zeren_snapshot_unit_ids, pointer, ids, count)
        return [_text(ids[i]) for i in range(count)]

    def on_time_rates(self, from_, to):
        """Every unit's on-time rate over [from_, to): a dict unit id -> rate, in snapshot
        order. Two bulk calls."""
        pointer = self._live()
        count = _C.zeren_snapshot_unit_count(pointer)
        rates = (ctypes.c_double * max(count, 1))()
        _call(_C.zeren_snapshot_on_time_rates, pointer, to_day(from_, "from_"),
              to_day(to, "to"), rates, count)
        return dict(zip(self.unit_ids(), rates[:count]))

    def chain(self, unit, as_of=None):
        """The chain of responsibility of `unit` on `as_of`: a Chain."""
        pointer = _lib.ChainP()
        _call(_C.zeren_snapshot_chain, self._live(), _bytes(unit, "unit"), self._day(as_of),
              ctypes.byref(pointer))
        return Chain._wrap(pointer)

    def person(self, person, as_of=None):
        """What `person` answers for on `as_of`: a PersonView."""
        pointer = _lib.PersonViewP()
        _call(_C.zeren_snapshot_person, self._live(), _bytes(person, "person"),
              self._day(as_of), ctypes.byref(pointer))
        return PersonView._wrap(pointer)

    def holders(self, unit, role, as_of=None):
        """Who held post (`unit`, `role`) on `as_of`: a list of Holder (one library call)."""
        found, errors = [], []

        def sink(payload, person_id, person_name, start, end):
            found.append(Holder(_text(person_id), _text(person_name), from_day(start),
                                from_day(end)))

        callback = _lib.zeren_holder_fn(_capture(sink, errors))
        _call(_C.zeren_snapshot_holders, self._live(), _bytes(unit, "unit"),
              _enum(role, ROLES, "role"), self._day(as_of), callback, None)
        _reraise(errors)
        return found

    def account(self, incident):
        """Who answers for `incident` (its id, or its position in document order as an
        int), under the model's policy: an Accounting."""
        pointer = _lib.AccountingP()
        if isinstance(incident, int) and not isinstance(incident, bool):
            if not 0 <= incident < 2**32:
                raise OutOfRange(_lib.ZEREN_ERR_OUT_OF_RANGE,
                                 f"incident index {incident} is out of range")
            _call(_C.zeren_snapshot_account_index, self._live(), incident,
                  ctypes.byref(pointer))
        else:
            _call(_C.zeren_snapshot_account, self._live(), _bytes(incident, "incident"),
                  ctypes.byref(pointer))
        return Accounting._wrap(pointer)

    def account_all(self):
        """Every incident in one call: {"incidents": [<accounting dict>, ...]}."""
        return _owned_json(_C.zeren_snapshot_account_all_json, self._live())

    def ledger(self, as_of=None):
        """The directive ledger as of a day: a Ledger."""
        pointer = _lib.LedgerP()
        _call(_C.zeren_snapshot_ledger, self._live(), self._day(as_of), ctypes.byref(pointer))
        return Ledger._wrap(pointer)

    def audit(self, as_of=None):
        """The chain-health audit as of a day: an Audit."""
        pointer = _lib.AuditP()
        _call(_C.zeren_snapshot_audit, self._live(), self._day(as_of), ctypes.byref(pointer))
        return Audit._wrap(pointer)

    def assess(self, threads=0, score_members=True):
        """The integrated assessment of the model's inputs with its scheme: an Assessment.
        NotFound when the model has no `assessment` section. `threads`: 0 chosen by size;
        any count gives the same results. `score_members=False` leaves the member roster's
        rows out of people() (Assessment.person_score gives any one on demand)."""
        options = _lib.zeren_assess_options(threads=threads, score_members=int(score_members))
        pointer = _lib.AssessmentP()
        _call(_C.zeren_snapshot_assess_with, self._live(), ctypes.byref(options),
              ctypes.byref(pointer))
        return Assessment._wrap(pointer, self)


# ---- results -----------------------------------------------------------------------------

class Chain(_JsonResult):
    """A unit's chain of responsibility. ``to_dict()``: {"unit", "as_of", "entries": [{"kind",
    "person"?, "unit"?, "distance", "reason"}]}; ``entries()``: ChainEntry dataclasses, with
    names."""

    _free_function = "zeren_chain_free"
    _to_json = "zeren_chain_to_json"

    def __len__(self):
        return _C.zeren_chain_size(self._live())

    def entries(self):
        """The entries as ChainEntry, in order (one library call)."""
        found, errors = [], []

        def sink(payload, entry):
            e = entry.contents
            found.append(ChainEntry(_name(e.kind, CHAIN_KINDS), _text(e.person_id),
                                    _text(e.person_name), _text(e.unit_id),
                                    _text(e.unit_name), e.distance, _text(e.reason)))

        callback = _lib.zeren_chain_fn(_capture(sink, errors))
        _call(_C.zeren_chain_foreach, self._live(), callback, None)
        _reraise(errors)
        return found

    def __iter__(self):
        return iter(self.entries())

    def _describe(self):
        return f"entries={len(self)}"


class PersonView(_JsonResult):
    """What a person answers for. ``to_dict()``: {"person", "as_of", "entries": [{"kind",
    "unit"?, "role"?, "duty"?, "reason"}]}; ``entries()``: Responsibility dataclasses."""

    _free_function = "zeren_person_view_free"
    _to_json = "zeren_person_view_to_json"

    def __len__(self):
        return _C.zeren_person_view_size(self._live())

    def entries(self):
        """The entries as Responsibility, in order (one library call)."""
        found, errors = [], []

        def sink(payload, entry):
            e = entry.contents
            role = None if e.role == _lib.ZEREN_ROLE_NONE else _name(e.role, ROLES)
            found.append(Responsibility(_name(e.kind, RESPONSIBILITY_KINDS), _text(e.unit_id),
                                        _text(e.unit_name), role, _text(e.duty_id),
                                        _text(e.reason)))

        callback = _lib.zeren_responsibility_fn(_capture(sink, errors))
        _call(_C.zeren_person_view_foreach, self._live(), callback, None)
        _reraise(errors)
        return found

    def __iter__(self):
        return iter(self.entries())

    def _describe(self):
        return f"entries={len(self)}"


class Accounting(_JsonResult):
    """Who answers for an incident. ``to_dict()`` is the spec's shape: {"incident", "date",
    "since"?, "severity", "parties": [{"party": {"person"|"unit"}, "category", "degree",
    "form", "adjustments", "because"}]}, parties in the spec's order."""

    _free_function = "zeren_accounting_free"
    _to_json = "zeren_accounting_to_json"

    def __len__(self):
        return _C.zeren_accounting_size(self._live())

    @property
    def incident(self):
        return self.to_dict()["incident"]

    @property
    def parties(self):
        return self.to_dict()["parties"]

    def columns(self):
        """The parties column by column, in one call: {"id", "is_unit", "category",
        "degree" (not rounded), "form", "upward_steps"}, each a list in party order."""
        pointer = self._live()
        n = _C.zeren_accounting_size(pointer)
        size = max(n, 1)
        is_unit, ids = (ctypes.c_int32 * size)(), (ctypes.c_char_p * size)()
        categories, degrees = (ctypes.c_int32 * size)(), (ctypes.c_double * size)()
        forms, steps = (ctypes.c_int32 * size)(), (ctypes.c_uint32 * size)()
        columns = _lib.zeren_party_columns(capacity=n, is_unit=is_unit, ids=ids,
                                           categories=categories, degrees=degrees, forms=forms,
                                           upward_steps=steps)
        written = ctypes.c_size_t()
        _call(_C.zeren_accounting_fill, pointer, ctypes.byref(columns), ctypes.byref(written))
        rows = written.value
        return {
            "id": [_text(ids[i]) for i in range(rows)],
            "is_unit": [bool(v) for v in is_unit[:rows]],
            "category": [_name(v, CATEGORIES) for v in categories[:rows]],
            "degree": list(degrees[:rows]),
            "form": [_name(v, FORMS) for v in forms[:rows]],
            "upward_steps": list(steps[:rows]),
        }

    def _describe(self):
        return f"parties={len(self)}"


class Ledger(_JsonResult):
    """The directive ledger as of a day. ``to_dict()``: {"as_of", "tasks": [{"task",
    "directive", "unit", "due", "status", "light"}], "directives": [{"directive", "reach",
    "levels": [{"level", "reached", "done", "on_time"}], "break_points"}]}."""

    _free_function = "zeren_ledger_free"
    _to_json = "zeren_ledger_to_json"

    def __len__(self):
        return _C.zeren_ledger_task_count(self._live())

    @property
    def task_count(self):
        return _C.zeren_ledger_task_count(self._live())

    @property
    def directive_count(self):
        return _C.zeren_ledger_directive_count(self._live())

    @property
    def tasks(self):
        return self.to_dict()["tasks"]

    @property
    def directives(self):
        return self.to_dict()["directives"]

    def lights(self):
        """Every task's light in one call: a dict task id -> light ("done", "cancelled",
        "red", "yellow", "green"), in task order."""
        pointer = self._live()
        n = _C.zeren_ledger_task_count(pointer)
        ids, lights = (ctypes.c_char_p * max(n, 1))(), (ctypes.c_int32 * max(n, 1))()
        written = ctypes.c_size_t()
        _call(_C.zeren_ledger_fill_lights, pointer, ids, lights, n, ctypes.byref(written))
        return {_text(ids[i]): _name(lights[i], LIGHTS) for i in range(written.value)}

    def _describe(self):
        return f"tasks={self.task_count} directives={self.directive_count}"


class Audit(_JsonResult):
    """The chain-health audit as of a day. ``to_dict()``: {"as_of", "findings": [{"kind",
    "severity", "unit"?, "person"?, "duty"?, "directive"?, "detail"}]}."""

    _free_function = "zeren_audit_free"
    _to_json = "zeren_audit_to_json"

    def __len__(self):
        return _C.zeren_audit_size(self._live())

    @property
    def findings(self):
        return self.to_dict()["findings"]

    def _describe(self):
        return f"findings={len(self)}"


class Assessment(_JsonResult):
    """The integrated assessment. ``to_dict(unit=None)``: {"period", "units": [...],
    "people": [...]} as the spec shows it, or one unit's part."""

    _free_function = "zeren_assessment_free"
    _to_json = "zeren_assessment_to_json"

    def _setup(self, snapshot=None):
        super()._setup()
        self._grades = {}
        self._snapshot = snapshot
        self._unit_id_list = None

    def __len__(self):
        return _C.zeren_assessment_unit_count(self._live())

    @property
    def unit_count(self):
        return _C.zeren_assessment_unit_count(self._live())

    def to_dict(self, unit=None):
        """All units and people (cached), or only `unit` (the spec's shape either way)."""
        if unit is not None:
            return json.loads(self.to_json(unit))
        if self._dict is None:
            self._dict = json.loads(self.to_json())
        return self._dict

    def to_json(self, unit=None):
        return _owned_text(_C.zeren_assessment_to_json, self._live(), _bytes(unit, "unit"))

    @property
    def units(self):
        return self.to_dict()["units"]

    def grade_id(self, grade):
        """The id of the scheme's grade number `grade` ("good", ...)."""
        if grade not in self._grades:
            text = ctypes.c_char_p()
            _call(_C.zeren_assessment_grade_id, self._live(), grade, ctypes.byref(text))
            self._grades[grade] = _text(text.value)
        return self._grades[grade]

    def columns(self):
        """Every unit's numbers in one call, in snapshot order: {"unit", "own", "total",
        "grade" (its id), "rank" (1-based in the peer group), "daily", "flag_count"}, each a
        list."""
        pointer = self._live()
        n = _C.zeren_assessment_unit_count(pointer)
        size = max(n, 1)
        own, total, daily = ((ctypes.c_double * size)() for _ in range(3))
        grade, flags = (ctypes.c_int32 * size)(), (ctypes.c_int32 * size)()
        rank = (ctypes.c_uint32 * size)()
        columns = _lib.zeren_assessment_columns(capacity=n, own=own, total=total, grade=grade,
                                                rank=rank, daily=daily, flag_count=flags)
        _call(_C.zeren_assessment_fill, pointer, ctypes.byref(columns))
        return {
            "unit": self._unit_ids(n),
            "own": list(own[:n]),
            "total": list(total[:n]),
            "grade": [self.grade_id(g) for g in grade[:n]],
            "rank": list(rank[:n]),
            "daily": list(daily[:n]),
            "flag_count": list(flags[:n]),
        }

    def _unit_ids(self, n):
        # The C API gives unit ids only through the snapshot (zeren_snapshot_unit_ids), so
        # the assessment keeps the Snapshot object it came from and asks it once.
        if self._unit_id_list is None:
            snapshot = self._snapshot
            if snapshot is None or snapshot.closed:
                raise _invalid("zeren: the Snapshot this Assessment came from is closed, and "
                               "its unit ids (snapshot order) come from it")
            self._unit_id_list = snapshot.unit_ids()
        if len(self._unit_id_list) != n:
            raise InternalError(_lib.ZEREN_ERR_INTERNAL,
                                f"zeren: {n} assessed units but {len(self._unit_id_list)} ids")
        return list(self._unit_id_list)

    def people(self):
        """People's scores in one call (after one call for the count): a dict person id ->
        score, for the people holding a post in the period."""
        pointer = self._live()
        count = ctypes.c_size_t()
        _call(_C.zeren_assessment_people, pointer, None, None, 0, ctypes.byref(count))
        n = count.value
        ids, scores = (ctypes.c_char_p * max(n, 1))(), (ctypes.c_double * max(n, 1))()
        _call(_C.zeren_assessment_people, pointer, ids, scores, n, ctypes.byref(count))
        rows = min(n, count.value)
        return {_text(ids[i]): scores[i] for i in range(rows)}

    def person_score(self, person):
        """One person's score, whether people() lists them or not (a member roster row left
        out by score_members=False). NotFound for an unknown person or one holding no post
        in the period."""
        score = ctypes.c_double()
        _call(_C.zeren_assessment_person_score, self._live(), _bytes(person, "person"),
              ctypes.byref(score))
        return score.value

    def explain(self, unit):
        """The reasons of one unit's result, one line each (one library call)."""
        lines, errors = [], []

        def sink(payload, line):
            lines.append(_text(line))

        callback = _lib.zeren_line_fn(_capture(sink, errors))
        _call(_C.zeren_assessment_explain, self._live(), _bytes(unit, "unit"), callback, None)
        _reraise(errors)
        return lines

    def _describe(self):
        return f"units={self.unit_count}"
