"""Finding a file at the desk: by numéro allocataire, or by birth name and birth date. Journaled, rate-limited."""

from django.conf import settings

from benefits.claims.files import normalized_name
from benefits.claims.models import AllocataireFile
from benefits.desk.ratelimit import over_limit
from portal.channels import AGENT
from portal.journal import journal_record

MAX_RESULTS = 10


class TooManySearches(Exception):
    pass


def file_search(*, agent, number: str = "", family_name: str = "", birth_date=None) -> list[AllocataireFile]:
    """The files matching; each search is journaled with how it was made and how many answered (no name)."""
    if over_limit(f"search:{agent.pk}", limit=settings.DESK_SEARCHES_PER_MINUTE):
        raise TooManySearches
    if number:
        found = list(AllocataireFile.objects.filter(number=number)[:1])
        how = "number"
    else:
        wanted = normalized_name(family_name)
        candidates = AllocataireFile.objects.filter(birth_date=birth_date)
        found = [file for file in candidates if normalized_name(file.family_name) == wanted][:MAX_RESULTS]
        how = "name_birth_date"
    journal_record(
        action="file_searched",
        target="desk:search",
        by=agent,
        channel=AGENT,
        details={"how": how, "results": len(found)},
    )
    return found
