"""The words under and about a date field, one wording across the site (simulator, desk, urgent aid).

People type a date as JJ/MM/AAAA in every form; the hint says so in the same words everywhere,
« Format JJ/MM/AAAA, par exemple 25/03/1990. », as the simulator first wrote it, rather than the
desk's « Au format jj/mm/aaaa. » beside it. A field that needs another sentence keeps this start
(« Format JJ/MM/AAAA, celle du certificat de grossesse. »).
"""

from django.utils.translation import gettext_lazy as _

BIRTH_DATE_HINT = _("Format JJ/MM/AAAA, par exemple 25/03/1990.")
DATE_HINT = _("Format JJ/MM/AAAA.")
