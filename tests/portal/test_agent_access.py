"""What an agent sees of the person's pages lives in portal.agent_access, below the pages that ask it:
the letters, the urgent aid and Mon espace imported it from benefits/desk/access.py, the desk's own
module, above them (the letters imported the desk, and the desk's journal view the letters)."""

import ast
from pathlib import Path

import benefits
import portal

ROOT = Path(benefits.__file__).parent.parent


def imported_modules(path: Path) -> set[str]:
    """Every module a file imports, at the top or inside a function."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
    return found


def importers_of(prefix: str, folders: list[str]) -> list[str]:
    return sorted(
        str(path.relative_to(ROOT))
        for folder in folders
        for path in (ROOT / folder).rglob("*.py")
        if "migrations" not in path.parts
        and any(module == prefix or module.startswith(prefix + ".") for module in imported_modules(path))
    )


def test_the_letters_the_urgent_aid_and_mon_espace_do_not_import_the_desk():
    assert importers_of("benefits.desk", ["benefits/letters", "benefits/auu", "portal/espace"]) == []


def test_agent_access_imports_nothing_of_the_benefits():
    imports = imported_modules(Path(portal.__file__).parent / "agent_access.py")
    assert not [module for module in imports if module.split(".")[0] == "benefits"]
