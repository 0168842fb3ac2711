"""Which core runs: the modules compiled by mypyc (`make install`, bin/build-core) or their sources.

The compiled modules are built from these same sources, the typed hot path of the rules (the list is
`COMPILED_MODULES` in bin/build-core). The build writes `_compiled.json` next to them: the SHA-256 of
every source it compiled. `select()`, run by `benefits/rules/__init__.py` before any rule is
imported, hashes those sources again; the compiled modules are loaded only when every hash matches
and every compiled module is there. Otherwise — a rule edited since the build, a partial build, no
manifest, or `BENEFITS_RULES_PURE=1` in the environment — a finder placed first on `sys.meta_path`
loads every `benefits.rules.*` module from its `.py` source: a compiled module never shadows an
edited source, and the core is then plain Python (the same outputs, slower).

This module is never compiled itself, and it imports nothing but the standard library.
"""

import hashlib
import importlib.machinery
import importlib.util
import json
import os
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
MANIFEST = HERE / "_compiled.json"
PURE_ENV = "BENEFITS_RULES_PURE"
PACKAGE = "benefits.rules"

# Set by select(): "compiled" or "pure", and why the core is pure ("" when compiled).
CORE = "pure"
REASON = "not selected yet"


def source_digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def extension_modules() -> set[str]:
    """The modules of this package that have a compiled extension for this interpreter."""
    return {module for path in HERE.iterdir() if (module := extension_module(path.name))}


def extension_module(filename: str) -> str:
    """ "rsa" for "rsa.cpython-312-x86_64-linux-gnu.so" (the longest suffix this interpreter loads)."""
    for suffix in sorted(importlib.machinery.EXTENSION_SUFFIXES, key=len, reverse=True):
        if filename.endswith(suffix):
            return filename[: -len(suffix)]
    return ""


def _why_pure() -> str:
    """The reason to run the sources, or "" when the compiled modules match them."""
    if os.environ.get(PURE_ENV, "") not in ("", "0"):
        return f"{PURE_ENV} is set"
    built = extension_modules()
    if not built:
        return "no compiled module (no C compiler at `make install`, or not built)"
    try:
        manifest = json.loads(MANIFEST.read_text(encoding="utf-8"))
        sources: dict[str, str] = manifest["sources"]
        extensions = set(manifest["extensions"])
    except (OSError, ValueError, KeyError, TypeError):
        return f"compiled modules without a readable {MANIFEST.name}"
    if extensions != built or not set(sources) <= built:
        return "the compiled modules are not those of the last build"
    for module, digest in sorted(sources.items()):
        source = HERE / f"{module}.py"
        if not source.exists() or source_digest(source) != digest:
            return f"{source.name} changed since the compiled core was built (make install rebuilds it)"
    return ""


class SourcesFirst:
    """A meta-path finder that loads `benefits.rules.<module>` from `<module>.py`, never from a
    compiled extension next to it."""

    @staticmethod
    def find_spec(name: str, path=None, target=None):
        package, _, module = name.rpartition(".")
        if package != PACKAGE:
            return None
        source = HERE / f"{module}.py"
        if not source.exists():
            return None
        return importlib.util.spec_from_file_location(name, source)


def select() -> str:
    """Decides, once per process, whether the compiled modules may load; returns CORE."""
    global CORE, REASON
    if any(isinstance(finder, SourcesFirst) for finder in sys.meta_path) or CORE == "compiled":
        return CORE
    REASON = _why_pure()
    if REASON:
        CORE = "pure"
        sys.meta_path.insert(0, SourcesFirst())
        if extension_modules() and os.environ.get(PURE_ENV, "") in ("", "0"):
            # Compiled modules are present but stale or incomplete: say so once, on stderr (not a
            # warning: the test suite turns warnings into errors, and the pure core is correct).
            print(f"benefits.rules: running the pure-Python core: {REASON}", file=sys.stderr)
    else:
        CORE = "compiled"
    return CORE


select()
