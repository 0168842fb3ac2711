"""The desk's roles as Django groups: "accueil" (counter agents) and "superviseur"."""

from django.contrib.auth.models import Group, Permission

ACCUEIL = "accueil"
SUPERVISEUR = "superviseur"
ROLES = {
    ACCUEIL: ["consult_file", "act_for_person"],
    SUPERVISEUR: ["consult_file", "act_for_person", "supervise_desk", "view_journalentry", "change_claim"],
}


def roles_ensure() -> dict[str, Group]:
    """Creates the groups and gives them their permissions (idempotent; run after migrate)."""
    groups = {}
    for name, codenames in ROLES.items():
        group, _created = Group.objects.get_or_create(name=name)
        group.permissions.set(Permission.objects.filter(codename__in=codenames))
        groups[name] = group
    return groups
