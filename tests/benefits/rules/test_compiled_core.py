"""The compiled core (bin/build-core, docs/calculation-core.md "The real step") and its pure-Python
fallback: byte-identical outputs on every golden household and on 3,000 newly generated ones, and a
compiled module never shadows an edited source."""

import gzip
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from benefits.rules import core_build
from tests.benefits.rules.golden import OUTPUTS, ROOT, all_cases, cached_outputs, outputs

pytestmark = pytest.mark.xdist_group("oracle_agreement")  # shares the golden outputs' process
# Newly generated households (not the golden ones): other seeds, three months.
NEW_SEEDS = {"2025-05": 20_261_201, "2026-01": 20_261_202, "2026-12": 20_261_203}
PER_MONTH = 1000
compiled_only = pytest.mark.skipif(
    core_build.CORE != "compiled", reason=f"the core is not compiled here: {core_build.REASON}"
)


NEW_HOUSEHOLDS = Path(__file__).resolve().parent / "fixtures" / "compiled_check_households.json.gz"


def new_cases() -> list[tuple[str, str, dict]]:
    """Drawn once by `draw_new_cases()` (gen_households.py of ../shared/oracle, NEW_SEEDS) and committed:
    CI's clone need not sit next to ../shared."""
    data = json.loads(gzip.decompress(NEW_HOUSEHOLDS.read_bytes()))
    return [(case["id"], case["month"], case["household"]) for case in data]


def draw_new_cases() -> None:
    sys.path.insert(0, str(ROOT.parent / "shared" / "oracle"))
    import gen_households

    cases = [
        {"id": f"n-{month}-{household['id']}", "month": month, "household": household}
        for month, seed in NEW_SEEDS.items()
        for household in gen_households.generate(PER_MONTH, month, seed)
    ]
    text = json.dumps(cases, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
    NEW_HOUSEHOLDS.write_bytes(gzip.compress(text.encode(), mtime=0))


def run_python(code: str, cwd: Path, **env: str) -> subprocess.CompletedProcess:
    environment = {key: value for key, value in os.environ.items() if key != core_build.PURE_ENV}
    environment.update(PYTHONPATH=str(cwd), **env)
    return subprocess.run(
        [sys.executable, "-c", code], cwd=cwd, env=environment, capture_output=True, text=True, timeout=1800
    )


def test_compiled_when_ci_has_a_compiler():
    # CI installs with `make install`, which compiles the core when a C compiler is present: the
    # comparisons below must then run, not skip.
    if not (os.environ.get("CI") == "true" and shutil.which("cc")):
        pytest.skip("not CI, or no C compiler")
    assert core_build.CORE == "compiled", core_build.REASON


def test_pure_core_when_asked_and_the_reason_is_given():
    run = run_python(
        "from benefits.rules import core_build as c, rsa; print(c.CORE, c.REASON, rsa.__file__)",
        ROOT,
        **{core_build.PURE_ENV: "1"},
    )
    assert run.returncode == 0, run.stderr
    assert run.stdout.split()[0] == "pure"
    assert run.stdout.strip().endswith("benefits/rules/rsa.py")
    assert f"{core_build.PURE_ENV} is set" in run.stdout


@compiled_only
def test_compiled_and_pure_cores_give_byte_identical_outputs():
    """Every golden household and 3,000 new ones: the batch row and the explained result, compiled
    (this process) and pure Python (a subprocess with BENEFITS_RULES_PURE=1), byte for byte; the pure
    core also matches the golden file (the golden test itself runs on the compiled core here)."""
    code = (
        "import json, sys\n"
        "from tests.benefits.rules.golden import all_cases, outputs\n"
        "from tests.benefits.rules.test_compiled_core import new_cases\n"
        "from benefits.rules import core_build\n"
        "assert core_build.CORE == 'pure'\n"
        "json.dump([outputs(all_cases()), outputs(new_cases())], sys.stdout)\n"
    )
    run = run_python(code, ROOT, **{core_build.PURE_ENV: "1"})
    assert run.returncode == 0, run.stderr[-2000:]
    pure_golden, pure_new = json.loads(run.stdout)
    assert pure_golden == json.loads(OUTPUTS.read_text())
    compiled_golden, compiled_new = cached_outputs(), outputs(new_cases())
    assert len(compiled_new) == 3000
    assert [k for k in pure_golden if compiled_golden.get(k) != pure_golden[k]] == []
    assert [k for k in pure_new if compiled_new.get(k) != pure_new[k]] == []
    assert len(compiled_golden) == len(all_cases())


@compiled_only
def test_an_edited_source_is_never_shadowed_by_its_compiled_module(tmp_path):
    """A copy of the built core: unchanged, its compiled modules load; once rsa.py is edited (or the
    manifest is gone), every module loads from its source and stderr says why."""
    tree = tmp_path / "benefits"
    shutil.copytree(ROOT / "benefits" / "rules", tree / "rules", ignore=shutil.ignore_patterns("__pycache__"))
    (tree / "__init__.py").write_text("")
    probe = "from benefits.rules import core_build as c, rsa; print(c.CORE, rsa.__file__)"

    unchanged = run_python(probe, tmp_path)
    assert unchanged.returncode == 0, unchanged.stderr
    assert unchanged.stdout.split()[0] == "compiled" and unchanged.stdout.strip().endswith(".so")

    rsa = tree / "rules" / "rsa.py"
    rsa.write_text(rsa.read_text() + "\nEDITED = True\n")
    edited = run_python(probe + "; print(rsa.EDITED)", tmp_path)
    assert edited.returncode == 0, edited.stderr
    assert edited.stdout.split() == ["pure", str(rsa), "True"]
    assert "rsa.py changed since the compiled core was built" in edited.stderr

    rsa.write_text(rsa.read_text().replace("\nEDITED = True\n", ""))
    (tree / "rules" / "_compiled.json").unlink()
    no_manifest = run_python(probe, tmp_path)
    assert no_manifest.stdout.split() == ["pure", str(rsa)]
    assert "without a readable _compiled.json" in no_manifest.stderr


if __name__ == "__main__":  # redraw the 3,000 new households (rarely)
    draw_new_cases()
