"""Every value a letter's presenter gives its template is printed by it (or by what it includes): a
value computed and never shown (the receipt's `total`) is either a figure the letter forgot or dead code."""

import ast
import re
from pathlib import Path

import pytest

from benefits.letters import presenters

ROOT = Path(__file__).resolve().parents[3]
TEMPLATES = ROOT / "templates"


def template_text(name: str) -> str:
    text = (TEMPLATES / name).read_text(encoding="utf-8")
    return text + "".join(
        template_text(included) for included in re.findall(r'{%\s*include\s+"([^"]+)"', text)
    )


def returned_keys(function) -> set[str]:
    tree = ast.parse(Path(presenters.__file__).read_text(encoding="utf-8"))
    (node,) = [n for n in tree.body if isinstance(n, ast.FunctionDef) and n.name == function.__name__]
    return {
        key.value
        for ret in ast.walk(node)
        if isinstance(ret, ast.Return) and isinstance(ret.value, ast.Dict)
        for key in ret.value.keys
        if isinstance(key, ast.Constant)
    }


@pytest.mark.parametrize("kind", sorted(presenters.PRESENTERS))
def test_every_value_a_presenter_gives_is_printed(kind):
    keys = returned_keys(presenters.PRESENTERS[kind])
    assert keys, kind
    printed = set(re.findall(r"\bd\.(\w+)", template_text(f"benefits/letters/body/{kind}.html")))
    assert keys - printed == set()
