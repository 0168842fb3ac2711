"""Reads about accounts that other parts of the portal need."""

from django.contrib.auth import get_user_model

from portal.accounts.fcplus.config import PROVIDER_ID


def user_for_sub(sub: str):
    """The portal user linked to this FranceConnect+ `sub`, or None.

    The `sub` is FC+'s pairwise identifier of the person for this portal (stored as allauth's
    SocialAccount uid, provider "fcplus"); demo data uses the emulator's `emulator_sub()`.
    """
    if not sub:
        return None
    return (
        get_user_model().objects.filter(socialaccount__provider=PROVIDER_ID, socialaccount__uid=sub).first()
    )
