"""zeren's errors as Python exceptions: one class per ZEREN_ERR_* code."""

import ctypes
from dataclasses import dataclass

from . import _lib


@dataclass(frozen=True)
class Problem:
    """One validation problem: where in the document (a JSON path, "" for the whole
    document), the id involved ("" if none), and what is wrong."""

    path: str
    id: str
    message: str

    def __str__(self):
        where = self.path or "(document)"
        return f"{where}: {self.message}"


class ZerenError(Exception):
    """A failed zeren call.

    Attributes: ``code`` (the ZEREN_ERR_* value), ``message`` (the library's one line),
    ``problems`` (a list of Problem: the validation problems kept, at most 100),
    ``problem_total`` (how many were found in all), and ``path``: the file the call was
    about (loading, saving), or None. Each problem has its own JSON ``path``.
    """

    code = None  # the ZEREN_ERR_* value of the class; instances carry their own

    def __init__(self, code, message, problems=None, *, problem_total=None, path=None):
        self.code = code
        self.message = message
        self.problems = list(problems or [])
        self.problem_total = len(self.problems) if problem_total is None else problem_total
        self.path = path
        Exception.__init__(self, code, message)

    def __str__(self):
        text = self.message
        if self.path is not None and str(self.path) not in text:
            text = f"{self.path}: {text}"
        return text

    def __repr__(self):
        return (f"{type(self).__name__}(code={self.code!r}, message={self.message!r}, "
                f"problems={self.problems!r}, path={self.path!r})")

    def __reduce__(self):  # picklable despite the keyword-only arguments
        return (_rebuild, (type(self), self.code, self.message, self.problems,
                           self.problem_total, self.path))


def _rebuild(cls, code, message, problems, problem_total, path):
    return cls(code, message, problems, problem_total=problem_total, path=path)


class InvalidArgument(ZerenError, ValueError):
    """ZEREN_ERR_INVALID_ARGUMENT: a missing (None) or malformed argument."""

    code = _lib.ZEREN_ERR_INVALID_ARGUMENT


class InvalidModel(ZerenError, ValueError):
    """ZEREN_ERR_INVALID_MODEL: the document or edit fails validation; see ``problems``."""

    code = _lib.ZEREN_ERR_INVALID_MODEL


class NotFound(ZerenError, LookupError):
    """ZEREN_ERR_NOT_FOUND: an unknown id, or a unit that does not exist that day."""

    code = _lib.ZEREN_ERR_NOT_FOUND


class ZerenIOError(ZerenError, OSError):
    """ZEREN_ERR_IO: a file could not be read or written. Also an OSError."""

    code = _lib.ZEREN_ERR_IO

    def __new__(cls, *args, **kwargs):
        # OSError.__new__ would read (code, message, problems) as (errno, strerror,
        # filename): build it bare and let ZerenError.__init__ set the attributes.
        return OSError.__new__(cls)

    def __init__(self, code, message, problems=None, *, problem_total=None, path=None):
        ZerenError.__init__(self, code, message, problems, problem_total=problem_total,
                            path=path)
        self.strerror = message
        self.filename = path

    def __str__(self):
        return ZerenError.__str__(self)


class OutOfRange(ZerenError, IndexError):
    """ZEREN_ERR_OUT_OF_RANGE: an index or size beyond its limit."""

    code = _lib.ZEREN_ERR_OUT_OF_RANGE


class NoMemory(ZerenError, MemoryError):
    """ZEREN_ERR_NO_MEMORY."""

    code = _lib.ZEREN_ERR_NO_MEMORY


class InternalError(ZerenError):
    """ZEREN_ERR_INTERNAL: a bug in zeren; please report it."""

    code = _lib.ZEREN_ERR_INTERNAL


ERRORS = {cls.code: cls for cls in (InvalidArgument, InvalidModel, NotFound, ZerenIOError,
                                    OutOfRange, NoMemory, InternalError)}


def error_class(code):
    """The exception class of a ZEREN_ERR_* code (ZerenError for a code this binding does
    not know yet: codes are only ever appended)."""
    return ERRORS.get(code, ZerenError)


def _text(raw):
    return raw.decode("utf-8", "replace") if raw is not None else ""


def from_handle(err, code, *, path=None):
    """The exception for a failed call: reads the zeren_error (which may be NULL) and frees
    it. `code` is the call's status, used when there is no error object."""
    lib = _lib.lib
    if not err:
        return error_class(code)(code, f"zeren error {code}", path=path)
    try:
        code = lib.zeren_error_code(err)
        message = _text(lib.zeren_error_message(err))
        problems = []
        for index in range(lib.zeren_error_problem_count(err)):
            where, what_id, what = ctypes.c_char_p(), ctypes.c_char_p(), ctypes.c_char_p()
            if lib.zeren_error_problem(err, index, ctypes.byref(where), ctypes.byref(what_id),
                                       ctypes.byref(what)) != _lib.ZEREN_OK:
                break
            problems.append(Problem(_text(where.value), _text(what_id.value),
                                    _text(what.value)))
        total = lib.zeren_error_problem_total(err)
    finally:
        lib.zeren_error_free(err)
    return error_class(code)(code, message, problems, problem_total=max(total, len(problems)),
                             path=path)
