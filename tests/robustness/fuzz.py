"""How many examples each fuzz test draws: a few hundred by default, more with FUZZ_EXAMPLES=N."""

import os

EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "") or 200)
