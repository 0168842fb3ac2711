import sys

from benefits.rules.cli import main

sys.exit(main())
