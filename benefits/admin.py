"""Admin screens of the benefits app, each defined in its feature package."""

import benefits.auu.admin  # noqa: F401 - registers the aide universelle d'urgence claims
import benefits.claims.admin  # noqa: F401 - registers the claims' models
import benefits.letters.admin  # noqa: F401 - registers the letters
