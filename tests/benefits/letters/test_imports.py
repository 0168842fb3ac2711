"""The letters' services queue their task by name (benefits/letters/queueing.py): no module of the
feature imports the tasks module back, so there is no import circle, even inside a function."""

import ast
from pathlib import Path

import benefits.letters

PACKAGE = Path(benefits.letters.__file__).parent


def imported_modules(path: Path) -> set[str]:
    """Every module a file imports, at the top or inside a function."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
            found.update(f"{node.module}.{alias.name}" for alias in node.names)
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
    return found


def test_no_letters_module_imports_the_tasks_module():
    importers = [
        path.name
        for path in PACKAGE.rglob("*.py")
        if path.name != "tasks.py" and "benefits.letters.tasks" in imported_modules(path)
    ]
    assert importers == []


def test_the_tasks_module_imports_the_services_and_the_task_name():
    imports = imported_modules(PACKAGE / "tasks.py")
    assert "benefits.letters.services" in imports and "benefits.letters.queueing.RENDER_TASK" in imports
