"""The typed parameter classes (parameter_tree.py) are generated from the parameter files' names: the
committed module must be what bin/generate-parameter-tree writes, and hold every parameter, no other."""

import importlib.machinery
import importlib.util
from datetime import date
from pathlib import Path

import pytest

from benefits.rules import parameter_tree
from benefits.rules.params import all_parameters, parameters_at

ROOT = Path(__file__).resolve().parents[3]


def generator():
    loader = importlib.machinery.SourceFileLoader(
        "generate_parameter_tree", str(ROOT / "bin" / "generate-parameter-tree")
    )
    spec = importlib.util.spec_from_loader(loader.name, loader)
    module = importlib.util.module_from_spec(spec)
    loader.exec_module(module)
    return module


def read(tree, key: str) -> float:
    node = tree
    for part in key.split("."):
        node = getattr(node, part)
    return node


def test_the_committed_module_is_the_generated_one():
    module = generator()
    assert (ROOT / "benefits" / "rules" / "parameter_tree.py").read_text(
        encoding="utf-8"
    ) == module.render(), "benefits/rules/parameter_tree.py is out of date: run bin/generate-parameter-tree"


def test_every_parameter_is_a_field_with_its_value():
    # The last day of the supported months: every parameter is in force (the module holds no other
    # field: it is the generated one, above).
    day = date(2026, 12, 1)
    tree = parameters_at(day)
    assert isinstance(tree, parameter_tree.Parameters)
    for key, parameter in all_parameters().items():
        assert read(tree, key) == parameter.at(day).value, key


def test_a_new_parameter_file_gives_a_new_field(tmp_path):
    (tmp_path / "rsa").mkdir()
    (tmp_path / "rsa" / "montant_base.yaml").write_text("values: {}\n")
    (tmp_path / "bmaf.yaml").write_text("values: {}\n")
    text = generator().render(tmp_path)
    assert "class Rsa:" in text and "    montant_base: float" in text
    assert "    rsa: Rsa" in text and "    bmaf: float" in text


def test_a_parameter_not_yet_in_force_is_unset():
    # A parameter whose first value is later than the others' is unset the month before it.
    first = min(p.values[0].start for p in all_parameters().values())
    key, start = next(
        (key, p.values[0].start) for key, p in sorted(all_parameters().items()) if p.values[0].start > first
    )
    before = date(start.year - (start.month == 1), (start.month - 2) % 12 + 1, 1)
    with pytest.raises(AttributeError):
        read(parameters_at(before), key)
    assert read(parameters_at(start), key) == all_parameters()[key].at(start).value
