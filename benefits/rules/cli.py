"""Command line: python -m benefits.rules compute FILE|- [--month YYYY-MM] [--explain] [--extra]

Reads the same inputs as the OpenFisca oracle (../shared/oracle/oracle.py) and prints the same JSON
list; exits with status 2 and the list of input errors when a household is invalid.
"""

import argparse
import json
import sys

from benefits.rules.batch import compute_batch, load_cases
from benefits.rules.errors import HouseholdInputError
from benefits.rules.parsing import shown


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benefits.rules", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    compute_parser = commands.add_parser("compute", help="compute the benefits of households")
    compute_parser.add_argument("input", help="JSON file, or - for standard input")
    compute_parser.add_argument("--month", help="month to compute (YYYY-MM), overrides the households' month")
    compute_parser.add_argument("--explain", action="store_true", help="add the step-by-step explanation")
    compute_parser.add_argument(
        "--extra",
        action="store_true",
        help="add paje_base, paje_naissance, cmg, aeeh, mva, aspa under 'extra'",
    )
    compute_parser.add_argument("--indent", type=int, default=None)
    args = parser.parse_args(argv)
    try:
        if args.input == "-":
            document = json.load(sys.stdin)
        else:
            with open(args.input, encoding="utf-8") as source:
                document = json.load(source)
    except (OSError, ValueError, RecursionError) as error:
        # ValueError covers what json.JSONDecodeError does not: an integer of more than 4,300 digits,
        # bytes that are not UTF-8 (UnicodeDecodeError); RecursionError, nesting thousands deep.
        _write({"errors": [{"path": "", "message": f"Entrée illisible : {shown(str(error))}"}]})
        return 2
    try:
        rows = list(compute_batch(load_cases(document, args.month), explain=args.explain, extra=args.extra))
    except HouseholdInputError:  # not a household, a list of them, nor {"households"|"cases": [...]}
        message = 'Entrée illisible : un foyer, une liste de foyers ou {"households": [...]} est attendu.'
        _write({"errors": [{"path": "", "message": message}]})
        return 2
    failed = [row for row in rows if "errors" in row]
    if failed:
        _write([{"id": r["id"], "errors": r["errors"]} for r in failed], indent=2)
        return 2
    _write(rows, indent=args.indent)
    return 0


def _write(document, indent=None) -> None:
    """JSON on standard output, in UTF-8 whatever the locale; a lone surrogate from the input (an id)
    is written as its JSON escape instead of failing the encoding."""
    text = json.dumps(document, ensure_ascii=False, indent=indent) + "\n"
    sys.stdout.flush()
    sys.stdout.buffer.write(text.encode("utf-8", "backslashreplace"))
    sys.stdout.buffer.flush()
