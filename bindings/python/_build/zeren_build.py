"""A tiny PEP 517 (and PEP 660) build backend for the zeren package, standard library only.

pyproject.toml names it with `backend-path = ["_build"]` and `requires = []`, so pip builds
the package with no network and nothing installed beyond pip itself:

    python3 -m pip install --no-build-isolation --no-index bindings/python

The wheel is pure Python (py3-none-any): the `zeren` package and its .dist-info (METADATA,
WHEEL, RECORD). libzeren.so is not in it; the package finds it at run time ($ZEREN_LIBRARY,
a copy next to the package, the installed library dir, or the system's library path).
Builds are reproducible: file order is sorted and timestamps come from $SOURCE_DATE_EPOCH
(default 1980-01-01).
"""

import base64
import gzip
import hashlib
import io
import os
import re
import tarfile
import time
import zipfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PACKAGE = "zeren"

# ---- project metadata --------------------------------------------------------------------


def _pyproject():
    """The [project] table of pyproject.toml."""
    with open(os.path.join(ROOT, "pyproject.toml"), "rb") as f:
        text = f.read().decode("utf-8")
    try:
        import tomllib
    except ImportError:  # Python < 3.11
        return _read_project(text)
    return tomllib.loads(text).get("project", {})


def _read_project(text):
    """The [project] table, for Pythons without tomllib: reads the simple forms used in
    this pyproject.toml (`key = "value"`, `key = [ "a", "b" ]` over one or more lines,
    `key = { text = "value" }`)."""
    project, section, pending = {}, None, None
    for line in text.splitlines():
        stripped = line.strip()
        if not stripped or stripped.startswith("#"):
            continue
        if pending is not None:
            pending[1].extend(re.findall(r'"([^"]*)"', stripped))
            if stripped.endswith("]"):
                project[pending[0]] = pending[1]
                pending = None
            continue
        header = re.match(r"^\[([^\]]+)\]", stripped)
        if header:
            section = header.group(1).strip()
            continue
        if section != "project" or "=" not in stripped:
            continue
        key, value = (part.strip() for part in stripped.split("=", 1))
        if value.startswith('"'):
            project[key] = re.match(r'"([^"]*)"', value).group(1)
        elif value.startswith("{"):
            inner = re.search(r'text\s*=\s*"([^"]*)"', value)
            project[key] = {"text": inner.group(1)} if inner else {}
        elif value.startswith("["):
            items = re.findall(r'"([^"]*)"', value)
            if value.rstrip().endswith("]"):
                project[key] = items
            else:
                pending = (key, items)
    return project


def _metadata():
    """Core metadata 2.1 (the METADATA / PKG-INFO file) as text."""
    project = _pyproject()
    lines = [
        "Metadata-Version: 2.1",
        f"Name: {project['name']}",
        f"Version: {project['version']}",
    ]
    if project.get("description"):
        lines.append(f"Summary: {project['description']}")
    license_ = project.get("license")
    if isinstance(license_, dict) and license_.get("text"):
        lines.append(f"License: {license_['text']}")
    if project.get("requires-python"):
        lines.append(f"Requires-Python: {project['requires-python']}")
    for classifier in project.get("classifiers", []):
        lines.append(f"Classifier: {classifier}")
    readme = project.get("readme")
    body = ""
    if isinstance(readme, str) and os.path.exists(os.path.join(ROOT, readme)):
        lines.append("Description-Content-Type: text/markdown")
        with open(os.path.join(ROOT, readme), encoding="utf-8") as f:
            body = f.read()
    return "\n".join(lines) + "\n\n" + body


def _name_version():
    project = _pyproject()
    name = re.sub(r"[-_.]+", "_", project["name"]).lower()
    return name, project["version"]


def _dist_info():
    name, version = _name_version()
    return f"{name}-{version}.dist-info"


def _wheel_name():
    name, version = _name_version()
    return f"{name}-{version}-py3-none-any.whl"


WHEEL_FILE = """Wheel-Version: 1.0
Generator: zeren_build 0.1.0
Root-Is-Purelib: true
Tag: py3-none-any
"""

# ---- files -------------------------------------------------------------------------------


def _timestamp():
    return max(int(os.environ.get("SOURCE_DATE_EPOCH", "315532800")), 315532800)


def _package_files():
    """(archive name, path) of the package's Python files, sorted."""
    found = []
    top = os.path.join(ROOT, PACKAGE)
    for directory, subdirectories, files in os.walk(top):
        subdirectories[:] = sorted(d for d in subdirectories if d != "__pycache__")
        for name in sorted(files):
            if name.endswith(".py") or name == "py.typed":
                path = os.path.join(directory, name)
                found.append((os.path.relpath(path, ROOT).replace(os.sep, "/"), path))
    return found


def _record_line(name, data):
    digest = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()
    return f"{name},sha256={digest},{len(data)}"


def _write_wheel(wheel_directory, contents):
    """Writes a wheel of `contents` (archive name -> bytes) plus its .dist-info."""
    dist_info = _dist_info()
    contents = dict(contents)
    contents[f"{dist_info}/METADATA"] = _metadata().encode("utf-8")
    contents[f"{dist_info}/WHEEL"] = WHEEL_FILE.encode("utf-8")
    record_name = f"{dist_info}/RECORD"
    record = [_record_line(name, data) for name, data in sorted(contents.items())]
    record.append(f"{record_name},,")
    contents[record_name] = ("\n".join(record) + "\n").encode("utf-8")

    date_time = time.gmtime(_timestamp())[:6]
    os.makedirs(wheel_directory, exist_ok=True)
    filename = _wheel_name()
    target = os.path.join(wheel_directory, filename)
    temporary = target + ".part"
    with zipfile.ZipFile(temporary, "w", compression=zipfile.ZIP_DEFLATED) as wheel:
        # Package files first, the .dist-info last (RECORD at the very end).
        names = sorted(n for n in contents if not n.startswith(dist_info + "/"))
        names += [f"{dist_info}/METADATA", f"{dist_info}/WHEEL", record_name]
        for name in names:
            info = zipfile.ZipInfo(name, date_time)
            info.external_attr = 0o644 << 16
            info.compress_type = zipfile.ZIP_DEFLATED
            wheel.writestr(info, contents[name])
    os.replace(temporary, target)
    return filename


def _write_metadata_directory(metadata_directory):
    dist_info = _dist_info()
    target = os.path.join(metadata_directory, dist_info)
    os.makedirs(target, exist_ok=True)
    with open(os.path.join(target, "METADATA"), "w", encoding="utf-8") as f:
        f.write(_metadata())
    with open(os.path.join(target, "WHEEL"), "w", encoding="utf-8") as f:
        f.write(WHEEL_FILE)
    return dist_info


# ---- PEP 517 hooks -----------------------------------------------------------------------


def get_requires_for_build_wheel(config_settings=None):
    return []


def get_requires_for_build_sdist(config_settings=None):
    return []


def prepare_metadata_for_build_wheel(metadata_directory, config_settings=None):
    return _write_metadata_directory(metadata_directory)


def build_wheel(wheel_directory, config_settings=None, metadata_directory=None):
    contents = {}
    for name, path in _package_files():
        with open(path, "rb") as f:
            contents[name] = f.read()
    return _write_wheel(wheel_directory, contents)


def build_sdist(sdist_directory, config_settings=None):
    name, version = _name_version()
    base = f"{name}-{version}"
    files = [("pyproject.toml", os.path.join(ROOT, "pyproject.toml"))]
    for extra in ("README.md", "_build/zeren_build.py"):
        if os.path.exists(os.path.join(ROOT, extra)):
            files.append((extra, os.path.join(ROOT, extra)))
    files += _package_files()
    tests = os.path.join(ROOT, "tests")
    if os.path.isdir(tests):
        for entry in sorted(os.listdir(tests)):
            if entry.endswith(".py"):
                files.append((f"tests/{entry}", os.path.join(tests, entry)))

    mtime = _timestamp()
    os.makedirs(sdist_directory, exist_ok=True)
    filename = f"{base}.tar.gz"
    target = os.path.join(sdist_directory, filename)

    def add(archive, arcname, data):
        info = tarfile.TarInfo(f"{base}/{arcname}")
        info.size = len(data)
        info.mtime = mtime
        info.mode = 0o644
        info.uname = info.gname = ""
        archive.addfile(info, io.BytesIO(data))

    with open(target + ".part", "wb") as raw:
        with gzip.GzipFile(fileobj=raw, mode="wb", mtime=mtime, filename="") as compressed:
            with tarfile.open(fileobj=compressed, mode="w", format=tarfile.PAX_FORMAT) as tar:
                add(tar, "PKG-INFO", _metadata().encode("utf-8"))
                for arcname, path in files:
                    with open(path, "rb") as f:
                        add(tar, arcname, f.read())
    os.replace(target + ".part", target)
    return filename


# ---- PEP 660 hooks (pip install -e) -------------------------------------------------------


def get_requires_for_build_editable(config_settings=None):
    return []


def prepare_metadata_for_build_editable(metadata_directory, config_settings=None):
    return _write_metadata_directory(metadata_directory)


def build_editable(wheel_directory, config_settings=None, metadata_directory=None):
    """A wheel whose only content is a .pth file putting this source tree on sys.path."""
    return _write_wheel(wheel_directory, {f"{PACKAGE}_editable.pth": (ROOT + "\n").encode()})
