from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.translation import gettext_lazy as _


class User(AbstractUser):
    """A person of the portal. People log in with FranceConnect+; staff (agents) may also have a password.

    A person is linked to FranceConnect+ by the `sub` on allauth's SocialAccount (provider "fcplus"),
    never by e-mail or name. The civil identity below comes from FC+'s pivot identity and is refreshed
    at every login (portal.accounts.services.user_sync_from_fcplus).
    """

    # FC+ sends every given name, separated by spaces: FC's own test identities pass 50 characters.
    first_name = models.CharField(_("prénoms"), max_length=255, blank=True)
    last_name = models.CharField(_("nom de naissance"), max_length=255, blank=True)
    birth_date = models.DateField(_("date de naissance"), null=True, blank=True)
    # INSEE codes: commune of birth (2A/2B in Corsica; empty when born abroad) and country (99100 = France).
    birthplace = models.CharField(_("commune de naissance (code INSEE)"), max_length=5, blank=True)
    birth_country = models.CharField(_("pays de naissance (code INSEE)"), max_length=5, blank=True)
