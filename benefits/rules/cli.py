"""Command line: python -m benefits.rules compute FILE|- [--month YYYY-MM] [--explain] [--extra]

Reads the same inputs as the OpenFisca oracle (../shared/oracle/oracle.py) and prints the same JSON
list; exits with status 2 and the list of input errors when a household is invalid.
"""

import argparse
import json
import sys

from benefits.rules.batch import compute_batch, load_cases


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
    except (OSError, json.JSONDecodeError) as error:
        print(
            json.dumps(
                {"errors": [{"path": "", "message": f"Entrée illisible : {error}"}]}, ensure_ascii=False
            )
        )
        return 2
    rows = list(compute_batch(load_cases(document, args.month), explain=args.explain, extra=args.extra))
    failed = [row for row in rows if "errors" in row]
    if failed:
        print(
            json.dumps([{"id": r["id"], "errors": r["errors"]} for r in failed], ensure_ascii=False, indent=2)
        )
        return 2
    json.dump(rows, sys.stdout, ensure_ascii=False, indent=args.indent)
    sys.stdout.write("\n")
    return 0
